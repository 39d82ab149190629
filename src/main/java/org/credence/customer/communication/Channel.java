package org.credence.customer.communication;

/** How the credit department was in touch with the customer. */
public enum Channel {

	CALL, EMAIL, VISIT, MEETING, OTHER

}
