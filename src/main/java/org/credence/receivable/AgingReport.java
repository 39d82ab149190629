package org.credence.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Open receivables by age as of a day, in company currency, and the same per document
 * currency.
 *
 * @param total every open amount
 * @param overdue what is past its due date on {@code asOf}, whatever the basis
 * @param items how many open invoices
 * @param byCurrency the open amounts in each document currency, in that currency, by
 * currency code
 */
public record AgingReport(LocalDate asOf, AgingBasis basis, String currency, List<AgingBucket> buckets,
		BigDecimal total, BigDecimal overdue, int items, List<CurrencyAging> byCurrency) {

}
