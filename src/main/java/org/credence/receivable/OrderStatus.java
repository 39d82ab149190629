package org.credence.receivable;

/** The order system's state of an order; only an OPEN order has open value. */
public enum OrderStatus {

	OPEN, CANCELLED, CLOSED

}
