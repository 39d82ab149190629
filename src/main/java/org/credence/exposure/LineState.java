package org.credence.exposure;

/** Where the customer's credit line stands on the day exposure is read. */
public enum LineState {

	/** No line, or one that begins later. */
	NONE, ACTIVE, SUSPENDED, EXPIRED

}
