package org.credence.assessment.model;

import java.math.BigDecimal;

/**
 * One grade of a rating scale: the lowest score that earns it, its one-year probability
 * of default, its risk class (LOW, MEDIUM, HIGH — 客户分类) and how many months until the
 * next review.
 */
public record RatingBand(String grade, BigDecimal minScore, BigDecimal pd, String riskClass, int reviewMonths) {
}
