package org.credence.exposure;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.exposure.CreditCheck.Reservation;
import org.credence.exposure.CreditChecks.Locked;
import org.credence.exposure.CreditHold.Status;
import org.credence.exposure.check.CheckRepository;
import org.credence.exposure.check.RuleEvaluator.GroupStanding;
import org.credence.exposure.hold.HoldRepository;
import org.credence.exposure.position.Position;
import org.credence.exposure.position.PositionRepository;
import org.credence.exposure.position.PositionRepository.GroupRow;
import org.credence.identity.AuditRecord;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.identity.Role;
import org.credence.limit.CreditApplications;
import org.credence.receivable.FxRates;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.NotFoundException;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.credence.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credit-hold queue (信用冻结): every blocked check waits here until a credit manager
 * releases it (the order's amount is then reserved, and the order system reads the new
 * decision by its reference) or rejects it. A release that takes exposure above the limit
 * is a special approval (信用特批): it states the excess it allows and until when, and the
 * limits module's approval matrix decides whether a credit manager may grant that excess
 * alone: only when the matrix would let a credit manager approve a limit of that size
 * without the committee. Sales see the holds of their own customers. Every decision is
 * audited on the customer's file.
 */
@Service
public class CreditHolds {

	/** The furthest a special approval may reach. */
	static final int MAX_SPECIAL_APPROVAL_DAYS = 90;

	private final HoldRepository holds;

	private final CheckRepository checks;

	private final PositionRepository positions;

	private final CreditChecks creditChecks;

	private final CheckRuleVersions rules;

	private final CreditApplications applications;

	private final Customers customers;

	private final FxRates fxRates;

	private final CurrentUser currentUser;

	private final AuditTrail auditTrail;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CreditHolds(HoldRepository holds, CheckRepository checks, PositionRepository positions, CreditChecks creditChecks,
			CheckRuleVersions rules, CreditApplications applications, Customers customers, FxRates fxRates,
			CurrentUser currentUser, AuditTrail auditTrail, ApplicationEventPublisher events, Clock clock) {
		this.holds = holds;
		this.checks = checks;
		this.positions = positions;
		this.creditChecks = creditChecks;
		this.rules = rules;
		this.applications = applications;
		this.customers = customers;
		this.fxRates = fxRates;
		this.currentUser = currentUser;
		this.auditTrail = auditTrail;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Holds by status (every status when null), of one customer when given; pending ones
	 * oldest first. Sales see only their own customers' holds.
	 */
	@Transactional(readOnly = true)
	public PageResult<CreditHold> search(@Nullable Status status, @Nullable String customerCode, Paging paging) {
		this.currentUser.require(Permission.EXPOSURE_READ);
		if (customerCode != null) {
			this.customers.get(customerCode);
		}
		String owner = this.currentUser.ownerScope().orElse(null);
		long total = this.holds.count(status, owner, customerCode);
		List<CreditHold> items = this.holds
			.search(status, owner, customerCode, paging.page() * paging.size(), paging.size())
			.stream()
			.map(this::named)
			.toList();
		return new PageResult<>(items, paging.page(), paging.size(), total);
	}

	/**
	 * How many holds wait for a decision (the navigation's count), for those who decide.
	 */
	@Transactional(readOnly = true)
	public long countPending() {
		if (!this.currentUser.has(Permission.HOLD_DECIDE)) {
			return 0;
		}
		return this.holds.count(Status.PENDING, null, null);
	}

	/**
	 * @throws NotFoundException when there is no such hold in the caller's scope
	 */
	@Transactional(readOnly = true)
	public CreditHold get(long id) {
		this.currentUser.require(Permission.EXPOSURE_READ);
		CreditHold hold = this.holds.find(id).orElseThrow(() -> new NotFoundException("exposure.hold.not-found", id));
		if (this.customers.find(hold.customerCode()).isEmpty()) {
			throw new NotFoundException("exposure.hold.not-found", id);
		}
		return named(hold);
	}

	/**
	 * What releasing the hold now would take: the exposure, limit and the excess over the
	 * limit it would allow (zero when it fits), and whether the caller may grant that
	 * excess alone.
	 */
	@Transactional(readOnly = true)
	public ReleaseTerms terms(long id) {
		CreditHold hold = get(id);
		CheckRuleSet rules = this.rules.inForce().rules();
		LocalDate today = today();
		Position position = this.positions.find(hold.customerCode())
			.orElseThrow(() -> new NotFoundException("exposure.hold.not-found", id));
		Position.Figures figures = position.figures(rules, today);
		GroupRow group = position.groupCode() == null ? null : this.positions.group(position.groupCode()).orElse(null);
		BigDecimal excess = excess(position, group, rules, today, hold.companyAmount());
		return new ReleaseTerms(figures.total(), figures.limit(), excess,
				excess.signum() == 0 || mayGrant(excess, position));
	}

	/**
	 * What releasing a hold would take.
	 *
	 * @param excess above the limit, zero when the order fits
	 * @param allowed whether the caller may release it (grant the excess alone)
	 */
	public record ReleaseTerms(BigDecimal exposure, @Nullable BigDecimal limit, BigDecimal excess, boolean allowed) {
	}

	/**
	 * Releases a held order: its amount is reserved and its check reads APPROVED with
	 * {@code RELEASED_BY_MANAGER}. Above the limit it is a special approval that needs
	 * {@code excessUntil} (today up to 90 days on; the reservation lapses then).
	 * @throws InvalidInputException without a reason, or without {@code excessUntil} for
	 * a special approval
	 * @throws RuleViolationException {@code HOLD_DECIDED} when it is no longer pending,
	 * {@code SPECIAL_APPROVAL_NEEDS_COMMITTEE} when the matrix asks more than a credit
	 * manager for that excess
	 */
	@Transactional
	public CreditHold release(long id, @Nullable String reason, @Nullable LocalDate excessUntil) {
		this.currentUser.require(Permission.HOLD_DECIDE);
		String why = reason(reason);
		CreditHold hold = get(id);
		// audited writes lock the chain before the rows their events touch: so do we
		this.auditTrail.lockChain();
		String company = this.fxRates.companyCurrency();
		Locked locked = this.creditChecks.lock(hold.customerCode());
		CreditCheck check = this.checks.lock(hold.orderRef(), company).orElseThrow();
		hold = this.holds.find(id).orElseThrow();
		requirePending(hold);
		CheckRuleSet rules = this.rules.inForce().rules();
		LocalDate today = today();
		BigDecimal excess = excess(locked.position(), locked.group(), rules, today, hold.companyAmount());
		LocalDate expiresOn = today.plusDays(rules.reservationDays());
		if (excess.signum() > 0) {
			if (excessUntil == null) {
				throw new InvalidInputException("excessUntil", "exposure.hold.excess-until.required", excess);
			}
			if (excessUntil.isBefore(today) || excessUntil.isAfter(today.plusDays(MAX_SPECIAL_APPROVAL_DAYS))) {
				throw new InvalidInputException("excessUntil", "exposure.hold.excess-until.invalid",
						MAX_SPECIAL_APPROVAL_DAYS);
			}
			if (!mayGrant(excess, locked.position())) {
				throw new RuleViolationException("SPECIAL_APPROVAL_NEEDS_COMMITTEE",
						"exposure.hold.special-approval.committee", excess);
			}
			expiresOn = excessUntil;
		}
		String by = this.currentUser.username();
		List<Reason> reasons = new ArrayList<>();
		reasons.add(Reason.of(ReasonCode.RELEASED_BY_MANAGER, RuleMode.OFF, by, why, excess.signum() > 0 ? excess : "",
				excess.signum() > 0 ? expiresOn : ""));
		reasons.addAll(check.reasons());
		this.checks.decide(check.checkId(), Decision.APPROVED, reasons, hold.companyAmount(), Reservation.ACTIVE,
				expiresOn);
		this.positions.addReserved(hold.customerCode(), hold.companyAmount());
		this.holds.decide(id, Status.RELEASED, by, this.clock.instant(), why, excess.signum() > 0 ? excess : null,
				excess.signum() > 0 ? expiresOn : null);
		audit(hold, "RELEASED", why, excess.signum() > 0 ? excess : null, excess.signum() > 0 ? expiresOn : null);
		this.events.publishEvent(new CreditHoldDecided(id, hold.orderRef(), hold.customerCode(), Status.RELEASED,
				hold.companyAmount(), by));
		return get(id);
	}

	/**
	 * Rejects a held order: its check stays BLOCKED, with {@code REJECTED_BY_MANAGER}.
	 * @throws InvalidInputException without a reason
	 * @throws RuleViolationException {@code HOLD_DECIDED} when it is no longer pending
	 */
	@Transactional
	public CreditHold reject(long id, @Nullable String reason) {
		this.currentUser.require(Permission.HOLD_DECIDE);
		String why = reason(reason);
		CreditHold hold = get(id);
		this.auditTrail.lockChain();
		this.positions.lock(hold.customerCode());
		CreditCheck check = this.checks.lock(hold.orderRef(), this.fxRates.companyCurrency()).orElseThrow();
		hold = this.holds.find(id).orElseThrow();
		requirePending(hold);
		String by = this.currentUser.username();
		List<Reason> reasons = new ArrayList<>();
		reasons.add(Reason.of(ReasonCode.REJECTED_BY_MANAGER, RuleMode.BLOCK, by, why));
		reasons.addAll(check.reasons());
		this.checks.decide(check.checkId(), Decision.BLOCKED, reasons, BigDecimal.ZERO.setScale(2), Reservation.NONE,
				null);
		this.holds.decide(id, Status.REJECTED, by, this.clock.instant(), why, null, null);
		audit(hold, "REJECTED", why, null, null);
		this.events.publishEvent(new CreditHoldDecided(id, hold.orderRef(), hold.customerCode(), Status.REJECTED,
				hold.companyAmount(), by));
		return get(id);
	}

	/**
	 * By how much releasing the order takes exposure above the limit (without a line in
	 * force: above zero), or its group's total above the group limit when that is more;
	 * zero when it fits both. A release that does not fit is a special approval of that
	 * excess.
	 */
	private BigDecimal excess(Position position, @Nullable GroupRow group, CheckRuleSet rules, LocalDate today,
			BigDecimal amount) {
		Position.Figures figures = position.figures(rules, today);
		BigDecimal limit = figures.limit() == null ? BigDecimal.ZERO.setScale(2) : figures.limit();
		BigDecimal excess = figures.total().add(amount).subtract(limit).max(BigDecimal.ZERO.setScale(2));
		if (group != null && group.limit() != null) {
			GroupStanding standing = this.creditChecks.standing(group, rules, today, BigDecimal.ZERO);
			excess = excess.max(standing.total().add(amount).subtract(group.limit()));
		}
		return excess;
	}

	/**
	 * Whether the caller may grant the excess alone: the approval matrix asks for that
	 * amount no more than credit analysts and credit managers (no committee), and the
	 * caller is a credit manager (or an administrator).
	 */
	private boolean mayGrant(BigDecimal excess, Position position) {
		boolean highRisk = position.grade() == null || "HIGH".equals(position.riskClass());
		List<Role> needed = this.currentUser.asSystem(() -> this.applications.approversFor(excess, highRisk));
		boolean managerEnough = needed.stream().allMatch(r -> r == Role.CREDIT_ANALYST || r == Role.CREDIT_MANAGER);
		return managerEnough && (this.currentUser.hasRole(Role.CREDIT_MANAGER) || this.currentUser.hasRole(Role.ADMIN));
	}

	private void audit(CreditHold hold, String action, String why, @Nullable BigDecimal excess,
			@Nullable LocalDate until) {
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("orderRef", hold.orderRef());
		after.put("amount", hold.amount().toPlainString());
		after.put("currency", hold.currency());
		after.put("status", action);
		after.put("excess", excess == null ? null : excess.toPlainString());
		after.put("excessUntil", until == null ? null : until.toString());
		this.auditTrail.record(new AuditRecord(CustomerDetails.auditSubject(hold.customerCode()), "credit-hold",
				String.valueOf(hold.id()), action, Map.of("status", hold.status().name()), after, why));
	}

	private static void requirePending(CreditHold hold) {
		if (hold.status() != Status.PENDING) {
			throw new RuleViolationException("HOLD_DECIDED", "exposure.hold.decided", hold.id(), hold.status().name());
		}
	}

	private static String reason(@Nullable String reason) {
		List<FieldProblem> problems = new ArrayList<>();
		if (reason == null || reason.isBlank()) {
			problems.add(new FieldProblem("reason", "exposure.hold.reason.required"));
		}
		else if (reason.strip().length() > 1000) {
			problems.add(new FieldProblem("reason", "exposure.hold.reason.too-long", 1000));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return reason.strip();
	}

	private CreditHold named(CreditHold hold) {
		String name = this.customers.find(hold.customerCode()).map(CustomerDetails::name).orElse(null);
		return new CreditHold(hold.id(), hold.checkId(), hold.orderRef(), hold.customerCode(), name,
				hold.ownerUsername(), hold.amount(), hold.currency(), hold.companyAmount(), hold.reasons(),
				hold.status(), hold.heldAt(), hold.decidedBy(), hold.decidedAt(), hold.decisionReason(),
				hold.excessAmount(), hold.excessUntil());
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
