package org.credence.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A payment bounced: its allocations were undone, so the invoices listed are open again
 * by what it had paid.
 */
public record PaymentReversed(String customerCode, String paymentExternalId, BigDecimal amount, String currency,
		BigDecimal companyAmount, LocalDate reversedOn, List<String> invoiceNumbers, String reason) {

}
