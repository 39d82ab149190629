package org.credence.assessment.scoring;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * What is known about a customer when it is scored, keyed by reference:
 * {@code ratio:DEBT_RATIO}, {@code line:totalAssets}, {@code behaviour:AVG_DAYS_LATE},
 * {@code qualitative:MANAGEMENT}, {@code external:SCORE}. A missing key is a missing
 * value; the model's missing-value policy decides what that costs.
 */
public record Facts(Map<String, BigDecimal> values) {

	public Facts {
		values = Map.copyOf(values);
	}

	public Optional<BigDecimal> value(String reference) {
		return Optional.ofNullable(this.values.get(reference));
	}

}
