package org.credence.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An invoice's open balance was written off after a second person approved it.
 *
 * @param amount the amount written off, in the invoice's currency
 * @param companyAmount the same in company currency at the invoice's rate
 */
public record InvoiceWrittenOff(String customerCode, String invoiceNumber, BigDecimal amount, String currency,
		BigDecimal companyAmount, LocalDate writtenOffOn) {

}
