package org.credence.limit.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.credence.IntegrationTest;
import org.credence.TestClock;
import org.credence.assessment.Assessments;
import org.credence.assessment.statement.AmountUnit;
import org.credence.assessment.statement.FinancialStatements;
import org.credence.assessment.statement.PeriodType;
import org.credence.assessment.statement.StatementDraft;
import org.credence.assessment.statement.StatementExamples;
import org.credence.assessment.statement.StatementLines;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.limit.CreditPolicies;
import org.credence.limit.Recommendation;
import org.credence.receivable.FxRates;
import org.credence.receivable.Receivables;
import org.credence.shared.NotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.credence.SecurityContexts.runAs;
import static org.credence.customer.CustomerFixtures.user;
import static org.credence.receivable.ReceivableFixtures.invoice;
import static org.credence.receivable.ReceivableFixtures.unique;

/**
 * Recommendations under the built-in policy (version 1 unless a test activated another:
 * the figures asserted are those of the built-in rules, which other tests keep).
 */
@IntegrationTest
class RecommendationIntegrationTests {

	@Autowired
	CreditPolicies policies;

	@Autowired
	Customers customers;

	@Autowired
	FinancialStatements statements;

	@Autowired
	Assessments assessments;

	@Autowired
	Receivables receivables;

	@Autowired
	Users users;

	@Autowired
	FxRates fxRates;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	TestClock clock;

	PolicyFixtures fixtures;

	@BeforeEach
	void setUp() {
		this.clock.setDate(LocalDate.of(2026, 1, 12));
		this.fixtures = new PolicyFixtures(this.customers, this.statements, this.assessments, this.currentUser);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void recommendsAShareOfEquityForTheScenarioCustomerAndSaysWhy() {
		CustomerDetails customer = this.fixtures.assessed(1, null);

		Recommendation recommendation = asAnalyst(() -> this.policies.recommend(customer.code()));

		assertThat(recommendation.rated()).isTrue();
		assertThat(recommendation.grade()).isEqualTo("BBB");
		assertThat(recommendation.riskClass()).isEqualTo("MEDIUM");
		assertThat(recommendation.creditAllowed()).isTrue();
		assertThat(recommendation.amount()).isEqualByComparingTo("1000000");
		assertThat(recommendation.currency()).isEqualTo("CNY");
		assertThat(recommendation.gradeMaximum()).isEqualByComparingTo("2000000");
		assertThat(recommendation.termsDays()).isEqualTo(45);
		assertThat(recommendation.maxTermsDays()).isEqualTo(60);
		assertThat(recommendation.collateralRequired()).isFalse();
		assertThat(recommendation.basisEn()).isEqualTo("Grade BBB under policy v" + recommendation.policyVersion()
				+ ": IF(avgMonthlySales > 0, MIN(equity * 0.25, avgMonthlySales * 2), equity * 0.25)"
				+ " with equity 4,000,000, average monthly sales (last 12 months) 0 = 1,000,000;"
				+ " rounded down to whole 1,000 = 1,000,000, within grade BBB maximum 2,000,000;"
				+ " terms 45 days (at most 60).");
		assertThat(recommendation.basisZh()).contains("BBB 级公式", "所有者权益 4,000,000", "结果 1,000,000",
				"未超过 BBB 级上限 2,000,000", "账期 45 天（最长 60 天）");
	}

	@Test
	void capsTheFormulaAtTheGradeMaximum() {
		CustomerDetails customer = this.fixtures.assessed(10, null);

		Recommendation recommendation = asAnalyst(() -> this.policies.recommend(customer.code()));

		assertThat(recommendation.grade()).isEqualTo("BBB");
		assertThat(recommendation.amount()).isEqualByComparingTo("2000000");
		assertThat(recommendation.basisEn()).contains("equity 40,000,000", "= 10,000,000;",
				"rounded down to whole 1,000 = 10,000,000, capped at grade BBB maximum 2,000,000");
		assertThat(recommendation.basisZh()).contains("以 BBB 级上限 2,000,000 为限");
	}

	@Test
	void limitsACustomerWithSalesToMonthsOfItsAverageSalesRoundedDown() {
		CustomerDetails customer = this.fixtures.assessed(1, null);
		String finance = user(this.users, this.currentUser, "finance", Role.FINANCE);
		runAs(finance, List.of(Role.FINANCE), () -> {
			this.receivables
				.recordInvoice(invoice(customer.code(), unique("INV"), "1234567.00", "2025-06-30", "2025-08-29"));
			this.receivables
				.recordInvoice(invoice(customer.code(), unique("INV"), "1000000.00", "2025-12-01", "2026-01-30"));
		});

		Recommendation recommendation = asAnalyst(() -> this.policies.recommend(customer.code()));

		// 2,234,567 / 12 = 186,213.92 a month; two months 372,427.84 < 25% of equity
		assertThat(recommendation.amount()).isEqualByComparingTo("372000");
		assertThat(recommendation.basisEn()).contains("average monthly sales (last 12 months) 186,213.92",
				"= 372,427.84; rounded down to whole 1,000 = 372,000, within grade BBB maximum 2,000,000");
	}

	@Test
	void allowsNoCreditForAPrepaymentOnlyGrade() {
		CustomerDetails customer = this.fixtures.assessed(1, null);
		this.fixtures.grade(customer.code(), "CCC");

		Recommendation recommendation = asAnalyst(() -> this.policies.recommend(customer.code()));

		assertThat(recommendation.rated()).isTrue();
		assertThat(recommendation.grade()).isEqualTo("CCC");
		assertThat(recommendation.creditAllowed()).isFalse();
		assertThat(recommendation.amount()).isEqualByComparingTo("0");
		assertThat(recommendation.termsDays()).isZero();
		assertThat(recommendation.basisEn()).isEqualTo(
				"Grade CCC allows no credit under policy v" + recommendation.policyVersion() + ": prepayment only.");
		assertThat(recommendation.basisZh()).contains("CCC 级不予授信：只能预付款");
	}

	@Test
	void asksForCollateralForGradeBb() {
		CustomerDetails customer = this.fixtures.assessed(1, null);
		this.fixtures.grade(customer.code(), "BB");

		Recommendation recommendation = asAnalyst(() -> this.policies.recommend(customer.code()));

		assertThat(recommendation.amount()).isEqualByComparingTo("800000");
		assertThat(recommendation.collateralRequired()).isTrue();
		assertThat(recommendation.coverRatio()).isEqualByComparingTo("0.5");
		assertThat(recommendation.basisEn()).contains("collateral covering 50% of the limit required");
	}

	@Test
	void recommendsNothingForAnUnratedCustomer() {
		CustomerDetails customer = this.fixtures.unrated(null);

		Recommendation recommendation = asAnalyst(() -> this.policies.recommend(customer.code()));

		assertThat(recommendation.rated()).isFalse();
		assertThat(recommendation.grade()).isNull();
		assertThat(recommendation.creditAllowed()).isFalse();
		assertThat(recommendation.amount()).isEqualByComparingTo("0");
		assertThat(recommendation.basisEn()).startsWith("No current assessment");
		assertThat(recommendation.basisZh()).startsWith("没有有效的信用评估");
	}

	@Test
	void treatsAnAssessmentPastItsReviewDateAsUnrated() {
		CustomerDetails customer = this.fixtures.assessed(1, null);
		this.clock.setDate(LocalDate.of(2026, 7, 12));
		assertThat(asAnalyst(() -> this.policies.recommend(customer.code())).rated()).isTrue();

		this.clock.setDate(LocalDate.of(2026, 7, 13));
		Recommendation recommendation = asAnalyst(() -> this.policies.recommend(customer.code()));

		assertThat(recommendation.rated()).isFalse();
		assertThat(recommendation.amount()).isEqualByComparingTo("0");
		assertThat(recommendation.basisEn()).isEqualTo(
				"The assessment of 2026-01-12 (grade BBB) is past its review date 2026-07-12: no limit is recommended until the customer is reassessed.");
	}

	@Test
	void recommendsZeroAndNamesTheMissingFigureWithoutAStatement() {
		CustomerDetails customer = this.fixtures.unrated(null);
		this.fixtures.assess(customer.code());
		this.fixtures.grade(customer.code(), "A");

		Recommendation recommendation = asAnalyst(() -> this.policies.recommend(customer.code()));

		assertThat(recommendation.rated()).isTrue();
		assertThat(recommendation.grade()).isEqualTo("A");
		assertThat(recommendation.creditAllowed()).isTrue();
		assertThat(recommendation.amount()).isEqualByComparingTo("0");
		assertThat(recommendation.gradeMaximum()).isEqualByComparingTo("5000000");
		assertThat(recommendation.basisEn()).contains("needs equity", "no financial statement");
		assertThat(recommendation.basisZh()).contains("需要所有者权益", "无财务报表");
	}

	@Test
	void convertsTheFiguresOfAStatementInAnotherCurrencyAtTheRateOfItsPeriodEnd() {
		this.currentUser.asSystem(() -> this.fxRates.enter(LocalDate.of(2025, 12, 31), "USD", new BigDecimal("7.1")));
		CustomerDetails customer = this.fixtures.assessedWith(new StatementDraft(StatementExamples.YEAR_END_2025,
				PeriodType.ANNUAL, "USD", AmountUnit.YUAN, false, tenth(), null));

		Recommendation recommendation = asAnalyst(() -> this.policies.recommend(customer.code()));

		// equity USD 400,000 at 7.1 = CNY 2,840,000; a quarter of it 710,000
		assertThat(recommendation.grade()).isEqualTo("BBB");
		assertThat(recommendation.currency()).isEqualTo("CNY");
		assertThat(recommendation.amount()).isEqualByComparingTo("710000");
		assertThat(recommendation.basisEn()).contains("with equity 2,840,000,", "= 710,000;",
				"statement figures in USD (period end 2025-12-31) converted at 7.1 CNY per USD (rate of 2025-12-31)");
		assertThat(recommendation.basisZh()).contains("所有者权益 2,840,000", "按 1 USD = 7.1 CNY 折算");
	}

	@Test
	void treatsStatementFiguresWithoutAnyRateAsMissingAndSaysSo() {
		CustomerDetails customer = this.fixtures.assessedWith(new StatementDraft(StatementExamples.YEAR_END_2025,
				PeriodType.ANNUAL, "THB", AmountUnit.YUAN, false, tenth(), null));

		Recommendation recommendation = asAnalyst(() -> this.policies.recommend(customer.code()));

		assertThat(recommendation.rated()).isTrue();
		assertThat(recommendation.amount()).isEqualByComparingTo("0");
		assertThat(recommendation.basisEn()).contains("needs equity", "cannot be used",
				"no THB to CNY rate was entered on or before 2025-12-31, nor up to 2026-01-12");
		assertThat(recommendation.basisZh()).contains("没有录入 THB 兑 CNY 的汇率");
	}

	@Test
	void doesNotTakeTheFlowsOfAQuarterlyStatementForAYears() {
		CustomerDetails customer = this.fixtures.assessedWith(new StatementDraft(LocalDate.of(2025, 9, 30),
				PeriodType.QUARTERLY, "CNY", AmountUnit.YUAN, false, tenth(), null));

		Recommendation recommendation = asAnalyst(() -> this.policies.recommend(customer.code()));

		// the built-in formula uses equity, a balance, which a quarterly statement gives
		assertThat(recommendation.amount()).isEqualByComparingTo("100000");
		assertThat(recommendation.basisEn()).contains(
				"the statement of 2025-09-30 is quarterly, so its revenue, net profit and operating cash flow are not used");
	}

	private static StatementLines tenth() {
		return StatementExamples.scenarioLines().map(v -> v.divide(BigDecimal.TEN));
	}

	@Test
	void salesSeeRecommendationsForTheirOwnCustomersOnly() {
		String mine = user(this.users, this.currentUser, "sales", Role.SALES);
		String theirs = user(this.users, this.currentUser, "sales", Role.SALES);
		CustomerDetails customer = this.fixtures.assessed(1, mine);

		Recommendation own = as(mine, Role.SALES, () -> this.policies.recommend(customer.code()));

		assertThat(own.amount()).isEqualByComparingTo("1000000");
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> as(theirs, Role.SALES, () -> this.policies.recommend(customer.code())));
	}

	private <T> T asAnalyst(Supplier<T> work) {
		return as("policy-analyst", Role.CREDIT_ANALYST, work);
	}

	private static <T> T as(String username, Role role, Supplier<T> work) {
		Object[] result = new Object[1];
		runAs(username, List.of(role), () -> result[0] = work.get());
		@SuppressWarnings("unchecked")
		T value = (T) result[0];
		return value;
	}

}
