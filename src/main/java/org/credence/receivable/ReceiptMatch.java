package org.credence.receivable;

/** How a bank receipt was tied to a customer, in the order the matcher tries. */
public enum ReceiptMatch {

	/** An invoice number in the remittance text. */
	INVOICE_NUMBER,
	/** The payer's account is in the customer's credit file. */
	BANK_ACCOUNT,
	/** The payer's name is exactly the customer's name. */
	NAME,
	/** Exactly one open invoice has the amount open. */
	AMOUNT,
	/** Finance assigned it from the queue. */
	MANUAL

}
