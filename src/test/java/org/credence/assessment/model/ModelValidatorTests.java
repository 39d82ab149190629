package org.credence.assessment.model;

import java.util.ArrayList;
import java.util.List;

import org.credence.assessment.model.ScoringFunction.Range;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.credence.assessment.model.ScoringFunction.linear;
import static org.credence.assessment.model.ScoringFunction.range;
import static org.credence.assessment.model.ScoringFunction.ranges;

class ModelValidatorTests {

	static List<String> problems(ModelDefinition model) {
		return ModelValidator.problems(model).stream().map(p -> p.field() + " " + p.messageCode()).toList();
	}

	static ModelDefinition withFactor(ModelDefinition model, int index, FactorDefinition factor) {
		List<FactorDefinition> factors = new ArrayList<>(model.factors());
		factors.set(index, factor);
		return model.withFactors(factors);
	}

	static FactorDefinition debtRatio(ScoringFunction scoring) {
		return FactorDefinition.of("DEBT_RATIO", "资产负债率", "Debt ratio", FactorSource.RATIO, "ratio:DEBT_RATIO", scoring,
				"10", MissingPolicy.WORST);
	}

	@Test
	void theBuiltInModelsAreValid() {
		assertThat(ModelValidator.problems(BuiltInModels.standard())).isEmpty();
		assertThat(ModelValidator.problems(BuiltInModels.altmanZ2())).isEmpty();
	}

	@Test
	void refusesWeightsThatDoNotSumToOneHundred() {
		ModelDefinition standard = BuiltInModels.standard();
		ModelDefinition model = withFactor(standard, 0,
				standard.factors().get(0).withWeight(new java.math.BigDecimal("12")));

		assertThat(problems(model)).containsExactly("factors assessment.model.problem.weights.sum");
		assertThat(ModelValidator.problems(model).get(0).arguments()).containsExactly("102");
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> ModelValidator.requireValid(model));
	}

	@Test
	void acceptsWeightsWithinOneHundredthOfOneHundred() {
		ModelDefinition standard = BuiltInModels.standard();
		ModelDefinition model = withFactor(standard, 0,
				standard.factors().get(0).withWeight(new java.math.BigDecimal("10.005")));

		assertThat(problems(model)).isEmpty();
	}

	@Test
	void refusesOverlappingRanges() {
		ModelDefinition model = withFactor(BuiltInModels.standard(), 0,
				debtRatio(ranges(range(null, "0.5", 100), range("0.4", "0.7", 50), range("0.7", null, 0))));

		assertThat(problems(model))
			.containsExactly("factors[0].scoring.ranges[1] assessment.model.problem.ranges.overlap");
	}

	@Test
	void refusesRangesWithAGap() {
		ModelDefinition model = withFactor(BuiltInModels.standard(), 0,
				debtRatio(ranges(range(null, "0.4", 100), range("0.5", "0.7", 50), range("0.7", null, 0))));

		List<FieldProblem> problems = ModelValidator.problems(model);
		assertThat(problems(model)).containsExactly("factors[0].scoring.ranges[1] assessment.model.problem.ranges.gap");
		assertThat(problems.get(0).arguments()).containsExactly("0.4", "0.5");
	}

	@Test
	void refusesRangesThatLeaveValuesUncoveredAtEitherEnd() {
		ModelDefinition model = withFactor(BuiltInModels.standard(), 0,
				debtRatio(ranges(range("0", "0.4", 100), range("0.4", "1", 0))));

		assertThat(problems(model)).containsExactly(
				"factors[0].scoring.ranges[0] assessment.model.problem.ranges.uncovered-low",
				"factors[0].scoring.ranges[1] assessment.model.problem.ranges.uncovered-high");
	}

	@Test
	void acceptsRangesListedInAnyOrder() {
		ModelDefinition model = withFactor(BuiltInModels.standard(), 0,
				debtRatio(ranges(range("0.4", null, 0), range(null, "0.4", 100))));

		assertThat(problems(model)).isEmpty();
	}

	@Test
	void refusesALinearFunctionWithoutBothBounds() {
		ScoringFunction missingUpper = new ScoringFunction(ScoringFunction.Type.LINEAR, List.<Range>of(),
				new java.math.BigDecimal("0.5"), null, java.math.BigDecimal.ZERO, java.math.BigDecimal.TEN);
		ModelDefinition model = withFactor(BuiltInModels.standard(), 0, debtRatio(missingUpper));
		ModelDefinition reversed = withFactor(BuiltInModels.standard(), 0, debtRatio(linear("2", "1", "0", "100")));

		assertThat(problems(model)).containsExactly("factors[0].scoring assessment.model.problem.linear.bounds");
		assertThat(problems(reversed))
			.containsExactly("factors[0].scoring.upper assessment.model.problem.linear.order");
	}

	@Test
	void refusesUnknownReferences() {
		ModelDefinition unknownRatio = withFactor(BuiltInModels.standard(), 0,
				FactorDefinition.of("DEBT_RATIO", "资产负债率", "Debt ratio", FactorSource.RATIO, "ratio:LEVERAGE",
						linear("0", "1", "100", "0"), "10", MissingPolicy.WORST));
		ModelDefinition wrongPrefix = withFactor(BuiltInModels.standard(), 0,
				FactorDefinition.of("DEBT_RATIO", "资产负债率", "Debt ratio", FactorSource.RATIO, "behaviour:AVG_DAYS_LATE",
						linear("0", "1", "100", "0"), "10", MissingPolicy.WORST));

		assertThat(problems(unknownRatio))
			.containsExactly("factors[0].reference assessment.model.problem.reference.unknown");
		assertThat(problems(wrongPrefix))
			.containsExactly("factors[0].reference assessment.model.problem.reference.source");
	}

	@Test
	void refusesAFormulaThatDoesNotParseOrUsesUnknownReferences() {
		FactorDefinition broken = FactorDefinition.of("DEBT_RATIO", "公式", "Formula", FactorSource.FORMULA,
				"line_cash / * line_currentLiabilities", linear("0", "1", "0", "100"), "10", MissingPolicy.REWEIGHT);
		FactorDefinition unknown = FactorDefinition.of("DEBT_RATIO", "公式", "Formula", FactorSource.FORMULA,
				"line_cash / line_shortTermDebt + ratio_DEBT_RATIO", linear("0", "1", "0", "100"), "10",
				MissingPolicy.REWEIGHT);
		FactorDefinition unsafe = FactorDefinition.of("DEBT_RATIO", "公式", "Formula", FactorSource.FORMULA,
				"RANDOM() + ratio_DEBT_RATIO", linear("0", "1", "0", "100"), "10", MissingPolicy.REWEIGHT);
		FactorDefinition fine = FactorDefinition.of("DEBT_RATIO", "公式", "Formula", FactorSource.FORMULA,
				"IF(qualitative_MANAGEMENT >= 4, line_cash / line_currentLiabilities, MIN(ratio_QUICK_RATIO, 1))",
				linear("0", "1", "0", "100"), "10", MissingPolicy.REWEIGHT);

		assertThat(problems(withFactor(BuiltInModels.standard(), 0, broken)))
			.containsExactly("factors[0].reference assessment.model.problem.formula.invalid");
		List<FieldProblem> unknownProblems = ModelValidator.problems(withFactor(BuiltInModels.standard(), 0, unknown));
		assertThat(unknownProblems).extracting(FieldProblem::messageCode)
			.containsExactly("assessment.model.problem.formula.unknown");
		assertThat(unknownProblems.get(0).arguments()).containsExactly("line_shortTermDebt");
		assertThat(problems(withFactor(BuiltInModels.standard(), 0, unsafe)))
			.containsExactly("factors[0].reference assessment.model.problem.formula.invalid");
		assertThat(problems(withFactor(BuiltInModels.standard(), 0, fine))).isEmpty();
	}

	@Test
	void refusesAQualitativeFactorWithoutOptions() {
		ModelDefinition standard = BuiltInModels.standard();
		int management = standard.factors().indexOf(standard.factor("MANAGEMENT").orElseThrow());
		FactorDefinition noOptions = FactorDefinition.of("MANAGEMENT", "管理层素质", "Management", FactorSource.QUALITATIVE,
				"qualitative:MANAGEMENT", linear("1", "5", "0", "100"), "5", MissingPolicy.NEUTRAL);

		assertThat(problems(withFactor(standard, management, noOptions)))
			.containsExactly("factors[" + management + "].options assessment.model.problem.options.required");
	}

	@Test
	void refusesDuplicateFactorCodes() {
		ModelDefinition standard = BuiltInModels.standard();
		FactorDefinition copy = standard.factors().get(1);
		FactorDefinition renamed = new FactorDefinition("DEBT_RATIO", copy.nameZh(), copy.nameEn(), copy.source(),
				copy.reference(), copy.scoring(), copy.weight(), copy.missingPolicy(), null, copy.options());

		assertThat(problems(withFactor(standard, 1, renamed)))
			.containsExactly("factors[1].code assessment.model.problem.factor.duplicate");
	}

	@Test
	void refusesAScaleOutOfOrderOrNotEndingWithD() {
		ModelDefinition standard = BuiltInModels.standard();
		List<RatingBand> swapped = new ArrayList<>(standard.scale());
		swapped.set(1, standard.scale().get(2));
		swapped.set(2, standard.scale().get(1));
		List<RatingBand> withoutD = standard.scale().subList(0, 9);

		assertThat(problems(scale(standard, swapped))).contains(
				"scale[2].grade assessment.model.problem.scale.grade.order",
				"scale[2].minScore assessment.model.problem.scale.min-score.order");
		assertThat(problems(scale(standard, withoutD)))
			.containsExactly("scale[8].grade assessment.model.problem.scale.last");
	}

	@Test
	void refusesAScaleWhoseWorstGradeDoesNotReachTheLowestScore() {
		ModelDefinition standard = BuiltInModels.standard();
		List<RatingBand> scale = new ArrayList<>(standard.scale());
		scale.set(9, RatingBand.of("D", "5", "1", "HIGH", 1));

		assertThat(problems(scale(standard, scale)))
			.containsExactly("scale[9].minScore assessment.model.problem.scale.floor");
	}

	@Test
	void refusesAPdOutsideZeroToOneAndAnUnknownRiskClass() {
		ModelDefinition standard = BuiltInModels.standard();
		List<RatingBand> scale = new ArrayList<>(standard.scale());
		scale.set(0, RatingBand.of("AAA", "90", "1.5", "VERY_LOW", 0));

		assertThat(problems(scale(standard, scale))).containsExactly("scale[0].pd assessment.model.problem.scale.pd",
				"scale[0].riskClass assessment.model.problem.scale.risk-class",
				"scale[0].reviewMonths assessment.model.problem.scale.review-months",
				"scale[1].pd assessment.model.problem.scale.pd.order");
	}

	static ModelDefinition scale(ModelDefinition model, List<RatingBand> scale) {
		return new ModelDefinition(model.code(), model.version(), model.status(), model.nameZh(), model.nameEn(),
				model.description(), model.factors(), scale, model.source(), null, null);
	}

}
