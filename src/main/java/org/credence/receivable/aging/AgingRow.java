package org.credence.receivable.aging;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One customer's open invoices in one document currency as of a day, bucket by bucket, in
 * that currency and in company currency (each invoice converted at its own rate, to the
 * fen, HALF_UP).
 *
 * @param documentBuckets one amount per aging bucket, in {@code currency}
 * @param companyBuckets the same in company currency
 */
public record AgingRow(String customerCode, String customerName, @Nullable String ownerUsername,
		@Nullable String industry, String currency, List<BigDecimal> documentBuckets, List<BigDecimal> companyBuckets,
		BigDecimal documentOverdue, BigDecimal companyOverdue, int items) {

}
