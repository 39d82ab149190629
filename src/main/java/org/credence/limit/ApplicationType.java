package org.credence.limit;

/**
 * What a credit application asks for. For every type but {@link #TEMPORARY} the amount is
 * the limit the customer should have afterwards (not a difference); for TEMPORARY it is
 * the increase on top of the line until the application's {@code validTo}.
 */
public enum ApplicationType {

	/** A first line for a customer that has none (or whose line has expired). */
	NEW,
	/** A higher limit on the existing line. */
	INCREASE,
	/** A lower limit on the existing line; needs a single approval. */
	DECREASE,
	/** The existing line again for a new period. */
	RENEWAL,
	/** An extra amount on top of the line that lapses by itself on its end date. */
	TEMPORARY

}
