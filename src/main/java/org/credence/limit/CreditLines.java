package org.credence.limit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.identity.AuditRecord;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.limit.line.Collaterals;
import org.credence.limit.line.LineRepository;
import org.credence.limit.line.LineVersion;
import org.credence.limit.line.StoredIncrease;
import org.credence.receivable.FxRates;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.Money;
import org.credence.shared.NotFoundException;
import org.credence.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credit lines: the line of a customer today or as it stood on any past date, the changes
 * a finally approved application makes, and suspension and reinstatement.
 * <p>
 * Every change is a new version in valid time ({@code effective_from}, with
 * {@code recorded_at} beside it); nothing is updated or deleted. The line on a day is its
 * version with the latest effective date on or before that day. EXPIRED is derived, never
 * stored: a line is expired on every day after its valid-to date. Temporary increases are
 * in force by their own dates, so they lapse without any job running.
 */
@Service
public class CreditLines {

	private final LineRepository lines;

	private final Collaterals collaterals;

	/** Looked up when needed, so the policy may use the lines without a cycle. */
	private final ObjectProvider<CreditPolicies> policies;

	private final Customers customers;

	private final FxRates fxRates;

	private final CurrentUser currentUser;

	private final AuditTrail auditTrail;

	private final ApplicationEventPublisher events;

	/** The changes that set limit, terms and period (see {@link #setsTerms}). */
	private static final Set<String> TERMS_CHANGES = Set.of("GRANTED", "INCREASED", "DECREASED", "RENEWED");

	private final Clock clock;

	CreditLines(LineRepository lines, Collaterals collaterals, ObjectProvider<CreditPolicies> policies,
			Customers customers, FxRates fxRates, CurrentUser currentUser, AuditTrail auditTrail,
			ApplicationEventPublisher events, Clock clock) {
		this.lines = lines;
		this.collaterals = collaterals;
		this.policies = policies;
		this.customers = customers;
		this.fxRates = fxRates;
		this.currentUser = currentUser;
		this.auditTrail = auditTrail;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The customer's line today (ACTIVE, SUSPENDED or EXPIRED), if it ever had one.
	 * @throws NotFoundException when the customer does not exist or is outside the
	 * caller's data scope
	 */
	/**
	 * The limit of a customer group (集团额度) in force, in its currency; empty when none is
	 * set. Not scoped: the figure is what the credit check holds the group to.
	 */
	@Transactional(readOnly = true)
	public Optional<Money> groupLimit(String groupCode) {
		return this.lines.groupLimit(groupCode);
	}

	@Transactional(readOnly = true)
	public Optional<CreditLine> current(String customerCode) {
		return asOf(customerCode, today());
	}

	/**
	 * The customer's line as it stood on {@code day}, from its history: empty when no
	 * line had begun by then.
	 * @throws NotFoundException when the customer does not exist or is outside the
	 * caller's data scope
	 */
	@Transactional(readOnly = true)
	public Optional<CreditLine> asOf(String customerCode, LocalDate day) {
		this.currentUser.require(Permission.LIMIT_READ);
		this.customers.get(customerCode);
		return lineOn(customerCode, day);
	}

	/**
	 * Every version of the customer's lines, newest recorded first.
	 * @throws NotFoundException when the customer does not exist or is outside the
	 * caller's data scope
	 */
	@Transactional(readOnly = true)
	public List<LineVersion> history(String customerCode) {
		this.currentUser.require(Permission.LIMIT_READ);
		this.customers.get(customerCode);
		return this.lines.history(customerCode);
	}

	/** Every temporary increase the customer's lines were ever given, newest first. */
	@Transactional(readOnly = true)
	public List<TemporaryIncrease> temporaryIncreases(String customerCode) {
		this.currentUser.require(Permission.LIMIT_READ);
		this.customers.get(customerCode);
		return this.lines.increases(customerCode).stream().map(StoredIncrease::toIncrease).toList();
	}

	/**
	 * Creates or changes the line as a finally approved application asks, within the
	 * caller's transaction; audited, publishes {@link CreditLineChanged}. Called by the
	 * application sub-package only, which checks the approver's rights; this method does
	 * not look at the caller's permissions or data scope.
	 * <ul>
	 * <li>NEW creates a line; refused ({@code CREDIT_LINE_EXISTS}, 422) while the
	 * customer's line is ACTIVE or SUSPENDED on the effective date (an EXPIRED one is
	 * replaced by the new line).</li>
	 * <li>INCREASE and DECREASE set the new limit and terms (and the valid-to date when
	 * given); RENEWAL sets limit, terms and a new period from the effective date. The
	 * currency is the line's (blank means the line's; another is refused,
	 * {@code CURRENCY_MISMATCH}, 422). When versions are already scheduled after the
	 * effective date (a suspension, a cover change), they get the same change, up to the
	 * next scheduled increase, decrease or renewal, which keeps its own figures.</li>
	 * <li>TEMPORARY adds an increase of the amount from the effective date to valid-to
	 * (default: the line's valid-to), kept beside the line by its own dates: the line's
	 * versions are not copied, so later changes to the line still apply.</li>
	 * <li>The required cover ratio follows the credit policy when a rated rule that
	 * allows credit applies to the customer; unrated, overdue review, no rule, prepayment
	 * only or no active policy: the line keeps its ratio (NEW: none).</li>
	 * </ul>
	 * Without a valid-to, a new period ends one year after it starts, less a day (from 29
	 * February: 28 February of the next year). A change takes effect on its effective
	 * date, also when that is in the future. {@link CreditLineChanged} carries the line
	 * as it stands today for a change effective today or earlier; a change effective
	 * later is announced on that day by the daily job ({@code TAKES_EFFECT}).
	 * @return the line as it stands on the effective date (or today, if later)
	 * @throws NotFoundException when the customer does not exist
	 * @throws RuleViolationException {@code NO_CREDIT_LINE} for a change to a line that
	 * does not exist, {@code CREDIT_LINE_EXPIRED} for an increase, decrease or temporary
	 * increase of an expired line, {@code CREDIT_LINE_EXISTS} for NEW,
	 * {@code CURRENCY_MISMATCH} for a change in another currency than the line's
	 */
	@Transactional
	public CreditLine applyApproved(CreditApplicationApproved approved) {
		requireValid(approved);
		String code = approved.customerCode();
		this.currentUser.asSystem(() -> this.customers.find(code))
			.orElseThrow(() -> new NotFoundException("customer.not-found", code));
		// asked before the line is locked, in this transaction; it refuses nothing
		UnaryOperator<LineVersion> cover = policyCover(code);
		this.lines.lockCustomer(code);
		LocalDate effective = approved.effectiveFrom();
		String by = approved.approvedBy();
		Long applicationId = approved.applicationId();
		Optional<CreditLine> before = lineOn(code, effective);
		String change;
		switch (approved.type()) {
			case NEW -> {
				change = "GRANTED";
				requireNoLine(code, effective);
				String currency = currency(approved.currency(), this.fxRates.companyCurrency());
				long lineId = this.lines.insertLine(code, now(), by);
				this.lines.insertVersion(cover.apply(new LineVersion(0, lineId, effective, now(), by, change,
						approved.amount(), currency, approved.termsDays(), effective,
						validTo(effective, approved.validTo()), false, null, null, applicationId, null)), now());
			}
			case INCREASE, DECREASE -> {
				change = approved.type() == ApplicationType.INCREASE ? "INCREASED" : "DECREASED";
				LineVersion base = inForce(code, effective, true);
				String currency = lineCurrency(approved.currency(), base);
				applyFrom(base, effective, change, by, applicationId, null, CreditLines::setsTerms, v -> {
					LineVersion changed = cover.apply(v.withTerms(approved.amount(), currency, approved.termsDays()));
					return approved.validTo() == null ? changed : changed.withPeriod(v.validFrom(), approved.validTo());
				});
			}
			case RENEWAL -> {
				change = "RENEWED";
				LineVersion base = inForce(code, effective, false);
				String currency = lineCurrency(approved.currency(), base);
				applyFrom(base, effective, change, by, applicationId, null, CreditLines::setsTerms,
						v -> cover.apply(v.withTerms(approved.amount(), currency, approved.termsDays())
							.withPeriod(effective, validTo(effective, approved.validTo()))));
			}
			case TEMPORARY -> {
				// kept in its own table by its own dates: no copy of the line is made, so
				// no later change of the line is undone by it
				change = "TEMPORARY_ADDED";
				LineVersion base = inForce(code, effective, true);
				lineCurrency(approved.currency(), base);
				LocalDate until = approved.validTo() != null ? approved.validTo()
						: (base.validTo() != null ? base.validTo() : validTo(effective, null));
				if (until.isBefore(effective)) {
					throw new InvalidInputException("validTo", "limit.line.valid-to.before-from");
				}
				this.lines.insertIncrease(base.lineId(), approved.amount(), effective, until, applicationId, now(), by);
			}
			default -> throw new IllegalStateException("Unknown application type " + approved.type());
		}
		CreditLine after = lineOn(code, effective).orElseThrow();
		AuditRecord record = new AuditRecord(CustomerDetails.auditSubject(code), "credit-line", code, change,
				before.map(CreditLines::state).orElse(null), state(after), null);
		this.auditTrail.record(record.because("application " + applicationId + " approved by " + by));
		LocalDate today = today();
		if (effective.isAfter(today)) {
			// announced by the daily job (TAKES_EFFECT) on the day it takes effect
			return after;
		}
		CreditLine now = lineOn(code, today).orElse(after);
		publish(change, now);
		return now;
	}

	/**
	 * Suspends the customer's line at once, with a reason; audited, kept in the history.
	 * @throws NotFoundException when the customer has no line today (or is outside the
	 * caller's data scope)
	 * @throws RuleViolationException {@code CREDIT_LINE_EXPIRED} or
	 * {@code CREDIT_LINE_SUSPENDED} when there is nothing to suspend
	 */
	@Transactional
	public CreditLine suspend(String customerCode, @Nullable String reason) {
		return suspension(customerCode, reason, true);
	}

	/**
	 * Reinstates a suspended line at once, with a reason; audited, kept in the history.
	 * @throws RuleViolationException {@code CREDIT_LINE_NOT_SUSPENDED} when it is not
	 * suspended, {@code CREDIT_LINE_EXPIRED} when it has expired
	 */
	@Transactional
	public CreditLine reinstate(String customerCode, @Nullable String reason) {
		return suspension(customerCode, reason, false);
	}

	/**
	 * Sets (or, with null, lifts) the cover ratio the line requires of its collateral, at
	 * once, with a reason; audited, kept in the history. Applications set it from the
	 * credit policy; a credit manager may tighten or lift it in between.
	 * @param ratio secured amount over limit, e.g. 0.5 for half the limit, up to 10
	 */
	@Transactional
	public CreditLine requireCover(String customerCode, @Nullable BigDecimal ratio, @Nullable String reason) {
		this.currentUser.require(Permission.CREDIT_LINE_MANAGE);
		this.customers.get(customerCode);
		requireReason(reason);
		if (ratio != null && (ratio.signum() < 0 || ratio.compareTo(BigDecimal.TEN) > 0 || ratio.scale() > 4)) {
			throw new InvalidInputException("coverRatio", "limit.line.cover-ratio.range");
		}
		this.lines.lockCustomer(customerCode);
		LocalDate today = today();
		CreditLine before = lineOn(customerCode, today)
			.orElseThrow(() -> new NotFoundException("limit.line.not-found", customerCode));
		LineVersion base = this.lines.versionOn(before.id(), today).orElseThrow();
		String why = reason.strip();
		applyFrom(base, today, "COVER_REQUIRED", this.currentUser.username(), null, why, never -> false,
				v -> v.withRequiredCoverRatio(ratio == null || ratio.signum() == 0 ? null : ratio));
		CreditLine after = lineOn(customerCode, today).orElseThrow();
		Map<String, Object> beforeState = state(before);
		beforeState.put("requiredCoverRatio",
				base.requiredCoverRatio() == null ? null : base.requiredCoverRatio().toPlainString());
		Map<String, Object> afterState = state(after);
		afterState.put("requiredCoverRatio", ratio == null ? null : ratio.toPlainString());
		this.auditTrail.record(new AuditRecord(CustomerDetails.auditSubject(customerCode), "credit-line", customerCode,
				"COVER_REQUIRED", beforeState, afterState, why));
		publish("COVER_REQUIRED", after);
		return after;
	}

	private static void requireReason(@Nullable String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "limit.line.reason.required");
		}
		if (reason.strip().length() > 1000) {
			throw new InvalidInputException("reason", "limit.line.reason.too-long");
		}
	}

	private CreditLine suspension(String code, @Nullable String reason, boolean suspend) {
		this.currentUser.require(Permission.CREDIT_LINE_MANAGE);
		this.customers.get(code);
		requireReason(reason);
		this.lines.lockCustomer(code);
		LocalDate today = today();
		CreditLine before = lineOn(code, today).orElseThrow(() -> new NotFoundException("limit.line.not-found", code));
		if (before.status() == CreditLineStatus.EXPIRED) {
			throw new RuleViolationException("CREDIT_LINE_EXPIRED", "limit.line.expired", code,
					String.valueOf(before.validTo()));
		}
		if (suspend && before.status() == CreditLineStatus.SUSPENDED) {
			throw new RuleViolationException("CREDIT_LINE_SUSPENDED", "limit.line.already-suspended", code);
		}
		if (!suspend && before.status() != CreditLineStatus.SUSPENDED) {
			throw new RuleViolationException("CREDIT_LINE_NOT_SUSPENDED", "limit.line.not-suspended", code);
		}
		String change = suspend ? "SUSPENDED" : "REINSTATED";
		LineVersion base = this.lines.versionOn(before.id(), today).orElseThrow();
		String why = reason.strip();
		applyFrom(base, today, change, this.currentUser.username(), null, why, never -> false,
				v -> v.withSuspension(suspend, why));
		CreditLine after = lineOn(code, today).orElseThrow();
		this.auditTrail.record(new AuditRecord(CustomerDetails.auditSubject(code), "credit-line", code, change,
				state(before), state(after), why));
		publish(change, after);
		return after;
	}

	/**
	 * The line as of a day without looking at the caller's rights: for this module's own
	 * work (the customer header, group sums, the daily job).
	 */
	public Optional<CreditLine> lineOn(String customerCode, LocalDate day) {
		Optional<Long> lineId = this.lines.lineIdOn(customerCode, day);
		if (lineId.isEmpty()) {
			return Optional.empty();
		}
		LineVersion version = this.lines.versionOn(lineId.get(), day).orElseThrow();
		Instant endOfDay = day.plusDays(1).atStartOfDay(this.clock.getZone()).toInstant();
		List<TemporaryIncrease> increases = this.lines.increasesOn(lineId.get(), day, endOfDay)
			.stream()
			.map(StoredIncrease::toIncrease)
			.toList();
		BigDecimal secured = this.collaterals.securedOn(customerCode, day, version.currency());
		BigDecimal ratio = version.requiredCoverRatio();
		CreditLineStatus status = version.statusOn(day);
		// the cover follows the effective limit: a temporary increase needs cover too
		BigDecimal effective = version.limit();
		for (TemporaryIncrease increase : increases) {
			if (increase.isInForceOn(day)) {
				effective = effective.add(increase.amount());
			}
		}
		boolean shortfall = ratio != null && status != CreditLineStatus.EXPIRED
				&& secured.compareTo(effective.multiply(ratio).setScale(2, RoundingMode.HALF_UP)) < 0;
		return Optional.of(new CreditLine(lineId.get(), customerCode, version.limit(), version.currency(),
				version.termsDays(), version.validFrom(), version.validTo(), status, increases, secured, shortfall,
				status == CreditLineStatus.SUSPENDED ? version.suspendedReason() : null, version.id(), day, ratio));
	}

	/**
	 * The cover ratio the line requires, as stored with its last change by an
	 * application.
	 */
	public Optional<BigDecimal> requiredCoverRatio(String customerCode, LocalDate day) {
		return this.lines.lineIdOn(customerCode, day)
			.flatMap(id -> this.lines.versionOn(id, day))
			.map(LineVersion::requiredCoverRatio);
	}

	/** Publishes the change of a line as it stands on its {@code asOf} day. */
	public void publish(String change, CreditLine line) {
		this.events.publishEvent(new CreditLineChanged(line.customerCode(), change, line.limit(), line.effectiveLimit(),
				line.currency(), line.termsDays(), line.status(), line.validFrom(), line.validTo()));
	}

	/**
	 * Inserts the changed version effective on the day; the versions already scheduled
	 * after it get the change too, in new versions of their own, up to the first that
	 * {@code stopAt} (one that sets the same figures itself): so a suspension is not
	 * undone by a renewal that was approved earlier for a later date, and an increase
	 * from 03-05 is not undone by a suspension recorded earlier for 04-01, while a
	 * renewal scheduled for 06-01 keeps its own limit.
	 */
	private void applyFrom(LineVersion base, LocalDate effective, String change, String by,
			@Nullable Long applicationId, @Nullable String reason, Predicate<LineVersion> stopAt,
			UnaryOperator<LineVersion> how) {
		List<LineVersion> later = new ArrayList<>();
		for (LineVersion scheduled : this.lines.laterVersions(base.lineId(), effective)) {
			if (stopAt.test(scheduled)) {
				break;
			}
			later.add(scheduled);
		}
		this.lines.insertVersion(how.apply(base.next(change, effective, by, applicationId, reason)), now());
		for (LineVersion scheduled : later) {
			this.lines.insertVersion(how.apply(scheduled.next(scheduled.change(), scheduled.effectiveFrom(), by,
					scheduled.applicationId(), scheduled.reason())), now());
		}
	}

	/**
	 * Whether an application of this type could change the customer's line on the day, as
	 * {@link #applyApproved} will check again: for the application form and before the
	 * last approval step. Not transactional, so a refusal here does not spoil the
	 * caller's transaction.
	 * @throws RuleViolationException {@code CREDIT_LINE_EXISTS}, {@code NO_CREDIT_LINE}
	 * or {@code CREDIT_LINE_EXPIRED}, as {@link #applyApproved} would
	 */
	public void requireApplicable(String customerCode, ApplicationType type, LocalDate effectiveFrom) {
		switch (type) {
			case NEW -> requireNoLine(customerCode, effectiveFrom);
			case RENEWAL -> inForce(customerCode, effectiveFrom, false);
			case INCREASE, DECREASE, TEMPORARY -> inForce(customerCode, effectiveFrom, true);
			default -> throw new IllegalStateException("Unknown application type " + type);
		}
	}

	/**
	 * {@link #requireApplicable(String, ApplicationType, LocalDate)} and, for a change to
	 * an existing line, that the currency is the line's (blank: the line's), as
	 * {@link #applyApproved} will check again.
	 * @throws RuleViolationException also {@code CURRENCY_MISMATCH}
	 */
	public void requireApplicable(String customerCode, ApplicationType type, LocalDate effectiveFrom,
			@Nullable String currency) {
		requireApplicable(customerCode, type, effectiveFrom);
		if (type != ApplicationType.NEW) {
			lineCurrency(currency, inForce(customerCode, effectiveFrom, type != ApplicationType.RENEWAL));
		}
	}

	/** Refuses a new line while the customer's latest is not expired on the day. */
	private void requireNoLine(String code, LocalDate effective) {
		Optional<Long> latest = this.lines.latestLineId(code);
		if (latest.isPresent()) {
			LineVersion last = this.lines.lastVersion(latest.get()).orElseThrow();
			if (last.statusOn(effective) != CreditLineStatus.EXPIRED) {
				throw new RuleViolationException("CREDIT_LINE_EXISTS", "limit.line.exists", code,
						last.limit().toPlainString(), last.currency());
			}
		}
	}

	/** The customer's line version in force on the day, for a change to it. */
	private LineVersion inForce(String code, LocalDate day, boolean refuseExpired) {
		LineVersion version = this.lines.lineIdOn(code, day)
			.flatMap(id -> this.lines.versionOn(id, day))
			.orElseThrow(() -> new RuleViolationException("NO_CREDIT_LINE", "limit.line.none", code, day.toString()));
		if (refuseExpired && version.statusOn(day) == CreditLineStatus.EXPIRED) {
			throw new RuleViolationException("CREDIT_LINE_EXPIRED", "limit.line.expired", code,
					String.valueOf(version.validTo()));
		}
		return version;
	}

	/**
	 * What the credit policy says of the line's cover now: when a rated rule that allows
	 * credit applies, its cover ratio (none when it asks for no collateral); otherwise
	 * (unrated, review overdue, no rule, prepayment only, no active policy) the line
	 * keeps the ratio it has. Runs in the caller's transaction and refuses nothing, so it
	 * cannot mark the transaction rollback-only.
	 */
	private UnaryOperator<LineVersion> policyCover(String code) {
		Optional<Recommendation> recommendation = this.policies.getObject().recommendIfActive(code);
		if (recommendation.isEmpty() || !recommendation.get().rated() || !recommendation.get().creditAllowed()) {
			return UnaryOperator.identity();
		}
		BigDecimal ratio = recommendation.get().collateralRequired() ? recommendation.get().coverRatio() : null;
		return v -> v.withRequiredCoverRatio(ratio);
	}

	/** The changes that set a line's limit, terms and period themselves. */
	private static boolean setsTerms(LineVersion version) {
		return TERMS_CHANGES.contains(version.change());
	}

	private void requireValid(CreditApplicationApproved approved) {
		List<FieldProblem> problems = new ArrayList<>();
		if (approved.amount() == null || approved.amount().signum() < 0
				|| (approved.type() == ApplicationType.TEMPORARY && approved.amount().signum() == 0)) {
			problems.add(new FieldProblem("amount", "limit.line.amount.positive"));
		}
		else if (approved.amount().scale() > 2 || approved.amount().precision() - approved.amount().scale() > 17) {
			problems.add(new FieldProblem("amount", "limit.line.amount.precision"));
		}
		if (approved.termsDays() < 0 || approved.termsDays() > 3650) {
			problems.add(new FieldProblem("termsDays", "limit.line.terms.range"));
		}
		if (approved.currency() != null && !approved.currency().isBlank()
				&& !approved.currency().strip().matches("[A-Za-z]{3}")) {
			problems.add(new FieldProblem("currency", "limit.line.currency.invalid"));
		}
		if (approved.validTo() != null && approved.validTo().isBefore(approved.effectiveFrom())) {
			problems.add(new FieldProblem("validTo", "limit.line.valid-to.before-from"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static String currency(@Nullable String currency, String otherwise) {
		return currency == null || currency.isBlank() ? otherwise : currency.strip().toUpperCase(Locale.ROOT);
	}

	/**
	 * The currency of a change to a line: the line's own; another is refused
	 * ({@code CURRENCY_MISMATCH}, 422), the line keeps its currency.
	 */
	private static String lineCurrency(@Nullable String currency, LineVersion line) {
		String asked = currency(currency, line.currency());
		if (!asked.equals(line.currency())) {
			throw new RuleViolationException("CURRENCY_MISMATCH", "limit.line.currency.mismatch", asked,
					line.currency());
		}
		return asked;
	}

	/**
	 * The given valid-to, or one year after the start less a day; a period from 29
	 * February ends on 28 February of the next year (not on the 27th, as
	 * {@code plusYears(1)} lands on the 28th).
	 */
	static LocalDate validTo(LocalDate from, @Nullable LocalDate validTo) {
		if (validTo != null) {
			return validTo;
		}
		if (from.getMonth() == java.time.Month.FEBRUARY && from.getDayOfMonth() == 29) {
			return from.plusYears(1);
		}
		return from.plusYears(1).minusDays(1);
	}

	private static Map<String, Object> state(CreditLine line) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("limit", line.limit().toPlainString());
		state.put("currency", line.currency());
		state.put("termsDays", line.termsDays());
		state.put("validFrom", line.validFrom().toString());
		state.put("validTo", line.validTo() == null ? null : line.validTo().toString());
		state.put("status", line.status().name());
		state.put("effectiveLimit", line.effectiveLimit().toPlainString());
		state.put("asOf", line.asOf().toString());
		return state;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	private Instant now() {
		return this.clock.instant();
	}

}
