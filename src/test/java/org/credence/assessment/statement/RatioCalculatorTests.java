package org.credence.assessment.statement;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.assessment.statement.StatementExamples.amount;
import static org.credence.assessment.statement.StatementExamples.scenarioLines;

class RatioCalculatorTests {

	static Map<Ratio, BigDecimal> annual(StatementLines lines) {
		return RatioCalculator.ratios(lines, PeriodType.ANNUAL, null);
	}

	@Test
	void derivesTheScenarioRatiosToFourDecimals() {
		Map<Ratio, BigDecimal> ratios = annual(scenarioLines());

		assertThat(ratios.get(Ratio.DEBT_RATIO)).hasToString("0.6000");
		assertThat(ratios.get(Ratio.CURRENT_RATIO)).hasToString("1.6667");
		assertThat(ratios.get(Ratio.QUICK_RATIO)).hasToString("1.3333");
		assertThat(ratios.get(Ratio.INTEREST_COVERAGE)).hasToString("5.5000");
		assertThat(ratios.get(Ratio.NET_MARGIN)).hasToString("0.0667");
		assertThat(ratios.get(Ratio.ROA)).hasToString("0.0800");
		assertThat(ratios.get(Ratio.ROE)).hasToString("0.2000");
		assertThat(ratios.get(Ratio.OCF_TO_CURRENT_LIABILITIES)).hasToString("0.3000");
	}

	@Test
	void derivesAltmansFourRatiosAndTheEmergingMarketZScore() {
		Map<Ratio, BigDecimal> ratios = annual(scenarioLines());

		assertThat(ratios.get(Ratio.WORKING_CAPITAL_TO_ASSETS)).hasToString("0.2000");
		assertThat(ratios.get(Ratio.RETAINED_EARNINGS_TO_ASSETS)).hasToString("0.1500");
		assertThat(ratios.get(Ratio.EBIT_TO_ASSETS)).hasToString("0.1100");
		assertThat(ratios.get(Ratio.EQUITY_TO_LIABILITIES)).hasToString("0.6667");
		// 3.25 + 6.56·0.20 + 3.26·0.15 + 6.72·0.11 + 1.05·(4/6) = 6.4902, from unrounded
		// X4
		assertThat(ratios.get(Ratio.ALTMAN_Z2)).hasToString("6.4902");
		assertThat(ratios.get(Ratio.ALTMAN_Z2).setScale(2, java.math.RoundingMode.HALF_UP)).hasToString("6.49");
	}

	@Test
	void leavesOutWhatNeedsALineTheStatementDoesNotHave() {
		Map<Ratio, BigDecimal> ratios = annual(scenarioLines());

		// the scenario has no receivables and no earlier year
		assertThat(ratios).doesNotContainKeys(Ratio.RECEIVABLES_TURNOVER, Ratio.REVENUE_GROWTH);
		assertThat(ratios).hasSize(Ratio.values().length - 2);
	}

	@Test
	void aMissingInventoryLeavesOutOnlyTheQuickRatio() {
		Map<Ratio, BigDecimal> ratios = annual(scenarioLines().with(StatementLine.INVENTORY, null));

		assertThat(ratios).doesNotContainKey(Ratio.QUICK_RATIO).containsKey(Ratio.CURRENT_RATIO);
	}

	@Test
	void aZeroDenominatorMakesARatioNotAvailableNeverZeroOrInfinite() {
		StatementLines noDebtNoInterestNoSales = scenarioLines()
			.with(StatementLine.CURRENT_LIABILITIES, BigDecimal.ZERO)
			.with(StatementLine.TOTAL_LIABILITIES, BigDecimal.ZERO)
			.with(StatementLine.INTEREST_EXPENSE, BigDecimal.ZERO)
			.with(StatementLine.REVENUE, BigDecimal.ZERO)
			.with(StatementLine.EQUITY, BigDecimal.ZERO);

		Map<Ratio, BigDecimal> ratios = annual(noDebtNoInterestNoSales);

		assertThat(ratios).doesNotContainKeys(Ratio.CURRENT_RATIO, Ratio.QUICK_RATIO, Ratio.INTEREST_COVERAGE,
				Ratio.NET_MARGIN, Ratio.ROE, Ratio.OCF_TO_CURRENT_LIABILITIES, Ratio.EQUITY_TO_LIABILITIES,
				Ratio.ALTMAN_Z2);
		assertThat(ratios.get(Ratio.DEBT_RATIO)).hasToString("0.0000");
	}

	@Test
	void withoutTotalAssetsNoRatioOverAssetsNorZScoreIsAvailable() {
		Map<Ratio, BigDecimal> ratios = annual(scenarioLines().with(StatementLine.TOTAL_ASSETS, null));

		assertThat(ratios).doesNotContainKeys(Ratio.DEBT_RATIO, Ratio.ROA, Ratio.WORKING_CAPITAL_TO_ASSETS,
				Ratio.RETAINED_EARNINGS_TO_ASSETS, Ratio.EBIT_TO_ASSETS, Ratio.ALTMAN_Z2);
		assertThat(ratios).containsKeys(Ratio.CURRENT_RATIO, Ratio.EQUITY_TO_LIABILITIES);
	}

	@Test
	void anEmptyStatementHasNoRatios() {
		assertThat(annual(StatementLines.of(Map.of()))).isEmpty();
	}

	@Test
	void revenueGrowthComparesWithTheSameTypeOfStatementAYearEarlier() {
		StatementLines lastYear = scenarioLines().with(StatementLine.REVENUE, amount(10_000_000));

		Map<Ratio, BigDecimal> ratios = RatioCalculator.ratios(scenarioLines(), PeriodType.ANNUAL, lastYear);

		assertThat(ratios.get(Ratio.REVENUE_GROWTH)).hasToString("0.2000");
	}

	@Test
	void shrinkingRevenueGivesNegativeGrowth() {
		StatementLines lastYear = scenarioLines().with(StatementLine.REVENUE, amount(16_000_000));

		Map<Ratio, BigDecimal> ratios = RatioCalculator.ratios(scenarioLines(), PeriodType.ANNUAL, lastYear);

		assertThat(ratios.get(Ratio.REVENUE_GROWTH)).hasToString("-0.2500");
	}

	@Test
	void revenueGrowthIsNotAvailableWhenTheEarlierYearHadNoRevenue() {
		StatementLines lastYear = scenarioLines().with(StatementLine.REVENUE, BigDecimal.ZERO);

		assertThat(RatioCalculator.ratios(scenarioLines(), PeriodType.ANNUAL, lastYear))
			.doesNotContainKey(Ratio.REVENUE_GROWTH);
		assertThat(RatioCalculator.ratios(scenarioLines(), PeriodType.ANNUAL,
				scenarioLines().with(StatementLine.REVENUE, null)))
			.doesNotContainKey(Ratio.REVENUE_GROWTH);
	}

	@Test
	void receivablesTurnoverIsRevenueOverReceivables() {
		StatementLines lines = scenarioLines().with(StatementLine.RECEIVABLES, amount(2_000_000));

		assertThat(annual(lines).get(Ratio.RECEIVABLES_TURNOVER)).hasToString("6.0000");
	}

	@Test
	void receivablesTurnoverAnnualisesAQuartersRevenue() {
		StatementLines quarter = scenarioLines().with(StatementLine.REVENUE, amount(3_000_000))
			.with(StatementLine.RECEIVABLES, amount(2_000_000));

		Map<Ratio, BigDecimal> ratios = RatioCalculator.ratios(quarter, PeriodType.QUARTERLY, null);

		assertThat(ratios.get(Ratio.RECEIVABLES_TURNOVER)).hasToString("6.0000");
		// margins are shares of the period's own revenue, not annualised
		assertThat(ratios.get(Ratio.NET_MARGIN)).hasToString("0.2667");
	}

	@Test
	void receivablesTurnoverIsNotAvailableWithoutReceivables() {
		StatementLines lines = scenarioLines().with(StatementLine.RECEIVABLES, BigDecimal.ZERO);

		assertThat(annual(lines)).doesNotContainKey(Ratio.RECEIVABLES_TURNOVER);
	}

	@Test
	void negativeEquityGivesNegativeRatiosNotMissingOnes() {
		StatementLines insolvent = scenarioLines().with(StatementLine.EQUITY, amount(-1_000_000))
			.with(StatementLine.TOTAL_LIABILITIES, amount(11_000_000))
			.with(StatementLine.RETAINED_EARNINGS, amount(-3_000_000));

		Map<Ratio, BigDecimal> ratios = annual(insolvent);

		assertThat(ratios.get(Ratio.DEBT_RATIO)).hasToString("1.1000");
		assertThat(ratios.get(Ratio.ROE)).hasToString("-0.8000");
		assertThat(ratios.get(Ratio.EQUITY_TO_LIABILITIES)).hasToString("-0.0909");
		// 3.25 + 1.312 − 0.978 + 0.7392 − 1.05/11 = 4.22774…
		assertThat(ratios.get(Ratio.ALTMAN_Z2)).hasToString("4.2277");
	}

	@Test
	void roundsHalfUpAtTheFourthDecimal() {
		StatementLines lines = scenarioLines().with(StatementLine.TOTAL_LIABILITIES, amount(12_345))
			.with(StatementLine.TOTAL_ASSETS, amount(200_000_000));

		// 12,345 / 200,000,000 = 0.000061725 → 0.0001
		assertThat(annual(lines).get(Ratio.DEBT_RATIO)).hasToString("0.0001");
	}

}
