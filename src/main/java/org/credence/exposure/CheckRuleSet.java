package org.credence.exposure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * The credit check rules a credit manager sets: what counts toward exposure and, for each
 * rule, whether it is off, warns or blocks, with its thresholds. Overdue rules look at
 * amounts and their age, never at how many invoices are late.
 *
 * @param tolerancePercent how far above the limit (in percent of it) an order still goes
 * through with a warning ({@code WITHIN_TOLERANCE}) instead of being blocked
 * @param countOpenOrders whether open orders not yet invoiced count toward exposure
 * @param orderHorizonDays only orders due for delivery within this many days count;
 * absent: every open order, whenever it is delivered (orders without a delivery date
 * always count)
 * @param reservationDays after how many days a reservation that no order or invoice took
 * up lapses
 * @param overdueDays {@code OVERDUE_DAYS} applies when at least
 * {@code overdueDaysMinAmount} is more than this many days overdue
 * @param overdueAmount {@code OVERDUE_AMOUNT} applies when more than this is overdue by
 * more than {@code overdueGraceDays} days
 * @param minimumGrade {@code GRADE_BELOW_MINIMUM} applies to grades below it
 * @param utilisationPercent {@code UTILISATION_HIGH} applies when the order would take
 * exposure to at least this share of the limit (the watch threshold)
 * @param oldestItemDays {@code OLDEST_ITEM_TOO_OLD} applies when an invoice issued more
 * than this many days ago is still open
 */
public record CheckRuleSet(BigDecimal tolerancePercent, boolean countOpenOrders, @Nullable Integer orderHorizonDays,
		int reservationDays, RuleMode noCreditLine, RuleMode lineExpired, RuleMode limitExceeded,
		RuleMode overdueDaysMode, int overdueDays, BigDecimal overdueDaysMinAmount, RuleMode overdueAmountMode,
		BigDecimal overdueAmount, int overdueGraceDays, RuleMode blacklisted, RuleMode suspended, RuleMode gradeMode,
		String minimumGrade, RuleMode reviewOverdue, RuleMode severeAlert, RuleMode groupLimitExceeded,
		RuleMode utilisationMode, BigDecimal utilisationPercent, RuleMode oldestItemMode, int oldestItemDays) {

	/** The grades from best to worst. */
	public static final List<String> GRADES = List.of("AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C", "D");

	/**
	 * The rules a new installation starts with: block without a line, after it expired,
	 * above the limit plus 5 %, with 1,000 or more over 90 days overdue, for blacklisted
	 * and suspended customers and grades below CCC; warn when 200,000 is more than 15
	 * days overdue, when the review is overdue, at 90 % of the limit and when an invoice
	 * older than 180 days is open. Open orders count when due for delivery within 90
	 * days; reservations lapse after 14 days.
	 */
	public static CheckRuleSet defaults() {
		return new CheckRuleSet(new BigDecimal("5"), true, 90, 14, RuleMode.BLOCK, RuleMode.BLOCK, RuleMode.BLOCK,
				RuleMode.BLOCK, 90, new BigDecimal("1000"), RuleMode.WARN, new BigDecimal("200000"), 15, RuleMode.BLOCK,
				RuleMode.BLOCK, RuleMode.BLOCK, "CCC", RuleMode.WARN, RuleMode.BLOCK, RuleMode.BLOCK, RuleMode.WARN,
				new BigDecimal("90"), RuleMode.WARN, 180);
	}

	/**
	 * The problems of a rule set as typed, by field.
	 */
	public List<FieldProblem> problems() {
		List<FieldProblem> problems = new ArrayList<>();
		percent("tolerancePercent", this.tolerancePercent, new BigDecimal("100"), problems);
		percent("utilisationPercent", this.utilisationPercent, new BigDecimal("1000"), problems);
		if (this.orderHorizonDays != null && (this.orderHorizonDays < 0 || this.orderHorizonDays > 3650)) {
			problems.add(new FieldProblem("orderHorizonDays", "exposure.rules.days.invalid", 0, 3650));
		}
		days("reservationDays", this.reservationDays, 1, 365, problems);
		days("overdueDays", this.overdueDays, 0, 3650, problems);
		days("overdueGraceDays", this.overdueGraceDays, 0, 3650, problems);
		days("oldestItemDays", this.oldestItemDays, 1, 3650, problems);
		amount("overdueDaysMinAmount", this.overdueDaysMinAmount, problems);
		amount("overdueAmount", this.overdueAmount, problems);
		mode("noCreditLine", this.noCreditLine, problems);
		mode("lineExpired", this.lineExpired, problems);
		mode("limitExceeded", this.limitExceeded, problems);
		mode("overdueDaysMode", this.overdueDaysMode, problems);
		mode("overdueAmountMode", this.overdueAmountMode, problems);
		mode("blacklisted", this.blacklisted, problems);
		mode("suspended", this.suspended, problems);
		mode("gradeMode", this.gradeMode, problems);
		mode("reviewOverdue", this.reviewOverdue, problems);
		mode("severeAlert", this.severeAlert, problems);
		mode("groupLimitExceeded", this.groupLimitExceeded, problems);
		mode("utilisationMode", this.utilisationMode, problems);
		mode("oldestItemMode", this.oldestItemMode, problems);
		if (!GRADES.contains(this.minimumGrade)) {
			problems.add(new FieldProblem("minimumGrade", "exposure.rules.grade.invalid"));
		}
		return problems;
	}

	/**
	 * @throws InvalidInputException naming each wrong field
	 */
	public CheckRuleSet validated() {
		List<FieldProblem> problems = problems();
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return this;
	}

	private static void percent(String field, @Nullable BigDecimal value, BigDecimal max, List<FieldProblem> problems) {
		if (value == null || value.signum() < 0 || value.compareTo(max) > 0 || value.scale() > 2) {
			problems.add(new FieldProblem(field, "exposure.rules.percent.invalid", max.toPlainString()));
		}
	}

	private static void mode(String field, @Nullable RuleMode mode, List<FieldProblem> problems) {
		if (mode == null) {
			problems.add(new FieldProblem(field, "exposure.rules.mode.required"));
		}
	}

	private static void days(String field, int value, int min, int max, List<FieldProblem> problems) {
		if (value < min || value > max) {
			problems.add(new FieldProblem(field, "exposure.rules.days.invalid", min, max));
		}
	}

	private static void amount(String field, @Nullable BigDecimal value, List<FieldProblem> problems) {
		if (value == null || value.signum() < 0 || value.scale() > 2 || value.precision() - value.scale() > 17) {
			problems.add(new FieldProblem(field, "exposure.rules.amount.invalid"));
		}
	}

}
