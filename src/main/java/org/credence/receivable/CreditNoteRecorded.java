package org.credence.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A credit note was recorded and applied to the invoices listed.
 */
public record CreditNoteRecorded(String customerCode, String creditNoteNumber, BigDecimal amount, String currency,
		BigDecimal companyAmount, LocalDate issueDate, List<String> invoiceNumbers) {

}
