package org.credence.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a customer owes and has ordered, as of a day, in company currency: the receivable
 * side of exposure.
 *
 * @param openReceivables every open invoice amount
 * @param overdue what is past due
 * @param maxDaysOverdue the oldest overdue item's days past due (zero when none)
 * @param disputed the open amount of disputed invoices (included in openReceivables)
 * @param unappliedCash payments not applied to any invoice yet
 * @param openOrders open orders not yet invoiced (today's state, not as of the day)
 */
public record ReceivableSummary(String customerCode, LocalDate asOf, String currency, BigDecimal openReceivables,
		BigDecimal overdue, int maxDaysOverdue, BigDecimal disputed, BigDecimal unappliedCash, BigDecimal openOrders) {

}
