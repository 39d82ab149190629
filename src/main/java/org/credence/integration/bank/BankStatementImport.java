package org.credence.integration.bank;

import java.util.List;

import org.credence.receivable.BankReceipt;

/**
 * What importing a bank statement file did.
 *
 * @param entries the booked entries in the file (debits, credits, reversals)
 * @param credits the credit lines stored or found stored: one per transaction of a batch
 * entry
 * @param matched credit lines that are payments now (matched on this import or before)
 * @param unmatched credit lines waiting in the unmatched receipts queue
 * @param alreadyImported credit lines that an earlier import had stored
 * @param debitsSkipped debit entries and reversals, which never become payments
 * @param receipts the receipts of the credit lines, in file order
 * @param warnings notes by entry number (counted through the file from 1)
 */
public record BankStatementImport(List<String> formats, int statements, int entries, int credits, int matched,
		int unmatched, int alreadyImported, int debitsSkipped, List<BankReceipt> receipts, List<Warning> warnings) {

	public BankStatementImport {
		formats = List.copyOf(formats);
		receipts = List.copyOf(receipts);
		warnings = List.copyOf(warnings);
	}

	/** A note on an entry (0: on the file or a statement as a whole). */
	public record Warning(int entry, String messageCode, Object... arguments) {
	}

}
