package org.credence.receivable;

/** Where an invoice stands today: something open, settled in full, or written off. */
public enum InvoiceStatus {

	OPEN, PAID, WRITTEN_OFF

}
