package org.credence.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A payment was recorded and applied.
 *
 * @param paymentExternalId the key the payment is addressed by
 * @param invoiceNumbers the invoices it settled (in part or in full)
 * @param companyUnapplied what no invoice took, in company currency
 */
public record PaymentReceived(String customerCode, String paymentExternalId, BigDecimal amount, String currency,
		BigDecimal companyAmount, LocalDate receivedDate, List<String> invoiceNumbers, BigDecimal companyUnapplied) {

}
