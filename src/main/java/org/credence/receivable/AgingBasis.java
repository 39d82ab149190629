package org.credence.receivable;

/** What an aging bucket counts days from. */
public enum AgingBasis {

	/** Days past the due date (the default): 0 or less is not yet due. */
	DUE,
	/** Days since the invoice date. */
	INVOICE

}
