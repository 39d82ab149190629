package org.credence.customer.report;

/** How the customer pays the source of the feedback. */
public enum PaymentExperience {

	/** on time */
	PROMPT,
	/** late, but pays */
	SLOW,
	/** months late */
	VERY_SLOW,
	/** did not pay */
	DEFAULTED

}
