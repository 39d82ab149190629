package org.credence.assessment.statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.credence.IntegrationTest;
import org.credence.customer.ActivityFixtures;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.identity.AuditEntry;
import org.credence.identity.AuditQuery;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.shared.InvalidInputException;
import org.credence.shared.NotFoundException;
import org.credence.shared.Paging;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.credence.assessment.statement.StatementExamples.YEAR_END_2025;
import static org.credence.assessment.statement.StatementExamples.amount;
import static org.credence.assessment.statement.StatementExamples.scenarioDraft;
import static org.credence.assessment.statement.StatementExamples.scenarioLines;
import static org.credence.customer.ActivityFixtures.as;

@IntegrationTest
class FinancialStatementsIntegrationTests {

	@Autowired
	FinancialStatements statements;

	@Autowired
	Users users;

	@Autowired
	Customers customers;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	AuditTrail auditTrail;

	ActivityFixtures fixtures;

	String analyst;

	String customer;

	@BeforeEach
	void setUp() {
		this.fixtures = new ActivityFixtures(this.users, this.customers, this.currentUser);
		this.analyst = this.fixtures.user(Role.CREDIT_ANALYST);
		this.customer = this.fixtures.customer();
	}

	FinancialStatement record(StatementDraft draft) {
		return as(this.analyst, Role.CREDIT_ANALYST, () -> this.statements.record(this.customer, draft));
	}

	@Test
	void recordsTheScenarioStatementWithItsRatios() {
		FinancialStatement statement = record(scenarioDraft());

		assertThat(statement.customerCode()).isEqualTo(this.customer);
		assertThat(statement.periodEnd()).isEqualTo(YEAR_END_2025);
		assertThat(statement.currency()).isEqualTo("CNY");
		assertThat(statement.createdBy()).isEqualTo(this.analyst);
		assertThat(statement.lines().totalAssets()).isEqualByComparingTo("10000000");
		assertThat(statement.ratio(Ratio.DEBT_RATIO)).hasToString("0.6000");
		assertThat(statement.ratio(Ratio.ALTMAN_Z2)).hasToString("6.4902");
		assertThat(statement.ratios()).doesNotContainKey(Ratio.RECEIVABLES_TURNOVER);
		assertThat(statement.balanceOverrideReason()).isNull();
	}

	@Test
	void refusesTheScenarioWithEquityOf3MillionAndRecordsNothing() {
		StatementDraft unbalanced = scenarioDraft()
			.withLines(scenarioLines().with(StatementLine.EQUITY, amount(3_000_000)));

		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> record(unbalanced))
			.satisfies(ex -> assertThat(ex.problems()).singleElement().satisfies(problem -> {
				assertThat(problem.field()).isEqualTo("lines.equity");
				assertThat(problem.messageCode()).isEqualTo(StatementRules.UNBALANCED);
			}));
		assertThat(as(this.analyst, Role.CREDIT_ANALYST, () -> this.statements.all(this.customer))).isEmpty();
	}

	@Test
	void recordsAnUnbalancedStatementConfirmedWithAReasonAndAuditsTheReason() {
		StatementDraft confirmed = scenarioDraft()
			.withLines(scenarioLines().with(StatementLine.EQUITY, amount(3_000_000)))
			.confirmedBecause("客户报送的报表即如此，待审计报告核实");

		FinancialStatement statement = record(confirmed);

		assertThat(statement.balanceOverrideReason()).isEqualTo("客户报送的报表即如此，待审计报告核实");
		assertThat(as(this.analyst, Role.CREDIT_ANALYST, () -> this.statements.latest(this.customer)))
			.hasValueSatisfying(stored -> assertThat(stored.balanceOverrideReason()).isEqualTo("客户报送的报表即如此，待审计报告核实"));
		assertThat(auditEntries()).singleElement().satisfies(entry -> {
			assertThat(entry.action()).isEqualTo("CREATED");
			assertThat(entry.entityType()).isEqualTo("financial-statement");
			assertThat(entry.entityId()).isEqualTo("2025-12-31/ANNUAL");
			assertThat(entry.actor()).isEqualTo(this.analyst);
			assertThat(entry.reason()).isEqualTo("客户报送的报表即如此，待审计报告核实");
			assertThat(entry.after()).contains("\"equity\":\"3000000.00\"");
		});
	}

	@Test
	void dropsAReasonWhenTheSheetBalances() {
		FinancialStatement statement = record(scenarioDraft().confirmedBecause("nothing to confirm"));

		assertThat(statement.balanceOverrideReason()).isNull();
	}

	@Test
	void storesFiguresEnteredInTenThousandYuanInYuanAndKeepsTheUnit() {
		StatementLines inTenThousands = new StatementLines(new BigDecimal("120.5"), null, amount(100), amount(500),
				amount(1_000), amount(300), amount(600), amount(400), amount(1_200), null, null, amount(80), amount(20),
				amount(90), amount(150), amount(110));

		FinancialStatement statement = record(scenarioDraft().withLines(inTenThousands).in(AmountUnit.TEN_THOUSAND));

		assertThat(statement.unit()).isEqualTo(AmountUnit.TEN_THOUSAND);
		assertThat(statement.lines().totalAssets()).hasToString("10000000.00");
		assertThat(statement.lines().cash()).hasToString("1205000.00");
		assertThat(statement.ratio(Ratio.DEBT_RATIO)).hasToString("0.6000");
		assertThat(statement.ratio(Ratio.ALTMAN_Z2)).hasToString("6.4902");
	}

	@Test
	void replacesTheStatementOfTheSamePeriodAndAuditsBeforeAndAfter() {
		FinancialStatement first = record(scenarioDraft());
		StatementDraft corrected = scenarioDraft()
			.withLines(scenarioLines().with(StatementLine.NET_PROFIT, amount(900_000)));

		FinancialStatement second = record(corrected);

		assertThat(second.id()).isEqualTo(first.id());
		assertThat(second.ratio(Ratio.NET_MARGIN)).hasToString("0.0750");
		assertThat(as(this.analyst, Role.CREDIT_ANALYST, () -> this.statements.all(this.customer))).hasSize(1);
		List<AuditEntry> entries = auditEntries();
		assertThat(entries).extracting(AuditEntry::action).containsExactly("CHANGED", "CREATED");
		assertThat(entries.get(0).before()).contains("\"netProfit\":\"800000.00\"");
		assertThat(entries.get(0).after()).contains("\"netProfit\":\"900000.00\"");
	}

	@Test
	void listsNewestFirstWithTheAnnualBeforeTheQuarterEndingTheSameDayAndDerivesRevenueGrowth() {
		record(StatementDraft.annual(LocalDate.of(2024, 12, 31),
				scenarioLines().with(StatementLine.REVENUE, amount(10_000_000))));
		record(scenarioDraft());
		record(new StatementDraft(YEAR_END_2025, PeriodType.QUARTERLY, "CNY", AmountUnit.YUAN, false,
				scenarioLines().with(StatementLine.REVENUE, amount(3_000_000)), null));
		record(new StatementDraft(LocalDate.of(2025, 9, 30), PeriodType.QUARTERLY, "CNY", AmountUnit.YUAN, true,
				scenarioLines(), null));

		List<FinancialStatement> all = as(this.analyst, Role.CREDIT_ANALYST, () -> this.statements.all(this.customer));

		assertThat(all).extracting(FinancialStatement::periodEnd, FinancialStatement::periodType)
			.containsExactly(org.assertj.core.api.Assertions.tuple(YEAR_END_2025, PeriodType.ANNUAL),
					org.assertj.core.api.Assertions.tuple(YEAR_END_2025, PeriodType.QUARTERLY),
					org.assertj.core.api.Assertions.tuple(LocalDate.of(2025, 9, 30), PeriodType.QUARTERLY),
					org.assertj.core.api.Assertions.tuple(LocalDate.of(2024, 12, 31), PeriodType.ANNUAL));
		assertThat(all.get(0).ratio(Ratio.REVENUE_GROWTH)).hasToString("0.2000");
		// no quarterly statement for 2024-12 to compare the quarter with
		assertThat(all.get(1).ratios()).doesNotContainKey(Ratio.REVENUE_GROWTH);
		assertThat(as(this.analyst, Role.CREDIT_ANALYST, () -> this.statements.latest(this.customer)))
			.hasValueSatisfying(latest -> assertThat(latest.periodType()).isEqualTo(PeriodType.ANNUAL));
	}

	@Test
	void aSalesUserRecordsForOwnCustomersOnlyAndAnAuditorNotAtAll() {
		String sales = this.fixtures.user(Role.SALES);
		String own = this.fixtures.customer(sales);
		String auditor = this.fixtures.user(Role.AUDITOR);

		assertThat(as(sales, Role.SALES, () -> this.statements.record(own, scenarioDraft())).customerCode())
			.isEqualTo(own);
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> as(sales, Role.SALES, () -> this.statements.record(this.customer, scenarioDraft())));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> as(sales, Role.SALES, () -> this.statements.all(this.customer)));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> as(auditor, Role.AUDITOR, () -> this.statements.record(own, scenarioDraft())));
		assertThat(as(auditor, Role.AUDITOR, () -> this.statements.all(own))).hasSize(1);
	}

	@Test
	void checksADraftWithoutWritingItNamingAnUnknownCustomer() {
		var problems = as(this.analyst, Role.CREDIT_ANALYST,
				() -> this.statements.problems("NO-SUCH-CUSTOMER", scenarioDraft()));

		assertThat(problems).extracting(p -> p.field()).containsExactly("customerCode");
	}

	private List<AuditEntry> auditEntries() {
		return this.currentUser
			.asSystem(() -> this.auditTrail.entries(new AuditQuery(CustomerDetails.auditSubject(this.customer),
					"financial-statement", null, null, null), new Paging(0, 50)))
			.items();
	}

}
