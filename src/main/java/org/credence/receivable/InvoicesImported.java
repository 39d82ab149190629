package org.credence.receivable;

import java.util.List;

/**
 * A file of invoices was recorded in one go. Announced once per import, not once per
 * invoice: a file of a million invoices would otherwise put a million events in the
 * publication registry inside one transaction. A listener that keeps figures per customer
 * recomputes them for the customers listed; the invoices themselves are read through
 * {@link Receivables#invoices(String)}.
 *
 * @param customerCodes the customers with new invoices (and hence with orders whose open
 * value may have fallen)
 * @param invoices how many invoices were recorded
 * @param fileSha256 the SHA-256 of the imported file, hex
 */
public record InvoicesImported(List<String> customerCodes, int invoices, String fileSha256) {

	public InvoicesImported {
		customerCodes = List.copyOf(customerCodes);
	}

}
