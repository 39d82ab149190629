package org.credence.assessment.scoring;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

import org.credence.assessment.model.RatingBand;

/**
 * The result of scoring facts with a model: the score, the band it falls in, and every
 * factor.
 */
public record Score(BigDecimal score, RatingBand band, List<FactorScore> factors) {

	/**
	 * Whether no factor had a value, so the score is the worst band's by rule, not by
	 * weighing anything.
	 */
	public boolean isUnscored() {
		return this.factors.stream().allMatch(FactorScore::missing);
	}

	/**
	 * The factors that cost the most points, most first, leaving out those that cost
	 * nothing: what reasons for the grade are made of.
	 */
	public List<FactorScore> costliestFactors(int limit) {
		return this.factors.stream()
			.filter(factor -> factor.pointsLost().signum() > 0)
			.sorted(Comparator.comparing(FactorScore::pointsLost).reversed())
			.limit(limit)
			.toList();
	}

}
