package org.credence.exposure.position;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.credence.assessment.AssessmentCompleted;
import org.credence.assessment.AssessmentResult;
import org.credence.assessment.Assessments;
import org.credence.customer.CustomerBlacklisted;
import org.credence.customer.CustomerChanged;
import org.credence.customer.CustomerDetails;
import org.credence.customer.CustomerRemovedFromBlacklist;
import org.credence.customer.Customers;
import org.credence.exposure.position.Position.Due;
import org.credence.exposure.position.Position.Increase;
import org.credence.exposure.position.Position.OrderDue;
import org.credence.identity.CurrentUser;
import org.credence.limit.CreditLine;
import org.credence.limit.CreditLineChanged;
import org.credence.limit.CreditLines;
import org.credence.limit.GroupLimitChanged;
import org.credence.limit.TemporaryIncrease;
import org.credence.receivable.Conversion;
import org.credence.receivable.CreditNoteRecorded;
import org.credence.receivable.FxRates;
import org.credence.receivable.InvoiceRecorded;
import org.credence.receivable.InvoiceWrittenOff;
import org.credence.receivable.InvoicesImported;
import org.credence.receivable.OrderRecorded;
import org.credence.receivable.PaymentReceived;
import org.credence.receivable.PaymentReversed;
import org.credence.receivable.ReceivableExposure;
import org.credence.receivable.Receivables;
import org.credence.shared.Money;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps every customer's position current. Listens synchronously, inside the transaction
 * that changed the ledger, the line or the credit file: the position changes with the
 * document or not at all, so a credit check never sees an invoice without its effect on
 * exposure, and no retry or catch-up is needed. Each event rewrites the side of the row
 * it concerns from the owning module's API (the receivable side from the ledger, the line
 * from the limit module …), under the row's lock, so the kept row is by construction what
 * a recomputation gives; {@link #recompute} is that recomputation, for the
 * reconciliation.
 * <p>
 * Reservations are the exposure module's own: {@code reserved} changes only with credit
 * checks, releases, consumption and expiry, as deltas under the row's lock.
 */
@Component
public class PositionKeeper {

	private static final Logger log = LoggerFactory.getLogger(PositionKeeper.class);

	private final PositionRepository positions;

	private final Customers customers;

	private final Assessments assessments;

	private final CreditLines lines;

	private final Receivables receivables;

	private final FxRates fxRates;

	private final CurrentUser currentUser;

	private final Clock clock;

	PositionKeeper(PositionRepository positions, Customers customers, Assessments assessments, CreditLines lines,
			Receivables receivables, FxRates fxRates, CurrentUser currentUser, Clock clock) {
		this.positions = positions;
		this.customers = customers;
		this.assessments = assessments;
		this.lines = lines;
		this.receivables = receivables;
		this.fxRates = fxRates;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	// ---- events ----
	// A customer's row is built when first needed (its first check, its exposure read);
	// until then events about it change nothing here, so bulk imports and batch
	// re-assessments of customers nobody checks cost one indexed look-up each. So that a
	// row built while a document is still uncommitted cannot miss it, every listener
	// holds
	// the customer's build lock shared (a bulk import: the bulk lock) from before it
	// looks
	// for the row to the end of the document's transaction, and building a row takes both
	// exclusively first: it waits for such documents to commit and then reads them.

	@EventListener
	void on(CustomerChanged event) {
		refreshCustomer(event.code());
	}

	@EventListener
	void on(CustomerBlacklisted event) {
		refreshCustomer(event.code());
	}

	@EventListener
	void on(CustomerRemovedFromBlacklist event) {
		refreshCustomer(event.code());
	}

	@EventListener
	void on(AssessmentCompleted event) {
		this.positions.shareBuildLock(event.customerCode());
		this.positions.writeRating(event.customerCode(), event.grade(), event.riskClass(), event.nextReviewDate(),
				now());
	}

	@EventListener
	void on(CreditLineChanged event) {
		this.positions.shareBuildLock(event.customerCode());
		if (this.positions.lock(event.customerCode()).isPresent()) {
			writeLine(event.customerCode());
		}
	}

	@EventListener
	void on(GroupLimitChanged event) {
		writeGroup(event.groupCode());
	}

	@EventListener
	@Order(10)
	void on(OrderRecorded event) {
		refreshReceivables(List.of(event.customerCode()));
	}

	@EventListener
	@Order(10)
	void on(InvoiceRecorded event) {
		refreshReceivables(List.of(event.customerCode()));
	}

	@EventListener
	void on(PaymentReceived event) {
		refreshReceivables(List.of(event.customerCode()));
	}

	@EventListener
	void on(PaymentReversed event) {
		refreshReceivables(List.of(event.customerCode()));
	}

	@EventListener
	void on(CreditNoteRecorded event) {
		refreshReceivables(List.of(event.customerCode()));
	}

	@EventListener
	void on(InvoiceWrittenOff event) {
		refreshReceivables(List.of(event.customerCode()));
	}

	@EventListener
	void on(InvoicesImported event) {
		this.positions.takeBulkLock();
		refreshReceivables(event.customerCodes());
	}

	// ---- refreshing ----

	/**
	 * Makes sure the customer has a row, built from scratch when it had none; the row,
	 * locked until the transaction ends.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Position> lockOrCreate(String customerCode) {
		Optional<Position> locked = this.positions.lock(customerCode);
		if (locked.isPresent()) {
			return locked;
		}
		if (!refresh(customerCode)) {
			return Optional.empty();
		}
		return this.positions.lock(customerCode);
	}

	/**
	 * Rebuilds the customer's whole row from the other modules; false when there is no
	 * such customer.
	 */
	@Transactional
	public boolean refresh(String customerCode) {
		this.positions.takeBuildLock(customerCode);
		Optional<CustomerDetails> customer = asSystem(() -> this.customers.find(customerCode));
		if (customer.isEmpty()) {
			return false;
		}
		// the group's row first: checks lock it before the customer's
		String group = customer.get().groupCode();
		if (group != null) {
			writeGroup(group);
		}
		build(customer.get());
		if (group != null) {
			// the group's total counts every member: build the rows its members lack
			for (String member : asSystem(() -> this.customers.groupMembers(group))) {
				if (!member.equals(customerCode) && this.positions.find(member).isEmpty()) {
					this.positions.takeBuildLock(member);
					asSystem(() -> this.customers.find(member)).ifPresent(this::build);
				}
			}
		}
		return true;
	}

	private void build(CustomerDetails customer) {
		String code = customer.code();
		this.positions.ensure(code, customer.status().name(), now());
		this.positions.lock(code);
		writeCustomer(customer);
		writeLine(code);
		writeReceivables(code, receivableFigures(List.of(code)).get(code));
		this.positions.writeReserved(code, this.positions.reservedByChecks(code));
	}

	/**
	 * Rebuilds the rows of the customers given, or of every customer when null: the
	 * receivable side in one pass over the ledger, the rest customer by customer.
	 * @return how many rows were rebuilt
	 */
	@Transactional
	public int rebuild(@Nullable Collection<String> customerCodes) {
		List<String> codes = customerCodes == null ? asSystem(this::allCustomerCodes)
				: customerCodes.stream().distinct().sorted().toList();
		int rebuilt = 0;
		for (String group : asSystem(() -> groupsOf(codes))) {
			writeGroup(group);
		}
		for (String code : codes) {
			Optional<CustomerDetails> customer = asSystem(() -> this.customers.find(code));
			if (customer.isEmpty()) {
				continue;
			}
			this.positions.ensure(code, customer.get().status().name(), now());
			this.positions.lock(code);
		}
		// the ledger read once the rows are locked, so no document write can slip in
		// between
		Map<String, ReceivableExposure> figures = receivableFigures(customerCodes == null ? null : codes);
		for (String code : codes) {
			Optional<CustomerDetails> customer = asSystem(() -> this.customers.find(code));
			if (customer.isEmpty()) {
				continue;
			}
			writeCustomer(customer.get());
			writeLine(code);
			writeReceivables(code, figures.get(code));
			this.positions.writeReserved(code, this.positions.reservedByChecks(code));
			rebuilt++;
		}
		return rebuilt;
	}

	/**
	 * Rewrites the receivable side of the rows of those customers given that have one,
	 * from the ledger, in one pass over it.
	 */
	@Transactional
	public void refreshReceivables(Collection<String> customerCodes) {
		List<String> sorted = customerCodes.stream().distinct().sorted().toList();
		if (sorted.size() == 1) {
			this.positions.shareBuildLock(sorted.get(0));
		}
		List<String> codes = this.positions.existing(sorted);
		if (codes.isEmpty()) {
			return;
		}
		// lock first, then read the ledger: two writers of one customer's row take turns
		codes.forEach(this.positions::lock);
		Map<String, ReceivableExposure> figures = receivableFigures(codes);
		for (String code : codes) {
			writeReceivables(code, figures.get(code));
		}
	}

	private void refreshCustomer(String code) {
		this.positions.shareBuildLock(code);
		Optional<CustomerDetails> customer = asSystem(() -> this.customers.find(code));
		if (customer.isEmpty()) {
			return;
		}
		if (this.positions.find(code).isEmpty()) {
			return;
		}
		if (customer.get().groupCode() != null && this.positions.group(customer.get().groupCode()).isEmpty()) {
			writeGroup(customer.get().groupCode());
		}
		this.positions.lock(code);
		writeCustomer(customer.get());
	}

	// ---- the sides of a row ----

	/**
	 * A customer's row as a recomputation from the other modules gives it, written
	 * nowhere.
	 */
	@Transactional(readOnly = true)
	public Optional<Position> recompute(String customerCode, @Nullable ReceivableExposure receivable) {
		Optional<CustomerDetails> found = asSystem(() -> this.customers.find(customerCode));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		CustomerDetails customer = found.get();
		CustomerSide side = customerSide(customer);
		LineSide line = lineSide(customerCode);
		ReceivableSide figures = receivableSide(receivable);
		return Optional.of(new Position(customerCode, customer.groupCode(), customer.ownerUsername(),
				customer.status().name(), side.blacklisted(), side.blacklistedUntil(), customer.grade(),
				customer.riskClass(), side.nextReviewDate(), line.currency(), line.limit(), line.status(),
				line.validFrom(), line.validTo(), line.increases(), figures.dues(), figures.orders(),
				figures.unappliedCash(), figures.oldestOpenIssue(), this.positions.reservedByChecks(customerCode)));
	}

	/**
	 * The receivable side of the customers given (every customer when null), from the
	 * ledger: every document recorded counts from the moment it is recorded, whatever day
	 * it is dated (an invoice dated tomorrow already takes its order's open value today).
	 */
	@Transactional(readOnly = true)
	public Map<String, ReceivableExposure> receivableFigures(@Nullable Collection<String> customerCodes) {
		return asSystem(() -> this.receivables.exposures(customerCodes, RECORDED));
	}

	/** "As of" every document recorded, dated whenever. */
	private static final LocalDate RECORDED = LocalDate.of(9999, 12, 31);

	private void writeCustomer(CustomerDetails customer) {
		CustomerSide side = customerSide(customer);
		this.positions.writeCustomer(customer.code(), customer.groupCode(), customer.ownerUsername(),
				customer.status().name(), side.blacklisted(), side.blacklistedUntil(), customer.grade(),
				customer.riskClass(), now());
		this.positions.writeReview(customer.code(), side.nextReviewDate(), now());
	}

	private CustomerSide customerSide(CustomerDetails customer) {
		boolean blacklisted = customer.blacklisted() && customer.blacklistEntry() != null;
		LocalDate until = blacklisted ? customer.blacklistEntry().expiresOn() : null;
		LocalDate review = asSystem(() -> this.assessments.current(customer.code()))
			.map(AssessmentResult::nextReviewDate)
			.orElse(null);
		return new CustomerSide(blacklisted, until, review);
	}

	private record CustomerSide(boolean blacklisted, @Nullable LocalDate blacklistedUntil,
			@Nullable LocalDate nextReviewDate) {
	}

	private void writeLine(String code) {
		LineSide line = lineSide(code);
		this.positions.writeLine(code, line.currency(), line.limit(), line.status(), line.validFrom(), line.validTo(),
				line.increases(), now());
	}

	private LineSide lineSide(String code) {
		Optional<CreditLine> current = asSystem(() -> this.lines.current(code));
		if (current.isEmpty()) {
			return new LineSide(null, null, null, null, null, List.of());
		}
		CreditLine line = current.get();
		BigDecimal rate = rate(line.currency());
		if (rate == null) {
			log.warn("No FX rate for {} today: the credit line of {} counts as none until there is one",
					line.currency(), code);
			return new LineSide(null, null, null, null, null, List.of());
		}
		List<Increase> increases = new ArrayList<>();
		for (TemporaryIncrease increase : line.temporaryIncreases()) {
			increases.add(new Increase(Conversion.toCompany(increase.amount(), rate), increase.validFrom(),
					increase.validTo()));
		}
		String status = line.status().name().equals("SUSPENDED") ? "SUSPENDED" : "ACTIVE";
		return new LineSide(line.currency(), Conversion.toCompany(line.limit(), rate), status, line.validFrom(),
				line.validTo(), increases);
	}

	private record LineSide(@Nullable String currency, @Nullable BigDecimal limit, @Nullable String status,
			@Nullable LocalDate validFrom, @Nullable LocalDate validTo, List<Increase> increases) {
	}

	private void writeReceivables(String code, @Nullable ReceivableExposure figures) {
		ReceivableSide side = receivableSide(figures);
		this.positions.writeReceivables(code, side.dues(), side.orders(), side.unappliedCash(), side.oldestOpenIssue(),
				now());
	}

	private static ReceivableSide receivableSide(@Nullable ReceivableExposure figures) {
		if (figures == null) {
			return new ReceivableSide(List.of(), List.of(), Position.ZERO, null);
		}
		return new ReceivableSide(figures.dues().stream().map(d -> new Due(d.dueDate(), d.amount())).toList(),
				figures.orders().stream().map(o -> new OrderDue(o.deliveryDate(), o.amount())).toList(),
				figures.unappliedCash(), figures.oldestOpenIssueDate());
	}

	private record ReceivableSide(List<Due> dues, List<OrderDue> orders, BigDecimal unappliedCash,
			@Nullable LocalDate oldestOpenIssue) {
	}

	private void writeGroup(String groupCode) {
		Optional<Money> limit = asSystem(() -> this.lines.groupLimit(groupCode));
		String company = this.fxRates.companyCurrency();
		BigDecimal amount = null;
		if (limit.isPresent()) {
			BigDecimal rate = rate(limit.get().currency().getCurrencyCode());
			amount = rate == null ? null : Conversion.toCompany(limit.get().amount(), rate);
		}
		this.positions.writeGroup(groupCode, amount, company, now());
	}

	private @Nullable BigDecimal rate(String currency) {
		// not rateOn: its FX_RATE_MISSING would mark the caller's transaction (a credit
		// line
		// being granted) rollback-only
		return asSystem(() -> this.fxRates.findRateOn(currency, today())).orElse(null);
	}

	private List<String> groupsOf(List<String> codes) {
		return codes.stream()
			.map(this.customers::find)
			.flatMap(Optional::stream)
			.map(CustomerDetails::groupCode)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.sorted()
			.toList();
	}

	private List<String> allCustomerCodes() {
		return this.customers.allCodes();
	}

	private <T> T asSystem(java.util.function.Supplier<T> work) {
		return this.currentUser.asSystem(work);
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	private Instant now() {
		return this.clock.instant();
	}

}
