package org.credence.assessment.model;

/**
 * Where a factor's value comes from, and so the prefix of its reference in
 * {@link org.credence.assessment.scoring.Facts}.
 */
public enum FactorSource {

	/** A ratio of the latest statement: {@code ratio:DEBT_RATIO}. */
	RATIO("ratio"),
	/**
	 * Payment behaviour from receivables: {@code behaviour:AVG_DAYS_LATE}; missing until
	 * supplied.
	 */
	BEHAVIOUR("behaviour"),
	/**
	 * An analyst's answer from the factor's defined options:
	 * {@code qualitative:MANAGEMENT}.
	 */
	QUALITATIVE("qualitative"),
	/** The latest external credit report's score: {@code external:SCORE}. */
	EXTERNAL("external"),
	/** An EvalEx expression over other factors' values and statement lines. */
	FORMULA("formula");

	private final String prefix;

	FactorSource(String prefix) {
		this.prefix = prefix;
	}

	public String prefix() {
		return this.prefix;
	}

}
