package org.credence.receivable;

import java.math.BigDecimal;
import java.util.List;

/**
 * The part of an aging in one document currency, in that currency: the same buckets as
 * the company-currency aging it belongs to.
 *
 * @param overdue what is past its due date on the as-of day
 * @param items how many open invoices in this currency
 */
public record CurrencyAging(String currency, List<AgingBucket> buckets, BigDecimal total, BigDecimal overdue,
		int items) {

}
