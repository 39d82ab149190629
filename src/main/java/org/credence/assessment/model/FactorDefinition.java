package org.credence.assessment.model;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One factor of a scoring model: what it measures, where the value comes from, how it
 * scores, how much it weighs (weights of a model sum to 100), and what a missing value
 * costs.
 *
 * @param reference the key in {@link org.credence.assessment.scoring.Facts} (for instance
 * {@code ratio:DEBT_RATIO}); for FORMULA factors the EvalEx expression over other
 * references
 * @param options the answers an analyst may give for a QUALITATIVE factor (value and
 * labels); empty for other sources
 * @param neutralPoints the points a NEUTRAL missing value scores; null means the middle
 * of the range
 */
public record FactorDefinition(String code, String nameZh, String nameEn, FactorSource source, String reference,
		ScoringFunction scoring, BigDecimal weight, MissingPolicy missingPolicy, @Nullable BigDecimal neutralPoints,
		List<Option> options) {

	/** A defined answer to a qualitative question. */
	public record Option(BigDecimal value, String labelZh, String labelEn) {
	}

}
