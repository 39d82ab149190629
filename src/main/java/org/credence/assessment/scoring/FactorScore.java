package org.credence.assessment.scoring;

import java.math.BigDecimal;

import org.credence.assessment.model.FactorDefinition;
import org.credence.assessment.model.MissingPolicy;
import org.jspecify.annotations.Nullable;

/**
 * One factor's result: its value (null when missing), the points it scored, its effective
 * weight (after reweighting), its contribution to the score (points × weight / 100), and
 * the points it cost against its best (what the reasons are made of).
 */
public record FactorScore(FactorDefinition factor, @Nullable BigDecimal value, BigDecimal points, BigDecimal weight,
		BigDecimal contribution, boolean missing, @Nullable MissingPolicy appliedPolicy, BigDecimal pointsLost) {
}
