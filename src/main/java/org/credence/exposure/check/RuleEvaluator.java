package org.credence.exposure.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.credence.exposure.CheckRuleSet;
import org.credence.exposure.Decision;
import org.credence.exposure.LineState;
import org.credence.exposure.Reason;
import org.credence.exposure.ReasonCode;
import org.credence.exposure.RuleMode;
import org.credence.exposure.position.Position;
import org.credence.exposure.position.Position.Figures;
import org.jspecify.annotations.Nullable;

/**
 * The credit check rules applied to one order on a locked position: no Spring, no
 * database, so each rule is tested alone. The decision is BLOCKED when any rule blocks,
 * WARNING when any warns, APPROVED otherwise.
 */
public final class RuleEvaluator {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private RuleEvaluator() {
	}

	/**
	 * The outcome of the rules.
	 *
	 * @param exposure the customer's exposure before this order
	 */
	public record Outcome(Decision decision, List<Reason> reasons, BigDecimal exposure, @Nullable BigDecimal limit,
			@Nullable BigDecimal available) {
	}

	/**
	 * A group's standing before the order.
	 *
	 * @param limit the group limit, absent without one
	 */
	public record GroupStanding(String groupCode, BigDecimal total, @Nullable BigDecimal limit) {
	}

	/**
	 * @param position the customer's locked row, with this order's own earlier
	 * reservation already taken off {@code reserved}
	 * @param amount the order in company currency
	 * @param group the group, when the customer is in one with a limit
	 * @param severeAlertOpen whether a severe early-warning alert is open
	 */
	public static Outcome evaluate(CheckRuleSet rules, Position position, BigDecimal amount, LocalDate today,
			@Nullable GroupStanding group, boolean severeAlertOpen) {
		return evaluate(rules, position, amount, today, group, severeAlertOpen, BigDecimal.ZERO);
	}

	/**
	 * @param held what this order already holds reserved from its earlier check: an order
	 * checked again for no more than that takes nothing new from the line, so the limit
	 * rules (customer and group) do not stop it; every other rule still applies
	 */
	public static Outcome evaluate(CheckRuleSet rules, Position position, BigDecimal amount, LocalDate today,
			@Nullable GroupStanding group, boolean severeAlertOpen, BigDecimal held) {
		boolean reduction = held.signum() > 0 && amount.compareTo(held) <= 0;
		Figures figures = position.figures(rules, today);
		List<Reason> reasons = new ArrayList<>();
		BigDecimal after = figures.total().add(amount);
		BigDecimal limit = figures.limit();
		LineState state = figures.lineState();
		// the line
		if (state == LineState.NONE) {
			add(reasons, ReasonCode.NO_CREDIT_LINE, rules.noCreditLine());
		}
		else if (state == LineState.EXPIRED) {
			add(reasons, ReasonCode.CREDIT_LINE_EXPIRED, rules.lineExpired(), position.lineValidTo());
		}
		else if (state == LineState.SUSPENDED) {
			add(reasons, ReasonCode.CUSTOMER_SUSPENDED, rules.suspended(), "LINE");
		}
		if (limit != null && !reduction) {
			limitRule(reasons, rules, ReasonCode.LIMIT_EXCEEDED, rules.limitExceeded(), after, limit, amount,
					figures.total());
			if (after.compareTo(limit) <= 0 && limit.signum() > 0) {
				// compared exactly; shown rounded down, so 89.999 % is neither a warning
				// nor "90.00 %"
				BigDecimal share = after.multiply(HUNDRED).divide(limit, 2, RoundingMode.DOWN);
				if (after.multiply(HUNDRED).compareTo(rules.utilisationPercent().multiply(limit)) >= 0) {
					add(reasons, ReasonCode.UTILISATION_HIGH, rules.utilisationMode(), share,
							rules.utilisationPercent());
				}
			}
		}
		// the group
		if (group != null && group.limit() != null && !reduction) {
			BigDecimal groupAfter = group.total().add(amount);
			limitRule(reasons, rules, ReasonCode.GROUP_LIMIT_EXCEEDED, rules.groupLimitExceeded(), groupAfter,
					group.limit(), amount, group.total());
		}
		// the credit file
		if (position.blacklistedOn(today)) {
			add(reasons, ReasonCode.BLACKLISTED, rules.blacklisted());
		}
		if ("SUSPENDED".equals(position.customerStatus()) || "CLOSED".equals(position.customerStatus())) {
			add(reasons, ReasonCode.CUSTOMER_SUSPENDED, rules.suspended(), position.customerStatus());
		}
		String grade = position.grade();
		if (grade != null && CheckRuleSet.GRADES.indexOf(grade) > CheckRuleSet.GRADES.indexOf(rules.minimumGrade())) {
			add(reasons, ReasonCode.GRADE_BELOW_MINIMUM, rules.gradeMode(), grade, rules.minimumGrade());
		}
		if (position.nextReviewDate() == null || position.nextReviewDate().isBefore(today)) {
			add(reasons, ReasonCode.REVIEW_OVERDUE, rules.reviewOverdue(),
					position.nextReviewDate() == null ? "" : position.nextReviewDate());
		}
		if (severeAlertOpen) {
			add(reasons, ReasonCode.SEVERE_ALERT_OPEN, rules.severeAlert());
		}
		// the ledger: amounts and their age
		BigDecimal beyondDays = position.overdueBeyond(today, rules.overdueDays());
		if (beyondDays.signum() > 0 && beyondDays.compareTo(rules.overdueDaysMinAmount()) >= 0) {
			add(reasons, ReasonCode.OVERDUE_DAYS, rules.overdueDaysMode(), beyondDays, rules.overdueDays(),
					figures.maxDaysOverdue());
		}
		BigDecimal beyondGrace = position.overdueBeyond(today, rules.overdueGraceDays());
		if (beyondGrace.compareTo(rules.overdueAmount()) > 0) {
			add(reasons, ReasonCode.OVERDUE_AMOUNT, rules.overdueAmountMode(), beyondGrace, rules.overdueAmount(),
					rules.overdueGraceDays());
		}
		if (position.oldestOpenIssue() != null) {
			long age = ChronoUnit.DAYS.between(position.oldestOpenIssue(), today);
			if (age > rules.oldestItemDays()) {
				add(reasons, ReasonCode.OLDEST_ITEM_TOO_OLD, rules.oldestItemMode(), age, rules.oldestItemDays());
			}
		}
		Decision decision = reasons.stream().anyMatch(r -> r.mode() == RuleMode.BLOCK) ? Decision.BLOCKED
				: reasons.isEmpty() ? Decision.APPROVED : Decision.WARNING;
		return new Outcome(decision, List.copyOf(reasons), figures.total(), limit, figures.available());
	}

	/**
	 * Above the limit plus tolerance the rule's mode applies; above the limit but within
	 * the tolerance the order warns ({@code WITHIN_TOLERANCE}) unless the rule is off.
	 */
	private static void limitRule(List<Reason> reasons, CheckRuleSet rules, ReasonCode code, RuleMode mode,
			BigDecimal after, BigDecimal limit, BigDecimal amount, BigDecimal before) {
		if (after.compareTo(limit) <= 0 || mode == RuleMode.OFF) {
			return;
		}
		BigDecimal ceiling = ceiling(limit, rules.tolerancePercent());
		BigDecimal excess = after.subtract(limit);
		if (after.compareTo(ceiling) <= 0) {
			add(reasons, ReasonCode.WITHIN_TOLERANCE, RuleMode.WARN, excess, rules.tolerancePercent(),
					code == ReasonCode.GROUP_LIMIT_EXCEEDED ? "GROUP" : "CUSTOMER");
		}
		else {
			add(reasons, code, mode, before, amount, limit, excess);
		}
	}

	/** The limit plus tolerance, rounded down to cents. */
	public static BigDecimal ceiling(BigDecimal limit, BigDecimal tolerancePercent) {
		return limit.add(limit.multiply(tolerancePercent).divide(HUNDRED, 2, RoundingMode.DOWN));
	}

	private static void add(List<Reason> reasons, ReasonCode code, RuleMode mode, @Nullable Object... args) {
		if (mode != RuleMode.OFF) {
			reasons.add(Reason.of(code, mode, args));
		}
	}

}
