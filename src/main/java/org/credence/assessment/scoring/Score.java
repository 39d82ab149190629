package org.credence.assessment.scoring;

import java.math.BigDecimal;
import java.util.List;

import org.credence.assessment.model.RatingBand;

/**
 * The result of scoring facts with a model: the score, the band it falls in, and every
 * factor.
 */
public record Score(BigDecimal score, RatingBand band, List<FactorScore> factors) {
}
