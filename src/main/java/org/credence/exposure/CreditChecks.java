package org.credence.exposure;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.credence.exposure.CreditCheck.Reservation;
import org.credence.exposure.check.CheckRepository;
import org.credence.exposure.check.RuleEvaluator;
import org.credence.exposure.check.RuleEvaluator.GroupStanding;
import org.credence.exposure.check.RuleEvaluator.Outcome;
import org.credence.exposure.hold.HoldRepository;
import org.credence.exposure.position.Position;
import org.credence.exposure.position.PositionKeeper;
import org.credence.exposure.position.PositionRepository;
import org.credence.exposure.position.PositionRepository.GroupRow;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.receivable.Conversion;
import org.credence.receivable.FxRates;
import org.credence.receivable.ReceivableExposure;
import org.credence.receivable.Receivables;
import org.credence.shared.ConflictException;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credit check on the order path: "may this order go?", answered with a decision and
 * its reasons, and for APPROVED and WARNING the order's amount reserved at once.
 * <p>
 * A check is one transaction on the customer's position row, locked with
 * {@code SELECT … FOR UPDATE} (after the group's row when the customer is in a group):
 * the rules run in Java on the locked figures, the check and its reservation are written,
 * the row's reserved amount is updated, the transaction commits. However many checks for
 * one customer arrive at once, on however many nodes, they take their turn on that row,
 * so together they never take exposure past the limit plus tolerance. Nothing is cached
 * between requests but the parsed rules (by version). An order checked for the first time
 * and approved (the usual case) costs the database four round trips: the lock (with the
 * rules' version), the order's open value in the ledger, the check written with its
 * reservation in one statement, the commit; a blocked one adds its hold. An order asked
 * again waits its turn on the customer's row like a new one, and is recognised when its
 * insert finds the reference taken.
 * <p>
 * Checks are idempotent by order reference: the same reference with the same amount and
 * currency returns the current decision (also one a manager changed since); with another
 * amount it is checked anew and its reservation replaced, not added to.
 */
@Service
public class CreditChecks {

	private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

	private final CheckRepository checks;

	private final HoldRepository holds;

	private final PositionRepository positions;

	private final PositionKeeper keeper;

	private final CheckRuleVersions rules;

	private final Customers customers;

	private final Receivables receivables;

	private final FxRates fxRates;

	private final CurrentUser currentUser;

	private final Clock clock;

	CreditChecks(CheckRepository checks, HoldRepository holds, PositionRepository positions, PositionKeeper keeper,
			CheckRuleVersions rules, Customers customers, Receivables receivables, FxRates fxRates,
			CurrentUser currentUser, Clock clock) {
		this.receivables = receivables;
		this.checks = checks;
		this.holds = holds;
		this.positions = positions;
		this.keeper = keeper;
		this.rules = rules;
		this.customers = customers;
		this.fxRates = fxRates;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/**
	 * Checks an order.
	 * @throws InvalidInputException naming each missing or malformed field
	 * @throws NotFoundException when the customer is unknown or outside the caller's
	 * scope
	 * @throws ConflictException when the order reference was checked for another customer
	 * @throws org.credence.shared.RuleViolationException {@code FX_RATE_MISSING} for a
	 * currency without a rate today
	 */
	@Transactional
	public CreditCheck check(CreditCheckRequest request) {
		this.currentUser.require(Permission.CREDIT_CHECK);
		List<FieldProblem> problems = new ArrayList<>();
		String code = text("customerCode", request.customerCode(), problems);
		String orderRef = text("orderRef", request.orderRef(), problems);
		BigDecimal amount = request.amount();
		if (amount == null) {
			problems.add(new FieldProblem("amount", "exposure.check.amount.required"));
		}
		else if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2
				|| amount.precision() - amount.scale() > 17) {
			problems.add(new FieldProblem("amount", "exposure.check.amount.invalid"));
		}
		String currency = request.currency() == null || request.currency().isBlank() ? null
				: request.currency().strip().toUpperCase(Locale.ROOT);
		if (currency == null) {
			problems.add(new FieldProblem("currency", "exposure.check.currency.required"));
		}
		else if (!CURRENCY.matcher(currency).matches()) {
			problems.add(new FieldProblem("currency", "exposure.check.currency.invalid"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		BigDecimal orderAmount = amount.setScale(2);
		requireVisible(code);
		String company = this.fxRates.companyCurrency();
		LocalDate today = today();
		BigDecimal rate = currency.equals(company) ? BigDecimal.ONE : this.fxRates.rateOn(currency, today);
		BigDecimal companyAmount = Conversion.toCompany(orderAmount, rate);
		Locked locked = lock(code);
		CheckRuleVersions.Version rules = locked.rulesVersion() != null ? this.rules.inForce(locked.rulesVersion())
				: this.rules.inForce();
		// the order may be in the ledger already (recorded before its check, or checked
		// again after it arrived): what exposure counts of it is this order's too, not
		// another's
		BigDecimal ordered = ordered(code, orderRef, rules.rules(), today);
		Order order = new Order(orderRef, code, orderAmount, currency, companyAmount, company);
		// most orders are checked once: written as new in one statement with the
		// reservation; an order checked before (a conflict on its reference) takes the
		// slower way below
		Decided decided = decide(order, locked, rules.rules(), today, ordered, BigDecimal.ZERO);
		Instant at = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		String by = this.currentUser.username();
		Optional<Long> inserted = this.checks.insertReserving(written(order, decided, at, by));
		if (inserted.isPresent()) {
			return answer(order, decided, inserted.get(), null, null, at, by);
		}
		// checked before: under the lock, so a check of the same order that ran meanwhile
		// counts
		CreditCheck current = this.checks.byOrderRef(orderRef, company)
			.orElseThrow(() -> new ConflictException("exposure.check.order-ref.taken", orderRef));
		if (!current.customerCode().equals(code)) {
			throw new ConflictException("exposure.check.order-ref.taken", orderRef);
		}
		if (sameOrder(current, code, orderAmount, currency)) {
			return current;
		}
		BigDecimal own = current.reserved();
		decided = decide(order, locked, rules.rules(), today, ordered, own);
		this.checks.replace(current.checkId(), written(order, decided, at, by));
		this.positions.addReserved(code, decided.reserved().subtract(own));
		Long holdId = current.holdId();
		String holdStatus = current.holdStatus();
		if ("PENDING".equals(holdStatus) && holdId != null) {
			this.holds.decide(holdId, CreditHold.Status.WITHDRAWN, by, this.clock.instant(), null, null, null);
			holdStatus = CreditHold.Status.WITHDRAWN.name();
		}
		return answer(order, decided, current.checkId(), holdId, holdStatus, at, by);
	}

	/** The order as asked, its amount in company currency. */
	private record Order(String orderRef, String customerCode, BigDecimal amount, String currency,
			BigDecimal companyAmount, String companyCurrency) {
	}

	/** What the rules decided and what that reserves. */
	private record Decided(Outcome outcome, BigDecimal reserved, Reservation reservation,
			@Nullable LocalDate expiresOn) {
	}

	/**
	 * Runs the rules on the locked figures without what this order already holds: its
	 * earlier reservation ({@code own}) and its open value in the ledger.
	 */
	private Decided decide(Order order, Locked locked, CheckRuleSet rules, LocalDate today, BigDecimal ordered,
			BigDecimal own) {
		BigDecimal held = own.add(ordered);
		Position position = withoutOwn(locked.position(), held);
		GroupStanding group = locked.group() == null ? null : standing(locked.group(), rules, today, held);
		Outcome outcome = RuleEvaluator.evaluate(rules, position, order.companyAmount(), today, group, false, held);
		if (outcome.decision() == Decision.BLOCKED) {
			return new Decided(outcome, BigDecimal.ZERO.setScale(2), Reservation.NONE, null);
		}
		return new Decided(outcome, order.companyAmount().subtract(ordered).max(BigDecimal.ZERO).setScale(2),
				Reservation.ACTIVE, today.plusDays(rules.reservationDays()));
	}

	private static CheckRepository.Written written(Order order, Decided decided, Instant at, String by) {
		Outcome outcome = decided.outcome();
		return new CheckRepository.Written(order.orderRef(), order.customerCode(), order.amount(), order.currency(),
				order.companyAmount(), outcome.decision(), outcome.reasons(), outcome.exposure(), outcome.limit(),
				outcome.available(), decided.reserved(), decided.reservation(), decided.expiresOn(), at, by);
	}

	/**
	 * The answer as written, without reading it back; a blocked order joins the hold
	 * queue.
	 */
	private CreditCheck answer(Order order, Decided decided, long id, @Nullable Long holdId,
			@Nullable String holdStatus, Instant at, String by) {
		Outcome outcome = decided.outcome();
		if (outcome.decision() == Decision.BLOCKED) {
			holdId = this.holds.insert(id, order.orderRef(), order.customerCode(), order.amount(), order.currency(),
					order.companyAmount(), outcome.reasons(), this.clock.instant());
			holdStatus = CreditHold.Status.PENDING.name();
		}
		return new CreditCheck(id, order.orderRef(), order.customerCode(), order.amount(), order.currency(),
				order.companyAmount(), order.companyCurrency(), outcome.decision(), outcome.reasons(),
				outcome.exposure(), outcome.limit(), outcome.available(), decided.reserved(), decided.reservation(),
				decided.expiresOn(), at, by, holdId, holdStatus);
	}

	/**
	 * The current decision for an order: it changes when a held order is released or
	 * rejected.
	 * @throws NotFoundException when no check of that order is visible to the caller
	 */
	@Transactional(readOnly = true)
	public CreditCheck get(String orderRef) {
		this.currentUser.require(Permission.EXPOSURE_READ);
		CreditCheck check = this.checks.byOrderRef(orderRef, this.fxRates.companyCurrency())
			.orElseThrow(() -> new NotFoundException("exposure.check.not-found", orderRef));
		if (!this.currentUser.has(Permission.CUSTOMER_READ_ALL)
				&& this.customers.find(check.customerCode()).isEmpty()) {
			throw new NotFoundException("exposure.check.not-found", orderRef);
		}
		return check;
	}

	/** The customer's latest checks, newest first. */
	@Transactional(readOnly = true)
	public List<CreditCheck> forCustomer(String customerCode, int limit) {
		this.currentUser.require(Permission.EXPOSURE_READ);
		this.customers.get(customerCode);
		return this.checks.forCustomer(customerCode, Math.max(1, Math.min(limit, 500)), this.fxRates.companyCurrency());
	}

	/**
	 * Releases what an order reserved (the order was cancelled); a pending hold of it is
	 * withdrawn. Releasing again changes nothing.
	 * @throws NotFoundException when no check of that order is visible to the caller
	 */
	@Transactional
	public CreditCheck cancel(String orderRef) {
		this.currentUser.require(Permission.CREDIT_CHECK);
		String company = this.fxRates.companyCurrency();
		CreditCheck check = this.checks.byOrderRef(orderRef, company)
			.orElseThrow(() -> new NotFoundException("exposure.check.not-found", orderRef));
		requireVisible(check.customerCode());
		this.positions.lock(check.customerCode());
		CreditCheck locked = this.checks.lock(orderRef, company).orElseThrow();
		String by = this.currentUser.username();
		if (locked.reservation() == Reservation.ACTIVE) {
			this.checks.closeReservation(locked.checkId(), Reservation.RELEASED, this.clock.instant(), by);
			this.positions.addReserved(locked.customerCode(), locked.reserved().negate());
		}
		else if (locked.reservation() == Reservation.NONE) {
			this.checks.closeReservation(locked.checkId(), Reservation.RELEASED, this.clock.instant(), by);
		}
		this.holds.pendingFor(locked.checkId())
			.ifPresent(h -> this.holds.decide(h.id(), CreditHold.Status.WITHDRAWN, by, this.clock.instant(), null, null,
					null));
		return this.checks.byOrderRef(orderRef, company).orElseThrow();
	}

	// ---- internals shared with the hold queue ----

	/**
	 * The customer's row and its group's, locked in the order group → customer.
	 *
	 * @param rulesVersion the number of the check rules in force, when read with the lock
	 */
	record Locked(Position position, @Nullable GroupRow group, @Nullable Integer rulesVersion) {
	}

	Locked lock(String code) {
		// most customers are in no group: their row alone, in one round trip
		Optional<PositionRepository.Ungrouped> alone = this.positions.lockUngrouped(code);
		if (alone.isPresent()) {
			return new Locked(alone.get().position(), null, alone.get().rulesVersion());
		}
		String groupCode = this.positions.groupOf(code).orElse(null);
		GroupRow group = null;
		if (groupCode != null) {
			group = this.positions.lockGroup(groupCode).orElse(null);
		}
		Position position = this.keeper.lockOrCreate(code)
			.orElseThrow(() -> new NotFoundException("customer.not-found", code));
		if (groupCode == null && position.groupCode() != null) {
			// a row built just now: its group is locked after it, which no other path
			// does
			group = this.positions.lockGroup(position.groupCode()).orElse(null);
		}
		return new Locked(position, group, null);
	}

	GroupStanding standing(GroupRow group, CheckRuleSet rules, LocalDate today, BigDecimal own) {
		BigDecimal total = BigDecimal.ZERO.setScale(2);
		for (Position member : this.positions.members(group.groupCode())) {
			total = total.add(member.figures(rules, today).total());
		}
		return new GroupStanding(group.groupCode(), total.subtract(own), group.limit());
	}

	static Position withoutOwn(Position position, BigDecimal own) {
		if (own.signum() == 0) {
			return position;
		}
		return new Position(position.customerCode(), position.groupCode(), position.ownerUsername(),
				position.customerStatus(), position.blacklisted(), position.blacklistedUntil(), position.grade(),
				position.riskClass(), position.nextReviewDate(), position.lineCurrency(), position.lineLimit(),
				position.lineStatus(), position.lineValidFrom(), position.lineValidTo(), position.increases(),
				position.dues(), position.orders(), position.unappliedCash(), position.oldestOpenIssue(),
				position.reserved().subtract(own));
	}

	/**
	 * What exposure counts today of the customer's open ledger order with this number.
	 */
	private BigDecimal ordered(String code, String orderRef, CheckRuleSet rules, LocalDate today) {
		return this.currentUser.asSystem(() -> this.receivables.openOrder(code, orderRef))
			.filter(o -> rules.countOpenOrders() && (rules.orderHorizonDays() == null || o.deliveryDate() == null
					|| !o.deliveryDate().isAfter(today.plusDays(rules.orderHorizonDays()))))
			.map(ReceivableExposure.OrderDue::amount)
			.orElse(BigDecimal.ZERO);
	}

	/**
	 * The same order asked again: same customer, amount and currency, and its check still
	 * stands (not cancelled, not lapsed).
	 */
	private static boolean sameOrder(CreditCheck check, String code, BigDecimal amount, String currency) {
		return check.customerCode().equals(code) && check.amount().compareTo(amount) == 0
				&& check.currency().equals(currency) && check.reservation() != Reservation.RELEASED
				&& check.reservation() != Reservation.EXPIRED;
	}

	private void requireVisible(String code) {
		if (!this.currentUser.has(Permission.CUSTOMER_READ_ALL)) {
			this.customers.get(code);
		}
	}

	private static @Nullable String text(String field, @Nullable String value, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "exposure.check.field.required"));
			return null;
		}
		if (value.strip().length() > 64) {
			problems.add(new FieldProblem(field, "exposure.check.field.too-long", 64));
			return null;
		}
		return value.strip();
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
