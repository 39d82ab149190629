package org.credence.receivable;

/** Where a bank receipt stands. */
public enum BankReceiptStatus {

	/** Waits in the unmatched receipts queue for finance. */
	UNMATCHED,
	/** Matched on import and recorded as a payment. */
	MATCHED,
	/** Assigned to a customer by hand and recorded as a payment. */
	ASSIGNED,
	/** No customer's payment (a refund, a transfer between own accounts …). */
	DISMISSED

}
