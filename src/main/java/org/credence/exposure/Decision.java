package org.credence.exposure;

/** The answer of a credit check. */
public enum Decision {

	/** The order may go; its amount is reserved. */
	APPROVED,
	/** The order may go with a warning; its amount is reserved. */
	WARNING,
	/** The order waits in the credit-hold queue; nothing is reserved. */
	BLOCKED

}
