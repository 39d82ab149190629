package org.credence.exposure.check;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.credence.exposure.CheckRuleSet;
import org.credence.exposure.Decision;
import org.credence.exposure.Reason;
import org.credence.exposure.ReasonCode;
import org.credence.exposure.RuleMode;
import org.credence.exposure.check.RuleEvaluator.GroupStanding;
import org.credence.exposure.check.RuleEvaluator.Outcome;
import org.credence.exposure.position.Position;
import org.credence.exposure.position.Position.Due;
import org.credence.exposure.position.Position.Increase;
import org.credence.exposure.position.Position.OrderDue;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule of the credit check on its own, on positions built by hand: every reason code
 * a rule can give, at and beyond its threshold, and the decision the modes make.
 */
class RuleEvaluatorTests {

	static final LocalDate TODAY = LocalDate.parse("2026-11-24");

	static final CheckRuleSet RULES = CheckRuleSet.defaults();

	/** A rated, reviewed, active customer with a line of 1,000,000 and nothing open. */
	static Builder customer() {
		return new Builder();
	}

	static final class Builder {

		String status = "ACTIVE";

		boolean blacklisted;

		@Nullable LocalDate blacklistedUntil;

		@Nullable String grade = "A";

		@Nullable LocalDate review = TODAY.plusMonths(6);

		@Nullable BigDecimal limit = new BigDecimal("1000000.00");

		String lineStatus = "ACTIVE";

		LocalDate validFrom = TODAY.minusMonths(6);

		@Nullable LocalDate validTo = TODAY.plusMonths(6);

		List<Increase> increases = new ArrayList<>();

		List<Due> dues = new ArrayList<>();

		List<OrderDue> orders = new ArrayList<>();

		BigDecimal unapplied = new BigDecimal("0.00");

		@Nullable LocalDate oldest;

		BigDecimal reserved = new BigDecimal("0.00");

		Builder due(String dueDate, String amount, String issued) {
			this.dues.add(new Due(LocalDate.parse(dueDate), new BigDecimal(amount)));
			this.dues.sort(java.util.Comparator.comparing(Due::dueDate));
			LocalDate issue = LocalDate.parse(issued);
			this.oldest = this.oldest == null || issue.isBefore(this.oldest) ? issue : this.oldest;
			return this;
		}

		Position build() {
			return new Position("C-1", null, "sales.a", this.status, this.blacklisted, this.blacklistedUntil,
					this.grade, this.grade == null ? null : "LOW", this.review, this.limit == null ? null : "CNY",
					this.limit, this.limit == null ? null : this.lineStatus, this.limit == null ? null : this.validFrom,
					this.validTo, this.increases, this.dues, this.orders, this.unapplied, this.oldest, this.reserved);
		}

	}

	static Outcome check(Position position, String amount) {
		return RuleEvaluator.evaluate(RULES, position, new BigDecimal(amount), TODAY, null, false);
	}

	static List<ReasonCode> codes(Outcome outcome) {
		return outcome.reasons().stream().map(Reason::code).toList();
	}

	@Test
	void approvesAnOrderWellWithinTheLine() {
		Outcome outcome = check(customer().build(), "100000");
		assertThat(outcome.decision()).isEqualTo(Decision.APPROVED);
		assertThat(outcome.reasons()).isEmpty();
		assertThat(outcome.exposure()).isEqualByComparingTo("0");
		assertThat(outcome.limit()).isEqualByComparingTo("1000000");
		assertThat(outcome.available()).isEqualByComparingTo("1000000");
	}

	@Test
	void blocksWithoutALineAndAfterItExpired() {
		Builder none = customer();
		none.limit = null;
		assertThat(codes(check(none.build(), "1"))).containsExactly(ReasonCode.NO_CREDIT_LINE);
		assertThat(check(none.build(), "1").decision()).isEqualTo(Decision.BLOCKED);

		Builder expired = customer();
		expired.validTo = TODAY.minusDays(1);
		Outcome outcome = check(expired.build(), "1");
		assertThat(codes(outcome)).containsExactly(ReasonCode.CREDIT_LINE_EXPIRED);
		assertThat(outcome.limit()).isNull();

		Builder lastDay = customer();
		lastDay.validTo = TODAY;
		assertThat(check(lastDay.build(), "1").decision()).isEqualTo(Decision.APPROVED);
	}

	@Test
	void warnsWithinTheToleranceAndBlocksBeyondIt() {
		// 5 % of 1,000,000: up to 1,050,000 warns, above it blocks
		Builder builder = customer();
		builder.reserved = new BigDecimal("900000.00");
		assertThat(codes(check(builder.build(), "100000"))).containsExactly(ReasonCode.UTILISATION_HIGH);
		Outcome within = check(builder.build(), "150000");
		assertThat(codes(within)).containsExactly(ReasonCode.WITHIN_TOLERANCE);
		assertThat(within.decision()).isEqualTo(Decision.WARNING);
		Outcome beyond = check(builder.build(), "150000.01");
		assertThat(codes(beyond)).containsExactly(ReasonCode.LIMIT_EXCEEDED);
		assertThat(beyond.decision()).isEqualTo(Decision.BLOCKED);
		assertThat(beyond.reasons().get(0).args()).containsExactly("900000.00", "150000.01", "1000000.00", "50000.01");
	}

	@Test
	void anOrderCheckedAgainForLessThanItHoldsIsNotStoppedByTheLimit() {
		// 2,250,000 reserved on a line of 1,000,000 after a special approval; the order
		// holding
		// 900,000 of it comes back for 850,000
		Builder builder = customer();
		builder.reserved = new BigDecimal("1350000.00");
		Outcome less = RuleEvaluator.evaluate(RULES, builder.build(), new BigDecimal("850000"), TODAY, null, false,
				new BigDecimal("900000"));
		assertThat(less.decision()).isEqualTo(Decision.APPROVED);
		Outcome more = RuleEvaluator.evaluate(RULES, builder.build(), new BigDecimal("900000.01"), TODAY, null, false,
				new BigDecimal("900000"));
		assertThat(codes(more)).containsExactly(ReasonCode.LIMIT_EXCEEDED);
	}

	@Test
	void aTemporaryIncreaseCountsOnlyOnItsDays() {
		Builder builder = customer();
		builder.increases.add(new Increase(new BigDecimal("500000.00"), TODAY.minusDays(3), TODAY));
		assertThat(check(builder.build(), "1400000").decision()).isEqualTo(Decision.WARNING);
		assertThat(RuleEvaluator
			.evaluate(RULES, builder.build(), new BigDecimal("1400000"), TODAY.plusDays(1), null, false)
			.reasons()).extracting(Reason::code).contains(ReasonCode.LIMIT_EXCEEDED);
	}

	@Test
	void utilisationWarnsAtTheWatchThreshold() {
		Builder builder = customer();
		builder.reserved = new BigDecimal("800000.00");
		assertThat(check(builder.build(), "99999.99").reasons()).isEmpty();
		Outcome at = check(builder.build(), "100000");
		assertThat(codes(at)).containsExactly(ReasonCode.UTILISATION_HIGH);
		assertThat(at.reasons().get(0).args()).containsExactly("90.00", "90");
	}

	@Test
	void overdueDaysCountsAmountsOlderThanTheThresholdFromTheMinimumAmountOn() {
		// 90 days, at least 1,000
		Builder small = customer().due("2026-08-01", "999.99", "2026-07-01");
		assertThat(codes(check(small.build(), "1"))).doesNotContain(ReasonCode.OVERDUE_DAYS);
		Builder notYet = customer().due("2026-08-26", "5000", "2026-07-01");
		// 90 days exactly is not more than 90
		assertThat(codes(check(notYet.build(), "1"))).doesNotContain(ReasonCode.OVERDUE_DAYS);
		Builder late = customer().due("2026-08-25", "5000", "2026-07-01");
		Outcome outcome = check(late.build(), "1");
		assertThat(codes(outcome)).contains(ReasonCode.OVERDUE_DAYS);
		assertThat(outcome.decision()).isEqualTo(Decision.BLOCKED);
		assertThat(outcome.reasons().get(0).args()).containsExactly("5000.00", "90", "91");
	}

	@Test
	void overdueAmountWarnsAboveTheAmountBeyondTheGraceDays() {
		// 200,000 overdue by more than 15 days
		Builder recent = customer().due("2026-11-10", "300000", "2026-10-01");
		assertThat(codes(check(recent.build(), "1"))).doesNotContain(ReasonCode.OVERDUE_AMOUNT);
		Builder old = customer().due("2026-11-08", "200000.01", "2026-10-01");
		Outcome outcome = check(old.build(), "1");
		assertThat(codes(outcome)).containsExactly(ReasonCode.OVERDUE_AMOUNT);
		assertThat(outcome.decision()).isEqualTo(Decision.WARNING);
	}

	@Test
	void theCreditFileBlocks() {
		Builder blacklisted = customer();
		blacklisted.blacklisted = true;
		assertThat(codes(check(blacklisted.build(), "1"))).containsExactly(ReasonCode.BLACKLISTED);
		blacklisted.blacklistedUntil = TODAY.minusDays(1);
		assertThat(check(blacklisted.build(), "1").decision()).isEqualTo(Decision.APPROVED);

		Builder suspended = customer();
		suspended.status = "SUSPENDED";
		assertThat(codes(check(suspended.build(), "1"))).containsExactly(ReasonCode.CUSTOMER_SUSPENDED);

		Builder lineSuspended = customer();
		lineSuspended.lineStatus = "SUSPENDED";
		Outcome outcome = check(lineSuspended.build(), "1");
		assertThat(codes(outcome)).containsExactly(ReasonCode.CUSTOMER_SUSPENDED);
		assertThat(outcome.reasons().get(0).args()).containsExactly("LINE");

		Builder low = customer();
		low.grade = "CC";
		assertThat(codes(check(low.build(), "1"))).containsExactly(ReasonCode.GRADE_BELOW_MINIMUM);
		low.grade = "CCC";
		assertThat(check(low.build(), "1").decision()).isEqualTo(Decision.APPROVED);
	}

	@Test
	void reviewOverdueAndUnratedWarn() {
		Builder overdue = customer();
		overdue.review = TODAY.minusDays(1);
		Outcome outcome = check(overdue.build(), "1");
		assertThat(codes(outcome)).containsExactly(ReasonCode.REVIEW_OVERDUE);
		assertThat(outcome.decision()).isEqualTo(Decision.WARNING);

		Builder unrated = customer();
		unrated.grade = null;
		unrated.review = null;
		assertThat(codes(check(unrated.build(), "1"))).containsExactly(ReasonCode.REVIEW_OVERDUE);
	}

	@Test
	void aSevereAlertBlocks() {
		Outcome outcome = RuleEvaluator.evaluate(RULES, customer().build(), BigDecimal.ONE, TODAY, null, true);
		assertThat(codes(outcome)).containsExactly(ReasonCode.SEVERE_ALERT_OPEN);
		assertThat(outcome.decision()).isEqualTo(Decision.BLOCKED);
	}

	@Test
	void theGroupLimitHoldsOverItsMembers() {
		GroupStanding group = new GroupStanding("G-1", new BigDecimal("1900000.00"), new BigDecimal("2000000.00"));
		Outcome outcome = RuleEvaluator.evaluate(RULES, customer().build(), new BigDecimal("200000.01"), TODAY, group,
				false);
		assertThat(codes(outcome)).containsExactly(ReasonCode.GROUP_LIMIT_EXCEEDED);
		assertThat(outcome.decision()).isEqualTo(Decision.BLOCKED);
		Outcome within = RuleEvaluator.evaluate(RULES, customer().build(), new BigDecimal("150000"), TODAY, group,
				false);
		assertThat(codes(within)).containsExactly(ReasonCode.WITHIN_TOLERANCE);
		assertThat(within.reasons().get(0).args()).endsWith("GROUP");
	}

	@Test
	void anOldOpenItemWarns() {
		Builder builder = customer().due("2026-12-31", "100", "2026-05-28");
		assertThat(codes(check(builder.build(), "1"))).doesNotContain(ReasonCode.OLDEST_ITEM_TOO_OLD);
		builder = customer().due("2026-12-31", "100", "2026-05-27");
		Outcome outcome = check(builder.build(), "1");
		assertThat(codes(outcome)).containsExactly(ReasonCode.OLDEST_ITEM_TOO_OLD);
		assertThat(outcome.reasons().get(0).args()).containsExactly("181", "180");
	}

	@Test
	void ordersBeyondTheDeliveryHorizonAndUnappliedCashShapeExposure() {
		Builder builder = customer().due("2026-12-31", "600000", "2026-11-01");
		builder.unapplied = new BigDecimal("100000.00");
		builder.orders.add(new OrderDue(null, new BigDecimal("200000.00")));
		builder.orders.add(new OrderDue(TODAY.plusDays(90), new BigDecimal("100000.00")));
		builder.orders.add(new OrderDue(TODAY.plusDays(91), new BigDecimal("700000.00")));
		Position.Figures figures = builder.build().figures(RULES, TODAY);
		assertThat(figures.openReceivables()).isEqualByComparingTo("500000");
		assertThat(figures.openOrders()).isEqualByComparingTo("300000");
		assertThat(figures.ordersBeyondHorizon()).isEqualByComparingTo("700000");
		assertThat(figures.total()).isEqualByComparingTo("800000");
		assertThat(figures.available()).isEqualByComparingTo("200000");
	}

	@Test
	void aRuleThatIsOffSaysNothingAndOneThatWarnsDoesNotBlock() {
		Builder blacklisted = customer();
		blacklisted.blacklisted = true;
		CheckRuleSet off = withBlacklisted(RuleMode.OFF);
		assertThat(RuleEvaluator.evaluate(off, blacklisted.build(), BigDecimal.ONE, TODAY, null, false).decision())
			.isEqualTo(Decision.APPROVED);
		CheckRuleSet warn = withBlacklisted(RuleMode.WARN);
		assertThat(RuleEvaluator.evaluate(warn, blacklisted.build(), BigDecimal.ONE, TODAY, null, false).decision())
			.isEqualTo(Decision.WARNING);
	}

	static CheckRuleSet withBlacklisted(RuleMode mode) {
		CheckRuleSet d = RULES;
		return new CheckRuleSet(d.tolerancePercent(), d.countOpenOrders(), d.orderHorizonDays(), d.reservationDays(),
				d.noCreditLine(), d.lineExpired(), d.limitExceeded(), d.overdueDaysMode(), d.overdueDays(),
				d.overdueDaysMinAmount(), d.overdueAmountMode(), d.overdueAmount(), d.overdueGraceDays(), mode,
				d.suspended(), d.gradeMode(), d.minimumGrade(), d.reviewOverdue(), d.severeAlert(),
				d.groupLimitExceeded(), d.utilisationMode(), d.utilisationPercent(), d.oldestItemMode(),
				d.oldestItemDays());
	}

}
