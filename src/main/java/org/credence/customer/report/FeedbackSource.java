package org.credence.customer.report;

/**
 * Who gave the feedback: a company in the same trade, or one that supplies the customer.
 */
public enum FeedbackSource {

	PEER, SUPPLIER

}
