package org.credence.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An invoice was recorded; when it names an order, that order's open value fell by its
 * amount.
 *
 * @param companyAmount the amount in company currency at the rate of the issue date
 */
public record InvoiceRecorded(String customerCode, String invoiceNumber, @Nullable String orderNumber,
		BigDecimal amount, String currency, BigDecimal companyAmount, LocalDate dueDate) {

}
