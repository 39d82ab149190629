package org.credence.assessment.rating;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.credence.assessment.AssessmentResult.Reason;
import org.credence.assessment.model.BuiltInModels;
import org.credence.assessment.model.FactorDefinition;
import org.credence.assessment.model.ModelDefinition;
import org.credence.assessment.scoring.FactorScore;
import org.credence.assessment.scoring.Facts;
import org.credence.assessment.scoring.Score;
import org.credence.assessment.scoring.Scorecard;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReasonPolicyTests {

	static final ModelDefinition STANDARD = BuiltInModels.standard();

	@Test
	void theThreeFactorsThatCostTheMostPointsComeFirstMostCostlyFirst() {
		Score score = Scorecard.score(STANDARD,
				new Facts(Map.of("ratio:DEBT_RATIO", new BigDecimal("0.72"), "ratio:CURRENT_RATIO",
						new BigDecimal("0.9"), "ratio:NET_MARGIN", new BigDecimal("0.005"), "ratio:ALTMAN_Z2",
						new BigDecimal("8"), "qualitative:MANAGEMENT", new BigDecimal("5"))));

		List<Reason> reasons = ReasonPolicy.reasons(score);

		List<FactorScore> costliest = score.factors()
			.stream()
			.filter(f -> !f.missing() && f.pointsLost().signum() > 0)
			.sorted(Comparator.comparing(FactorScore::pointsLost).reversed())
			.limit(3)
			.toList();
		assertThat(reasons.subList(0, 3)).extracting(Reason::factorCode)
			.containsExactlyElementsOf(costliest.stream().map(f -> f.factor().code()).toList());
		assertThat(reasons.subList(0, 3)).extracting(Reason::code).containsOnly("POINTS_LOST");
		Reason debt = reasons.stream().filter(r -> "DEBT_RATIO".equals(r.factorCode())).findFirst().orElseThrow();
		assertThat(debt.textZh()).matches("资产负债率 72\\.0%，扣 \\d+\\.\\d 分");
		assertThat(debt.textEn()).matches("Debt ratio 72\\.0% cost \\d+\\.\\d points");
	}

	@Test
	void missingPaymentBehaviourIsAReasonThatNamesHowTheModelScoredIt() {
		Score score = Scorecard.score(STANDARD, new Facts(Map.of("ratio:DEBT_RATIO", new BigDecimal("0.5"))));

		List<Reason> reasons = ReasonPolicy.reasons(score);

		assertThat(reasons).filteredOn(r -> r.code().equals("MISSING_BEHAVIOUR")).singleElement().satisfies(r -> {
			assertThat(r.factorCode()).isNull();
			assertThat(r.textZh()).startsWith("付款行为数据缺失：").contains("平均逾期天数（按中性分）");
			assertThat(r.textEn()).startsWith("Payment behaviour missing: ").contains("(scored neutral)");
		});
		assertThat(reasons).extracting(Reason::code).contains("MISSING_EXTERNAL", "MISSING_QUALITATIVE");
	}

	@Test
	void valuesReadAsPeopleWriteThem() {
		FactorDefinition management = factor("MANAGEMENT");
		FactorDefinition currentRatio = factor("CURRENT_RATIO");

		assertThat(FactorValues.format(management, new BigDecimal("4"), true)).isEqualTo("良好");
		assertThat(FactorValues.format(management, new BigDecimal("4"), false)).isEqualTo("Good");
		assertThat(FactorValues.format(factor("DEBT_RATIO"), new BigDecimal("0.6"), true)).isEqualTo("60.0%");
		assertThat(FactorValues.format(currentRatio, new BigDecimal("1.6667"), false)).isEqualTo("1.67");
		assertThat(FactorValues.format(currentRatio, null, false)).isEqualTo("—");
	}

	private static FactorDefinition factor(String code) {
		return STANDARD.factors().stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow();
	}

}
