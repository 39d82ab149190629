package org.credence.exposure;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.credence.customer.Customers;
import org.credence.exposure.position.Position;
import org.credence.exposure.position.Position.Figures;
import org.credence.exposure.position.PositionKeeper;
import org.credence.exposure.position.PositionRepository;
import org.credence.exposure.position.PositionRepository.GroupRow;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.receivable.FxRates;
import org.credence.receivable.ReceivableExposure;
import org.credence.shared.NotFoundException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exposure (信用敞口) per customer and group, read from the kept positions in constant time;
 * rebuilding positions, and the reconciliation that compares every kept position with a
 * full recomputation from the ledger, the lines and the credit file.
 */
@Service
public class Exposures {

	private static final Logger log = LoggerFactory.getLogger(Exposures.class);

	private final PositionRepository positions;

	private final PositionKeeper keeper;

	private final CheckRuleVersions rules;

	private final Customers customers;

	private final FxRates fxRates;

	private final CurrentUser currentUser;

	private final Clock clock;

	private final ObjectProvider<Exposures> self;

	Exposures(PositionRepository positions, PositionKeeper keeper, CheckRuleVersions rules, Customers customers,
			FxRates fxRates, CurrentUser currentUser, Clock clock, ObjectProvider<Exposures> self) {
		this.self = self;
		this.positions = positions;
		this.keeper = keeper;
		this.rules = rules;
		this.customers = customers;
		this.fxRates = fxRates;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/**
	 * The customer's exposure today under the rules in force, with its group's when the
	 * caller may see every customer.
	 * @throws NotFoundException when the customer is unknown or outside the caller's
	 * scope
	 */
	@Transactional
	public Exposure of(String customerCode) {
		this.currentUser.require(Permission.EXPOSURE_READ);
		this.customers.get(customerCode);
		Position position = this.positions.find(customerCode)
			.or(() -> this.keeper.refresh(customerCode) ? this.positions.find(customerCode) : Optional.empty())
			.orElseThrow(() -> new NotFoundException("customer.not-found", customerCode));
		CheckRuleSet rules = this.rules.inForce().rules();
		LocalDate today = LocalDate.now(this.clock);
		Exposure.GroupExposure group = null;
		if (position.groupCode() != null && this.currentUser.has(Permission.CUSTOMER_READ_ALL)) {
			group = group(position.groupCode(), rules, today);
		}
		return position.figures(rules, today)
			.toExposure(customerCode, this.fxRates.companyCurrency(), rules, today, group);
	}

	private Exposure.GroupExposure group(String groupCode, CheckRuleSet rules, LocalDate today) {
		BigDecimal zero = BigDecimal.ZERO.setScale(2);
		BigDecimal receivables = zero;
		BigDecimal orders = zero;
		BigDecimal reserved = zero;
		BigDecimal total = zero;
		BigDecimal overdue = zero;
		int maxDays = 0;
		List<Position> members = this.positions.members(groupCode);
		for (Position member : members) {
			Figures figures = member.figures(rules, today);
			receivables = receivables.add(figures.openReceivables());
			orders = orders.add(figures.openOrders());
			reserved = reserved.add(figures.reserved());
			total = total.add(figures.total());
			overdue = overdue.add(figures.overdueAmount());
			maxDays = Math.max(maxDays, figures.maxDaysOverdue());
		}
		BigDecimal limit = this.positions.group(groupCode).map(GroupRow::limit).orElse(null);
		return new Exposure.GroupExposure(groupCode, this.fxRates.companyCurrency(), receivables, orders, reserved,
				total, limit, limit == null ? null : limit.subtract(total), overdue, maxDays, members.size());
	}

	/**
	 * Rebuilds the positions of the customers given, or of every customer when null, from
	 * the other modules (an administrator's repair, and the start of a benchmark).
	 * @return how many were rebuilt
	 */
	@Transactional
	public int rebuild(@Nullable Collection<String> customerCodes) {
		this.currentUser.require(Permission.CHECK_RULES_MANAGE);
		return this.keeper.rebuild(customerCodes);
	}

	/**
	 * Compares every kept position with a full recomputation from the ledger, the lines,
	 * the credit file and the checks' own reservations, and reports each customer whose
	 * figures differ. Changes nothing. Everything is read from one snapshot (repeatable
	 * read): checks and documents committing meanwhile would otherwise show as drift
	 * between a kept row read first and its recomputation read later.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Reconciliation reconcile() {
		this.currentUser.require(Permission.CHECK_RULES_MANAGE);
		Map<String, ReceivableExposure> figures = this.keeper.receivableFigures(null);
		List<String> codes = this.currentUser.asSystem(this.customers::allCodes);
		List<Reconciliation.Difference> differences = new ArrayList<>();
		Map<String, Position> kept = new java.util.HashMap<>();
		for (Position position : this.positions.all(null)) {
			kept.put(position.customerCode(), position);
		}
		CheckRuleSet rules = this.rules.inForce().rules();
		LocalDate today = LocalDate.now(this.clock);
		int compared = 0;
		for (String code : codes) {
			Position stored = kept.get(code);
			if (stored == null) {
				// a customer never checked nor touched since positions began: built when
				// first needed
				continue;
			}
			compared++;
			Optional<Position> fresh = this.keeper.recompute(code, figures.get(code));
			if (fresh.isPresent() && !stored.sameFigures(fresh.get())) {
				differences.add(new Reconciliation.Difference(code, stored.figures(rules, today).total(),
						fresh.get().figures(rules, today).total()));
			}
		}
		return new Reconciliation(today, compared, differences);
	}

	/**
	 * The nightly reconciliation: reports every difference in the log (as a warning, with
	 * the customer and both totals), so operations learns of a position that drifted.
	 */
	@Scheduled(cron = "${credence.exposure.reconciliation-cron:0 30 1 * * *}",
			zone = "${credence.time-zone:Asia/Shanghai}")
	@SchedulerLock(name = "exposure-reconciliation", lockAtMostFor = "PT1H")
	public void reconcileNightly() {
		// through the proxy: the reconciliation's snapshot is its transaction's
		Reconciliation result = this.currentUser.asSystem(() -> this.self.getObject().reconcile());
		for (Reconciliation.Difference difference : result.differences()) {
			log.warn("Exposure of {} kept as {} but recomputed as {}", difference.customerCode(),
					difference.keptTotal().toPlainString(), difference.recomputedTotal().toPlainString());
		}
		log.info("Exposure reconciliation: {} positions compared, {} differ", result.compared(),
				result.differences().size());
	}

	/**
	 * What a reconciliation found.
	 *
	 * @param compared how many kept positions were compared
	 */
	public record Reconciliation(LocalDate asOf, int compared, List<Difference> differences) {

		public Reconciliation {
			differences = List.copyOf(differences);
		}

		/** A customer whose kept figures differ from the recomputed ones. */
		public record Difference(String customerCode, BigDecimal keptTotal, BigDecimal recomputedTotal) {
		}

	}

}
