package org.credence.assessment.scoring;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.credence.assessment.model.BuiltInModels;
import org.credence.assessment.model.FactorDefinition;
import org.credence.assessment.model.FactorSource;
import org.credence.assessment.model.MissingPolicy;
import org.credence.assessment.model.ModelDefinition;
import org.credence.assessment.model.RatingBand;
import org.credence.assessment.model.ScoringFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.assessment.model.ScoringFunction.linear;
import static org.credence.assessment.model.ScoringFunction.range;
import static org.credence.assessment.model.ScoringFunction.ranges;

class ScorecardTests {

	static final ScoringFunction DEBT = ranges(range(null, "0.4", 100), range("0.4", "0.6", 60), range("0.6", null, 0));

	static final List<RatingBand> SCALE = List.of(RatingBand.of("AAA", "90", "0.0003", "LOW", 12),
			RatingBand.of("A", "70", "0.0005", "LOW", 12), RatingBand.of("BBB", "60", "0.0015", "MEDIUM", 6),
			RatingBand.of("BB", "50", "0.006", "MEDIUM", 6), RatingBand.of("B", "30", "0.032", "HIGH", 3),
			RatingBand.of("D", "0", "1", "HIGH", 1));

	static FactorDefinition factor(String code, ScoringFunction scoring, String weight, MissingPolicy policy) {
		return FactorDefinition.of(code, code, code, FactorSource.RATIO, "ratio:" + code, scoring, weight, policy);
	}

	static ModelDefinition model(FactorDefinition... factors) {
		return new ModelDefinition("TEST", 1, "DRAFT", "测试", "Test", "", List.of(factors), SCALE, "test", null, null);
	}

	static Facts facts(String... pairs) {
		Map<String, BigDecimal> values = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			values.put(pairs[i], new BigDecimal(pairs[i + 1]));
		}
		return new Facts(values);
	}

	@ParameterizedTest
	@CsvSource({ "-5, 100", "0.3999, 100", "0.4, 60", "0.5999, 60", "0.6, 0", "3, 0" })
	void rangesAreHalfOpenFromBelow(String value, int points) {
		assertThat(DEBT.points(new BigDecimal(value))).isEqualByComparingTo(BigDecimal.valueOf(points));
	}

	@ParameterizedTest
	@CsvSource({ "0.2, 100", "0.5, 100", "1.0, 50", "1.5, 0", "9, 0", "0.75, 75" })
	void linearScoringIsClampedOutsideItsBounds(String value, String points) {
		ScoringFunction falling = linear("0.5", "1.5", "100", "0");
		assertThat(falling.points(new BigDecimal(value))).isEqualByComparingTo(points);
	}

	@Test
	void scoresTheWeightedSumOfPointsAndPicksTheBestBandReached() {
		ModelDefinition model = model(factor("DEBT_RATIO", DEBT, "60", MissingPolicy.WORST),
				factor("QUICK_RATIO", linear("0.5", "1.5", "0", "100"), "40", MissingPolicy.WORST));

		Score score = Scorecard.score(model, facts("ratio:DEBT_RATIO", "0.5", "ratio:QUICK_RATIO", "1.33"));

		// 60 × 60% + 83 × 40% = 36 + 33.2
		assertThat(score.score()).isEqualByComparingTo("69.20");
		assertThat(score.score().scale()).isEqualTo(2);
		assertThat(score.band().grade()).isEqualTo("BBB");
		FactorScore debt = score.factors().get(0);
		assertThat(debt.points()).isEqualByComparingTo("60");
		assertThat(debt.contribution()).isEqualByComparingTo("36");
		assertThat(debt.pointsLost()).isEqualByComparingTo("24");
		assertThat(debt.missing()).isFalse();
		assertThat(debt.appliedPolicy()).isNull();
		assertThat(score.costliestFactors(1)).extracting(f -> f.factor().code()).containsExactly("DEBT_RATIO");
	}

	@Test
	void aMissingNeutralFactorScoresTheMiddleOfItsRangeOrItsStatedNeutralPoints() {
		Score score = Scorecard.score(model(factor("DEBT_RATIO", DEBT, "50", MissingPolicy.NEUTRAL),
				factor("CURRENT_RATIO", DEBT, "30", MissingPolicy.NEUTRAL).withNeutralPoints("60"),
				factor("ROA", DEBT, "20", MissingPolicy.WORST)), facts("ratio:ROA", "0.1"));

		FactorScore debt = score.factors().get(0);
		assertThat(debt.missing()).isTrue();
		assertThat(debt.appliedPolicy()).isEqualTo(MissingPolicy.NEUTRAL);
		assertThat(debt.value()).isNull();
		assertThat(debt.points()).isEqualByComparingTo("50");
		assertThat(debt.weight()).isEqualByComparingTo("50");
		assertThat(score.factors().get(1).points()).isEqualByComparingTo("60");
		// 50 × 50% + 60 × 30% + 100 × 20%
		assertThat(score.score()).isEqualByComparingTo("63.00");
	}

	@Test
	void aMissingWorstFactorScoresItsWorstPoints() {
		ModelDefinition model = model(factor("DEBT_RATIO", DEBT, "50", MissingPolicy.WORST),
				factor("ROA", DEBT, "50", MissingPolicy.WORST));

		Score score = Scorecard.score(model, facts("ratio:ROA", "0.1"));

		assertThat(score.factors().get(0).points()).isEqualByComparingTo("0");
		assertThat(score.factors().get(0).appliedPolicy()).isEqualTo(MissingPolicy.WORST);
		assertThat(score.factors().get(0).pointsLost()).isEqualByComparingTo("50");
		assertThat(score.score()).isEqualByComparingTo("50.00");
		assertThat(score.band().grade()).isEqualTo("BB");
	}

	@Test
	void aMissingReweightFactorDropsOutAndTheOthersWeightsAreScaledToOneHundred() {
		ModelDefinition model = model(factor("DEBT_RATIO", DEBT, "50", MissingPolicy.REWEIGHT),
				factor("ROA", DEBT, "30", MissingPolicy.WORST), factor("QUICK_RATIO", DEBT, "20", MissingPolicy.WORST));

		Score score = Scorecard.score(model, facts("ratio:ROA", "0.1", "ratio:QUICK_RATIO", "0.5"));

		FactorScore dropped = score.factors().get(0);
		assertThat(dropped.missing()).isTrue();
		assertThat(dropped.appliedPolicy()).isEqualTo(MissingPolicy.REWEIGHT);
		assertThat(dropped.weight()).isEqualByComparingTo("0");
		assertThat(dropped.contribution()).isEqualByComparingTo("0");
		assertThat(dropped.pointsLost()).isEqualByComparingTo("0");
		assertThat(score.factors().get(1).weight()).isEqualByComparingTo("60");
		assertThat(score.factors().get(2).weight()).isEqualByComparingTo("40");
		assertThat(score.factors().stream().map(FactorScore::weight).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo("100");
		// 100 × 60% + 60 × 40%
		assertThat(score.score()).isEqualByComparingTo("84.00");
	}

	@Test
	void reweightingKeepsFourDecimalsOfWeightAndRoundsTheScoreHalfUp() {
		ModelDefinition model = model(factor("A1", DEBT, "25", MissingPolicy.REWEIGHT),
				factor("A2", DEBT, "25", MissingPolicy.WORST), factor("A3", DEBT, "25", MissingPolicy.WORST),
				factor("A4", DEBT, "25", MissingPolicy.WORST));

		Score score = Scorecard.score(model, facts("ratio:A2", "0.1", "ratio:A3", "0.5", "ratio:A4", "0.5"));

		assertThat(score.factors().get(1).weight()).isEqualByComparingTo("33.3333");
		// (100 + 60 + 60) / 3 = 73.333…
		assertThat(score.score()).isEqualByComparingTo("73.33");
	}

	@Test
	void whenNoFactorHasAValueTheScoreIsTheWorstBand() {
		ModelDefinition model = model(factor("DEBT_RATIO", DEBT, "50", MissingPolicy.NEUTRAL),
				factor("ROA", DEBT, "50", MissingPolicy.REWEIGHT));

		Score score = Scorecard.score(model, new Facts(Map.of()));

		assertThat(score.isUnscored()).isTrue();
		assertThat(score.band().grade()).isEqualTo("D");
		assertThat(score.score()).isEqualByComparingTo("0");
		assertThat(score.factors()).allSatisfy(factor -> {
			assertThat(factor.missing()).isTrue();
			assertThat(factor.contribution()).isEqualByComparingTo("0");
		});
	}

	@Test
	void evaluatesAFormulaOverOtherReferences() {
		FactorDefinition cash = FactorDefinition.of("CASH_RATIO", "现金比率", "Cash ratio", FactorSource.FORMULA,
				"line_cash / line_currentLiabilities", linear("0", "0.5", "0", "100"), "50", MissingPolicy.REWEIGHT);
		ModelDefinition model = model(cash, factor("DEBT_RATIO", DEBT, "50", MissingPolicy.WORST));

		Score score = Scorecard.score(model,
				facts("line:cash", "600000", "line:currentLiabilities", "3000000", "ratio:DEBT_RATIO", "0.3"));

		assertThat(score.factors().get(0).value()).isEqualByComparingTo("0.2");
		assertThat(score.factors().get(0).points()).isEqualByComparingTo("40");
		assertThat(score.score()).isEqualByComparingTo("70.00");
	}

	@Test
	void aFormulaThatDividesByZeroOrLacksAFactIsMissing() {
		FactorDefinition cash = FactorDefinition.of("CASH_RATIO", "现金比率", "Cash ratio", FactorSource.FORMULA,
				"line_cash / line_currentLiabilities", linear("0", "0.5", "0", "100"), "50", MissingPolicy.REWEIGHT);
		ModelDefinition model = model(cash, factor("DEBT_RATIO", DEBT, "50", MissingPolicy.WORST));

		Score divided = Scorecard.score(model,
				facts("line:cash", "1", "line:currentLiabilities", "0", "ratio:DEBT_RATIO", "0.3"));
		Score lacking = Scorecard.score(model, facts("line:cash", "1", "ratio:DEBT_RATIO", "0.3"));

		assertThat(divided.factors().get(0).missing()).isTrue();
		assertThat(lacking.factors().get(0).missing()).isTrue();
		assertThat(lacking.score()).isEqualByComparingTo("100.00");
	}

	@Test
	void theStandardModelScoresTheScenarioCompanyWithItsBehaviourMissing() {
		ModelDefinition standard = BuiltInModels.standard();
		Facts facts = facts("ratio:DEBT_RATIO", "0.6", "ratio:CURRENT_RATIO", "1.6667", "ratio:QUICK_RATIO", "1.3333",
				"ratio:INTEREST_COVERAGE", "5.5", "ratio:NET_MARGIN", "0.0667", "ratio:ROA", "0.08",
				"ratio:OCF_TO_CURRENT_LIABILITIES", "0.3", "ratio:ALTMAN_Z2", "6.4902", "line:currentLiabilities",
				"3000000");

		Score score = Scorecard.score(standard, facts);

		assertThat(score.isUnscored()).isFalse();
		assertThat(score.factors()).filteredOn(f -> f.factor().source() == FactorSource.BEHAVIOUR).allSatisfy(f -> {
			assertThat(f.missing()).isTrue();
			assertThat(f.appliedPolicy()).isEqualTo(MissingPolicy.NEUTRAL);
			assertThat(f.points()).isEqualByComparingTo("50");
		});
		assertThat(score.factors().stream().map(FactorScore::weight).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isCloseTo(BigDecimal.valueOf(100), org.assertj.core.data.Offset.offset(new BigDecimal("0.01")));
		assertThat(score.score()).isBetween(new BigDecimal("40"), new BigDecimal("80"));
	}

}
