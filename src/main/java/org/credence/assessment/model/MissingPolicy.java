package org.credence.assessment.model;

/** What a missing value costs, stated on every factor. */
public enum MissingPolicy {

	/**
	 * The factor scores its neutral points (the middle of its range unless the factor
	 * says otherwise).
	 */
	NEUTRAL,
	/** The factor scores its worst points. */
	WORST,
	/** The factor drops out and the other factors' weights are scaled up to 100%. */
	REWEIGHT

}
