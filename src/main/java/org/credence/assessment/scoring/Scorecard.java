package org.credence.assessment.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.credence.assessment.model.FactorDefinition;
import org.credence.assessment.model.FactorSource;
import org.credence.assessment.model.Formula;
import org.credence.assessment.model.MissingPolicy;
import org.credence.assessment.model.ModelDefinition;
import org.jspecify.annotations.Nullable;

/**
 * Scores facts with a model: plain Java, no clock, no database, the same answer every
 * time for the same model and facts.
 * <ol>
 * <li>Each factor's value is the fact its reference names; a FORMULA factor's value is
 * its expression evaluated over the facts ({@link Formula}), missing when any fact it
 * uses is missing or it divides by zero.</li>
 * <li>The scoring function turns the value into points.</li>
 * <li>A missing value is what the factor's policy says: NEUTRAL scores the neutral points
 * (the middle of the range unless stated), WORST the worst points, REWEIGHT drops the
 * factor (weight 0) and scales the other factors' weights up so they still sum to
 * 100.</li>
 * <li>Contribution = points × effective weight / 100; the score is the sum of the
 * contributions, rounded HALF_UP to 2 decimals; the grade is the best band whose minimum
 * score the score reaches.</li>
 * <li>Points lost = (best points − points) × effective weight / 100: what the factor
 * cost; 0 for a factor that dropped out.</li>
 * </ol>
 * When no factor has a value there is nothing to weigh: every factor drops out, the score
 * is the worst band's minimum score, and the grade is the worst band (D) — an unknown
 * customer is not a good risk. {@link Score#isUnscored()} tells this case apart.
 */
public final class Scorecard {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final int WEIGHT_SCALE = 4;

	private static final int CONTRIBUTION_SCALE = 4;

	private Scorecard() {
	}

	public static Score score(ModelDefinition model, Facts facts) {
		List<FactorDefinition> factors = model.factors();
		List<@Nullable BigDecimal> values = new ArrayList<>(factors.size());
		for (FactorDefinition factor : factors) {
			values.add(value(factor, facts).orElse(null));
		}
		if (values.stream().allMatch(value -> value == null)) {
			return unscored(model);
		}
		BigDecimal keptWeight = BigDecimal.ZERO;
		for (int i = 0; i < factors.size(); i++) {
			if (values.get(i) != null || factors.get(i).missingPolicy() != MissingPolicy.REWEIGHT) {
				keptWeight = keptWeight.add(factors.get(i).weight());
			}
		}
		List<FactorScore> scores = new ArrayList<>(factors.size());
		BigDecimal total = BigDecimal.ZERO;
		for (int i = 0; i < factors.size(); i++) {
			FactorDefinition factor = factors.get(i);
			BigDecimal value = values.get(i);
			if (value == null && factor.missingPolicy() == MissingPolicy.REWEIGHT) {
				scores.add(new FactorScore(factor, null, zero(), zero(), zero(), true, MissingPolicy.REWEIGHT, zero()));
				continue;
			}
			BigDecimal weight = factor.weight()
				.multiply(HUNDRED)
				.divide(keptWeight, MathContext.DECIMAL64)
				.setScale(WEIGHT_SCALE, RoundingMode.HALF_UP);
			BigDecimal points = value != null ? factor.scoring().points(value) : missingPoints(factor);
			BigDecimal contribution = points.multiply(weight).divide(HUNDRED, MathContext.DECIMAL64);
			BigDecimal lost = factor.scoring()
				.maxPoints()
				.subtract(points)
				.multiply(weight)
				.divide(HUNDRED, MathContext.DECIMAL64);
			total = total.add(contribution);
			scores.add(new FactorScore(factor, value, points, weight,
					contribution.setScale(CONTRIBUTION_SCALE, RoundingMode.HALF_UP), value == null,
					value == null ? factor.missingPolicy() : null,
					lost.setScale(CONTRIBUTION_SCALE, RoundingMode.HALF_UP)));
		}
		BigDecimal score = total.setScale(2, RoundingMode.HALF_UP);
		return new Score(score, model.band(score), scores);
	}

	/** A factor's value from the facts; empty when missing. */
	public static Optional<BigDecimal> value(FactorDefinition factor, Facts facts) {
		if (factor.source() == FactorSource.FORMULA) {
			return Formula.evaluate(factor.reference(), facts::value);
		}
		return facts.value(factor.reference());
	}

	private static BigDecimal missingPoints(FactorDefinition factor) {
		BigDecimal points = factor.missingPolicy() == MissingPolicy.WORST ? factor.scoring().minPoints()
				: factor.neutral();
		return points.setScale(4, RoundingMode.HALF_UP);
	}

	private static Score unscored(ModelDefinition model) {
		List<FactorScore> scores = model.factors()
			.stream()
			.map(factor -> new FactorScore(factor, null, zero(), zero(), zero(), true, factor.missingPolicy(), zero()))
			.toList();
		BigDecimal floor = model.worstBand().minScore().setScale(2, RoundingMode.HALF_UP);
		return new Score(floor, model.worstBand(), scores);
	}

	private static BigDecimal zero() {
		return BigDecimal.ZERO.setScale(CONTRIBUTION_SCALE);
	}

}
