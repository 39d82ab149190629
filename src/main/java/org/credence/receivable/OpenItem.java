package org.credence.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An invoice open on a day, as that day saw it.
 *
 * @param openAmount in the invoice's currency
 * @param companyOpenAmount in company currency at the rate kept on the invoice
 * @param daysOverdue days past due on that day (zero or less: not yet due)
 */
public record OpenItem(String customerCode, String invoiceNumber, LocalDate issueDate, LocalDate dueDate,
		BigDecimal amount, BigDecimal openAmount, String currency, BigDecimal companyOpenAmount, long daysOverdue,
		boolean disputed) {

}
