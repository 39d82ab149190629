package org.credence.assessment.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * One grade of a rating scale: the lowest score that earns it, its one-year probability
 * of default, its risk class (LOW, MEDIUM, HIGH — 客户分类) and how many months until the
 * next review.
 *
 * @param pd the one-year probability of default as a fraction (0.0015 is 0.15%)
 */
public record RatingBand(String grade, BigDecimal minScore, BigDecimal pd, String riskClass, int reviewMonths) {

	/** The grades of Credence's rating scale, from best to worst. */
	public static final List<String> GRADES = List.of("AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C", "D");

	/** The risk classes (客户分类). */
	public static final List<String> RISK_CLASSES = List.of("LOW", "MEDIUM", "HIGH");

	public static RatingBand of(String grade, String minScore, String pd, String riskClass, int reviewMonths) {
		return new RatingBand(grade, new BigDecimal(minScore), new BigDecimal(pd), riskClass, reviewMonths);
	}

}
