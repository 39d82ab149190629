package org.credence.assessment.statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.credence.shared.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.credence.assessment.statement.StatementExamples.amount;
import static org.credence.assessment.statement.StatementExamples.scenarioDraft;
import static org.credence.assessment.statement.StatementExamples.scenarioLines;

class StatementRulesTests {

	static final LocalDate TODAY = LocalDate.of(2026, 1, 10);

	static List<FieldProblem> problems(StatementDraft draft) {
		return StatementRules.problems(StatementRules.normalise(draft), TODAY);
	}

	@Test
	void acceptsTheScenarioStatement() {
		assertThat(problems(scenarioDraft())).isEmpty();
	}

	@Test
	void refusesTheScenarioWithEquityOf3MillionNamingTheLinesAndTheGap() {
		StatementDraft draft = scenarioDraft().withLines(scenarioLines().with(StatementLine.EQUITY, amount(3_000_000)));

		assertThat(problems(draft)).singleElement().satisfies(problem -> {
			assertThat(problem.field()).isEqualTo("lines.equity");
			assertThat(problem.messageCode()).isEqualTo(StatementRules.UNBALANCED);
			assertThat(problem.arguments()).containsExactly("10,000,000", "9,000,000", "10.0", "0.5%");
		});
	}

	@Test
	void acceptsAnUnbalancedSheetConfirmedWithAReason() {
		StatementDraft draft = scenarioDraft().withLines(scenarioLines().with(StatementLine.EQUITY, amount(3_000_000)))
			.confirmedBecause("客户报送报表如此，待审计报告核实");

		assertThat(problems(draft)).isEmpty();
	}

	@Test
	void aBlankReasonConfirmsNothing() {
		StatementDraft draft = scenarioDraft().withLines(scenarioLines().with(StatementLine.EQUITY, amount(3_000_000)))
			.confirmedBecause("   ");

		assertThat(problems(draft)).extracting(FieldProblem::messageCode).containsExactly(StatementRules.UNBALANCED);
	}

	@Test
	void toleratesHalfAPercentOfTotalAssetsAndNoMore() {
		StatementLines atTolerance = scenarioLines().with(StatementLine.EQUITY, amount(3_950_000));
		StatementLines beyond = scenarioLines().with(StatementLine.EQUITY, amount(3_949_999));

		assertThat(problems(scenarioDraft().withLines(atTolerance))).isEmpty();
		assertThat(problems(scenarioDraft().withLines(beyond))).extracting(FieldProblem::field)
			.containsExactly("lines.equity");
	}

	@Test
	void namesTheFiguresInTheUnitTheyWereEnteredIn() {
		StatementLines inTenThousands = new StatementLines(null, null, null, null, amount(1_000), null, amount(600),
				amount(300), null, null, null, null, null, null, null, null);

		assertThat(problems(scenarioDraft().withLines(inTenThousands).in(AmountUnit.TEN_THOUSAND))).singleElement()
			.satisfies(problem -> assertThat(problem.arguments()).startsWith("1,000", "900"));
	}

	@Test
	void requiresThePeriodAndTheBalanceSheetTotals() {
		StatementDraft draft = new StatementDraft(null, null, null, null, null, StatementLines.of(java.util.Map.of()),
				null);

		assertThat(problems(draft)).extracting(FieldProblem::field, FieldProblem::messageCode)
			.containsExactly(tuple("periodEnd", "assessment.statement.period-end.required"),
					tuple("periodType", "assessment.statement.period-type.required"),
					tuple("lines.totalAssets", "assessment.statement.line.required"),
					tuple("lines.totalLiabilities", "assessment.statement.line.required"),
					tuple("lines.equity", "assessment.statement.line.required"));
	}

	@Test
	void refusesAPeriodThatHasNotEnded() {
		StatementDraft draft = StatementDraft.annual(TODAY.plusDays(1), scenarioLines());

		assertThat(problems(draft)).extracting(FieldProblem::field).containsExactly("periodEnd");
	}

	@Test
	void refusesAnUnknownCurrencyAndDefaultsToCny() {
		StatementDraft unknown = new StatementDraft(StatementExamples.YEAR_END_2025, PeriodType.ANNUAL, "XYZ", null,
				null, scenarioLines(), null);
		StatementDraft none = new StatementDraft(StatementExamples.YEAR_END_2025, PeriodType.ANNUAL, null, null, null,
				scenarioLines(), null);

		assertThat(problems(unknown)).extracting(FieldProblem::field).containsExactly("currency");
		assertThat(StatementRules.normalise(none)).satisfies(draft -> {
			assertThat(draft.currency()).isEqualTo("CNY");
			assertThat(draft.unit()).isEqualTo(AmountUnit.YUAN);
			assertThat(draft.audited()).isFalse();
		});
	}

	@Test
	void refusesNegativeAssetsAndLiabilitiesButAllowsLossesAndNegativeEquity() {
		StatementLines lines = scenarioLines().with(StatementLine.INVENTORY, amount(-1))
			.with(StatementLine.REVENUE, amount(-5));
		StatementLines losses = scenarioLines().with(StatementLine.NET_PROFIT, amount(-500_000))
			.with(StatementLine.EBIT, amount(-300_000))
			.with(StatementLine.RETAINED_EARNINGS, amount(-2_000_000))
			.with(StatementLine.OPERATING_CASH_FLOW, amount(-100_000))
			.with(StatementLine.EQUITY, amount(-1_000_000))
			.with(StatementLine.TOTAL_LIABILITIES, amount(11_000_000));

		assertThat(problems(scenarioDraft().withLines(lines))).extracting(FieldProblem::field)
			.containsExactly("lines.inventory", "lines.revenue");
		assertThat(problems(scenarioDraft().withLines(losses))).isEmpty();
	}

	@Test
	void refusesTotalAssetsOfZero() {
		StatementLines lines = new StatementLines(null, null, null, null, BigDecimal.ZERO, null, BigDecimal.ZERO,
				BigDecimal.ZERO, null, null, null, null, null, null, null, null);

		assertThat(problems(scenarioDraft().withLines(lines))).extracting(FieldProblem::messageCode)
			.containsExactly("assessment.statement.total-assets.positive");
	}

	@Test
	void refusesPartsLargerThanTheirTotals() {
		StatementLines lines = scenarioLines().with(StatementLine.CURRENT_ASSETS, amount(11_000_000))
			.with(StatementLine.CURRENT_LIABILITIES, amount(7_000_000));
		StatementLines parts = scenarioLines().with(StatementLine.CASH, amount(3_000_000))
			.with(StatementLine.RECEIVABLES, amount(2_000_000));

		assertThat(problems(scenarioDraft().withLines(lines)))
			.extracting(FieldProblem::field, FieldProblem::messageCode)
			.containsExactly(tuple("lines.currentAssets", "assessment.statement.current-assets.above-total"),
					tuple("lines.currentLiabilities", "assessment.statement.current-liabilities.above-total"));
		assertThat(problems(scenarioDraft().withLines(parts))).extracting(FieldProblem::messageCode)
			.containsExactly("assessment.statement.current-assets.below-parts");
	}

	@Test
	void refusesFiguresTooLargeToKeep() {
		StatementLines lines = scenarioLines().with(StatementLine.REVENUE, new BigDecimal("1E+13"));

		assertThat(problems(scenarioDraft().withLines(lines).in(AmountUnit.TEN_THOUSAND)))
			.extracting(FieldProblem::field, FieldProblem::messageCode)
			.contains(tuple("lines.revenue", "assessment.statement.line.too-large"));
	}

	@Test
	void convertsEntryUnitsToYuanToTheFen() {
		assertThat(AmountUnit.TEN_THOUSAND.toYuan(new BigDecimal("1000.5"))).hasToString("10005000.00");
		assertThat(AmountUnit.THOUSAND.toYuan(new BigDecimal("0.0015"))).hasToString("1.50");
		assertThat(AmountUnit.YUAN.toYuan(new BigDecimal("0.125"))).hasToString("0.13");
		assertThat(AmountUnit.TEN_THOUSAND.fromYuan(new BigDecimal("10005000.00"))).hasToString("1000.5");
		assertThat(AmountUnit.TEN_THOUSAND.fromYuan(new BigDecimal("10000000.00"))).hasToString("1000");
	}

}
