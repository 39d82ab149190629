package org.credence.assessment.rating;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.credence.assessment.AssessmentResult.Reason;
import org.credence.assessment.model.FactorSource;
import org.credence.assessment.model.MissingPolicy;
import org.credence.assessment.scoring.FactorScore;
import org.credence.assessment.scoring.Score;

/**
 * Why a customer got its grade, in both languages: the {@value #TOP} factors with a value
 * that cost the most points against their best ({@code POINTS_LOST}), then one reason per
 * source whose factors were missing ({@code MISSING_BEHAVIOUR} for a customer without
 * payment history, {@code MISSING_FINANCIALS} without a statement …), naming how the
 * model's missing-value policy scored them.
 */
public final class ReasonPolicy {

	static final int TOP = 3;

	private ReasonPolicy() {
	}

	public static List<Reason> reasons(Score score) {
		List<Reason> reasons = new ArrayList<>();
		score.factors()
			.stream()
			.filter(factor -> !factor.missing() && factor.pointsLost().signum() > 0)
			.sorted(Comparator.comparing(FactorScore::pointsLost).reversed())
			.limit(TOP)
			.forEach(factor -> reasons.add(pointsLost(factor)));
		Map<FactorSource, List<FactorScore>> missing = score.factors()
			.stream()
			.filter(FactorScore::missing)
			.collect(Collectors.groupingBy(factor -> factor.factor().source(), () -> new EnumMap<>(FactorSource.class),
					Collectors.toList()));
		missing.forEach((source, factors) -> reasons.add(missing(source, factors)));
		return reasons;
	}

	private static Reason pointsLost(FactorScore factor) {
		String lost = FactorValues.points(factor.pointsLost());
		String zh = factor.factor().nameZh() + " " + FactorValues.format(factor.factor(), factor.value(), true) + "，扣 "
				+ lost + " 分";
		String en = factor.factor().nameEn() + " " + FactorValues.format(factor.factor(), factor.value(), false)
				+ " cost " + lost + " points";
		return new Reason("POINTS_LOST", factor.factor().code(), zh, en);
	}

	private static Reason missing(FactorSource source, List<FactorScore> factors) {
		String namesZh = factors.stream()
			.map(f -> f.factor().nameZh() + "（" + policyZh(policy(f)) + "）")
			.collect(Collectors.joining("、"));
		String namesEn = factors.stream()
			.map(f -> f.factor().nameEn() + " (" + policyEn(policy(f)) + ")")
			.collect(Collectors.joining(", "));
		BigDecimal lost = factors.stream().map(FactorScore::pointsLost).reduce(BigDecimal.ZERO, BigDecimal::add);
		String zh = switch (source) {
			case BEHAVIOUR -> "付款行为数据缺失";
			case RATIO -> "财务报表数据缺失";
			case QUALITATIVE -> "定性评价未填写";
			case EXTERNAL -> "无外部信用报告评分";
			case FORMULA -> "公式因素无法计算";
		} + "：" + namesZh + (lost.signum() > 0 ? "，扣 " + FactorValues.points(lost) + " 分" : "");
		String en = switch (source) {
			case BEHAVIOUR -> "Payment behaviour missing";
			case RATIO -> "Financial statement figures missing";
			case QUALITATIVE -> "Qualitative questions not answered";
			case EXTERNAL -> "No external credit report score";
			case FORMULA -> "Formula factors not computable";
		} + ": " + namesEn + (lost.signum() > 0 ? "; cost " + FactorValues.points(lost) + " points" : "");
		return new Reason(missingCode(source), null, zh, en);
	}

	private static MissingPolicy policy(FactorScore factor) {
		MissingPolicy applied = factor.appliedPolicy();
		return applied != null ? applied : factor.factor().missingPolicy();
	}

	static String missingCode(FactorSource source) {
		return switch (source) {
			case BEHAVIOUR -> "MISSING_BEHAVIOUR";
			case RATIO -> "MISSING_FINANCIALS";
			case QUALITATIVE -> "MISSING_QUALITATIVE";
			case EXTERNAL -> "MISSING_EXTERNAL";
			case FORMULA -> "MISSING_FORMULA";
		};
	}

	private static String policyZh(MissingPolicy policy) {
		return switch (policy) {
			case NEUTRAL -> "按中性分";
			case WORST -> "按最差分";
			case REWEIGHT -> "权重重新分配";
		};
	}

	private static String policyEn(MissingPolicy policy) {
		return switch (policy) {
			case NEUTRAL -> "scored neutral";
			case WORST -> "scored worst";
			case REWEIGHT -> "weight reassigned";
		};
	}

}
