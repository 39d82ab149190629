package org.credence.assessment.model;

import java.util.List;

import org.credence.assessment.model.FactorDefinition.Option;
import org.credence.assessment.statement.Ratio;

import static org.credence.assessment.model.FactorSource.BEHAVIOUR;
import static org.credence.assessment.model.FactorSource.EXTERNAL;
import static org.credence.assessment.model.FactorSource.FORMULA;
import static org.credence.assessment.model.FactorSource.QUALITATIVE;
import static org.credence.assessment.model.FactorSource.RATIO;
import static org.credence.assessment.model.MissingPolicy.NEUTRAL;
import static org.credence.assessment.model.MissingPolicy.REWEIGHT;
import static org.credence.assessment.model.MissingPolicy.WORST;
import static org.credence.assessment.model.ScoringFunction.identity;
import static org.credence.assessment.model.ScoringFunction.linear;
import static org.credence.assessment.model.ScoringFunction.range;
import static org.credence.assessment.model.ScoringFunction.ranges;

/**
 * The models Credence starts with, installed as version 1 and active on first start.
 * Weights are expert-set (a later issue derives them from the portfolio's own history);
 * {@code docs/scoring-models.md} explains every factor, range and grade.
 * <p>
 * PDs of both scales: S&P Global Ratings, "Default, Transition, and Recovery: 2023 Annual
 * Global Corporate Default And Rating Transition Study" (28 March 2024), average one-year
 * global corporate default rates 1981–2023 by rating category. S&P reports CCC, CC and C
 * together as 'CCC/C', so the three grades share that rate; AAA and AA observed rates are
 * at or near 0%, which no PD should claim, so they carry the Basel floor of 0.03% (Basel
 * II §285; CRR Art. 160(1)). D is default: 100%.
 */
public final class BuiltInModels {

	/** The code of the default model: what an assessment uses unless told otherwise. */
	public static final String STANDARD = "STANDARD";

	public static final String ALTMAN_Z2 = "ALTMAN_Z2";

	static final String PD_SOURCE = "PD: S&P Global Ratings, \"Default, Transition, and Recovery: 2023 Annual Global "
			+ "Corporate Default And Rating Transition Study\" (2024-03-28), average one-year global corporate default "
			+ "rates 1981–2023 by rating; CCC/C shared by CCC, CC and C; AAA and AA floored at 0.03% (Basel II §285).";

	private BuiltInModels() {
	}

	public static List<ModelDefinition> all() {
		return List.of(standard(), altmanZ2());
	}

	/** PD per grade (fractions), risk class and review interval shared by both scales. */
	private static RatingBand band(String grade, String minScore) {
		return switch (grade) {
			case "AAA" -> RatingBand.of(grade, minScore, "0.0003", "LOW", 12);
			case "AA" -> RatingBand.of(grade, minScore, "0.0003", "LOW", 12);
			case "A" -> RatingBand.of(grade, minScore, "0.0005", "LOW", 12);
			case "BBB" -> RatingBand.of(grade, minScore, "0.0015", "MEDIUM", 6);
			case "BB" -> RatingBand.of(grade, minScore, "0.0060", "MEDIUM", 6);
			case "B" -> RatingBand.of(grade, minScore, "0.0320", "HIGH", 3);
			case "CCC", "CC", "C" -> RatingBand.of(grade, minScore, "0.2650", "HIGH", 3);
			case "D" -> RatingBand.of(grade, minScore, "1", "HIGH", 1);
			default -> throw new IllegalArgumentException(grade);
		};
	}

	/**
	 * 标准企业评估模型: financial strength 58%, payment behaviour 25%, qualitative 14%, external
	 * report 3%; points 0–100 per factor, so the score runs from 0 to 100.
	 */
	public static ModelDefinition standard() {
		List<FactorDefinition> factors = List.of(
				// financial strength: 58
				FactorDefinition.of("DEBT_RATIO", "资产负债率", "Debt ratio", RATIO, ref(Ratio.DEBT_RATIO),
						ranges(range(null, "0.40", 100), range("0.40", "0.50", 85), range("0.50", "0.60", 70),
								range("0.60", "0.70", 50), range("0.70", "0.85", 25), range("0.85", null, 0)),
						"10", WORST),
				FactorDefinition.of("CURRENT_RATIO", "流动比率", "Current ratio", RATIO, ref(Ratio.CURRENT_RATIO),
						ranges(range(null, "0.80", 0), range("0.80", "1.00", 30), range("1.00", "1.20", 55),
								range("1.20", "1.50", 75), range("1.50", "2.00", 90), range("2.00", null, 100)),
						"6", WORST),
				FactorDefinition.of("QUICK_RATIO", "速动比率", "Quick ratio", RATIO, ref(Ratio.QUICK_RATIO),
						linear("0.50", "1.50", "0", "100"), "5", WORST),
				FactorDefinition.of("CASH_RATIO", "现金比率", "Cash ratio", FORMULA, "line_cash / line_currentLiabilities",
						linear("0", "0.50", "0", "100"), "3", REWEIGHT),
				FactorDefinition.of("INTEREST_COVERAGE", "利息保障倍数", "Interest coverage", RATIO,
						ref(Ratio.INTEREST_COVERAGE),
						ranges(range(null, "1", 0), range("1", "1.5", 20), range("1.5", "3", 50), range("3", "6", 75),
								range("6", "10", 90), range("10", null, 100)),
						"6", REWEIGHT),
				FactorDefinition.of("NET_MARGIN", "销售净利率", "Net margin", RATIO, ref(Ratio.NET_MARGIN),
						linear("-0.05", "0.15", "0", "100"), "6", WORST),
				FactorDefinition.of("ROA", "总资产收益率", "Return on assets", RATIO, ref(Ratio.ROA),
						linear("-0.05", "0.10", "0", "100"), "4", WORST),
				FactorDefinition.of("REVENUE_GROWTH", "营业收入增长率", "Revenue growth", RATIO, ref(Ratio.REVENUE_GROWTH),
						ranges(range(null, "-0.20", 0), range("-0.20", "-0.05", 30), range("-0.05", "0.05", 60),
								range("0.05", "0.20", 85), range("0.20", "0.50", 100), range("0.50", null, 70)),
						"3", REWEIGHT),
				FactorDefinition.of(
						"OCF_TO_CURRENT_LIABILITIES", "经营现金流动负债比", "Operating cash flow to current liabilities", RATIO,
						ref(Ratio.OCF_TO_CURRENT_LIABILITIES), linear("0", "0.40", "0", "100"), "5", NEUTRAL),
				FactorDefinition.of(
						"ALTMAN_Z2", "Altman Z''值", "Altman Z''-score", RATIO, ref(Ratio.ALTMAN_Z2),
						ranges(range(null, "1.75", 0), range("1.75", "3.75", 30), range("3.75", "4.75", 50),
								range("4.75", "5.65", 65), range("5.65", "6.40", 80), range("6.40", "7.00", 90),
								range("7.00", null, 100)),
						"10", WORST),
				// payment behaviour: 25
				FactorDefinition
					.of("AVG_DAYS_LATE", "平均逾期天数", "Average days paid late", BEHAVIOUR,
							"behaviour:" + References.AVG_DAYS_LATE,
							ranges(range(null, "1", 100), range("1", "10", 80), range("10", "30", 55),
									range("30", "60", 25), range("60", null, 0)),
							"10", NEUTRAL)
					.withNeutralPoints("50"),
				FactorDefinition
					.of("MAX_DAYS_OVERDUE_12M", "近12个月最长逾期天数", "Longest overdue in 12 months (days)", BEHAVIOUR,
							"behaviour:" + References.MAX_DAYS_OVERDUE_12M,
							ranges(range(null, "1", 100), range("1", "30", 75), range("30", "60", 45),
									range("60", "90", 20), range("90", null, 0)),
							"8", NEUTRAL)
					.withNeutralPoints("50"),
				FactorDefinition
					.of("LATE_SHARE", "逾期付款发票占比", "Share of invoices paid late", BEHAVIOUR,
							"behaviour:" + References.LATE_SHARE, linear("0", "0.50", "100", "0"), "7", NEUTRAL)
					.withNeutralPoints("50"),
				// qualitative: 14
				FactorDefinition
					.of("MANAGEMENT", "管理层素质", "Management quality", QUALITATIVE, "qualitative:MANAGEMENT",
							linear("1", "5", "0", "100"), "5", NEUTRAL)
					.withOptions(Option.of(1, "很差", "Poor"), Option.of(2, "较差", "Weak"), Option.of(3, "一般", "Adequate"),
							Option.of(4, "良好", "Good"), Option.of(5, "优秀", "Excellent")),
				FactorDefinition
					.of("INDUSTRY_POSITION", "行业地位", "Industry position", QUALITATIVE, "qualitative:INDUSTRY_POSITION",
							linear("1", "5", "0", "100"), "3", NEUTRAL)
					.withOptions(Option.of(1, "边缘", "Marginal"), Option.of(2, "弱于同行", "Below peers"),
							Option.of(3, "中等", "Average"), Option.of(4, "领先", "Strong"), Option.of(5, "龙头", "Leader")),
				FactorDefinition
					.of("YEARS_IN_BUSINESS", "经营年限", "Years in business", QUALITATIVE, "qualitative:YEARS_IN_BUSINESS",
							ranges(range(null, "1.5", 20), range("1.5", "2.5", 50), range("2.5", "3.5", 80),
									range("3.5", null, 100)),
							"3", NEUTRAL)
					.withOptions(Option.of(1, "不足2年", "Under 2 years"), Option.of(2, "2至5年", "2 to 5 years"),
							Option.of(3, "5至10年", "5 to 10 years"), Option.of(4, "10年以上", "10 years or more")),
				FactorDefinition
					.of("BANK_CERTIFICATE", "银行资信证明", "Bank credit certificate", QUALITATIVE,
							"qualitative:BANK_CERTIFICATE", ranges(range(null, "0.5", 0), range("0.5", null, 100)), "3",
							WORST)
					.withOptions(Option.of(0, "无", "No"), Option.of(1, "有", "Yes")),
				// external report: 3
				FactorDefinition.of("EXTERNAL_SCORE", "外部征信评分", "External credit report score", EXTERNAL,
						"external:SCORE", linear("300", "900", "0", "100"), "3", REWEIGHT));
		List<RatingBand> scale = List.of(band("AAA", "90"), band("AA", "80"), band("A", "70"), band("BBB", "60"),
				band("BB", "50"), band("B", "40"), band("CCC", "30"), band("CC", "20"), band("C", "10"),
				band("D", "0"));
		return new ModelDefinition(STANDARD, 1, ModelDefinition.DRAFT, "标准企业评估模型", "Standard enterprise model",
				"Financial strength (58%), payment behaviour (25%), qualitative judgement (14%) and the external "
						+ "credit report (3%); every factor scores 0–100 points, so the score runs from 0 to 100.",
				factors, scale,
				"Factors and weights: Credence expert setting after the five-C / financial-behaviour-qualitative "
						+ "structure of enterprise credit scoring (financial ≈60%, behaviour ≈25%, qualitative ≈15%); "
						+ "grade thresholds every 10 points. " + PD_SOURCE,
				null, null);
	}

	/**
	 * Altman Z''-score, emerging-market form: the score is Z'' itself (identity scoring,
	 * clamped to ±20), graded by Altman's EM-score bond rating equivalents.
	 */
	public static ModelDefinition altmanZ2() {
		List<FactorDefinition> factors = List
			.of(FactorDefinition.of("ALTMAN_Z2", "Altman Z''值（新兴市场）", "Altman Z''-score (emerging markets)", RATIO,
					ref(Ratio.ALTMAN_Z2), identity("-20", "20"), "100", REWEIGHT));
		// Altman's table has notches (AA+, AA, AA−); each grade starts where its lowest
		// notch starts. CCC+, CCC and CCC− become CCC, CC and C so that no threshold is
		// lost.
		List<RatingBand> scale = List.of(band("AAA", "8.15"), band("AA", "7.00"), band("A", "6.40"),
				band("BBB", "5.65"), band("BB", "4.75"), band("B", "3.75"), band("CCC", "3.20"), band("CC", "2.50"),
				band("C", "1.75"), band("D", "-20"));
		return new ModelDefinition(ALTMAN_Z2, 1, ModelDefinition.DRAFT, "Altman Z''评分模型（新兴市场）",
				"Altman Z''-score model (emerging markets)",
				"Z'' = 3.25 + 6.56·X1 + 3.26·X2 + 6.72·X3 + 1.05·X4 (X1 working capital / total assets, X2 retained "
						+ "earnings / total assets, X3 EBIT / total assets, X4 book equity / total liabilities). The "
						+ "score is Z'' itself, graded by Altman's bond rating equivalents.",
				factors, scale,
				"Model and rating equivalents: E. I. Altman, E. Hotchkiss, \"Corporate Financial Distress and "
						+ "Bankruptcy\", 3rd ed., Wiley 2006, Table \"US bond rating equivalent based on EM score\" "
						+ "(AAA ≥ 8.15 … CCC− ≥ 1.75, D below); notches collapsed to grades at each grade's lowest "
						+ "notch, CCC+/CCC/CCC− as CCC/CC/C. " + PD_SOURCE,
				null, null);
	}

	private static String ref(Ratio ratio) {
		return References.ratio(ratio);
	}

}
