package org.credence.receivable.bank;

import java.util.List;

/**
 * One fact behind an unmatched receipt's reason, kept as a message code with its
 * arguments and rendered in the reader's language ({@code
 * receivable.bank-receipt.detail.<code>}): first the customer lists (each shown only as
 * far as the reader may see the customers), then the plain values.
 *
 * @param code the detail code, for instance {@code account-held-by}
 * @param customers lists of customer codes, the first message arguments
 * @param values further arguments (amounts, currencies, dates, counts)
 */
public record ReasonNote(String code, List<List<String>> customers, List<String> values) {

	public ReasonNote {
		customers = customers.stream().map(List::copyOf).toList();
		values = List.copyOf(values);
	}

	public static ReasonNote of(String code, List<String> customers) {
		return new ReasonNote(code, List.of(customers), List.of());
	}

	public static ReasonNote values(String code, String... values) {
		return new ReasonNote(code, List.of(), List.of(values));
	}

}
