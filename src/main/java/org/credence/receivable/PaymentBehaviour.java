package org.credence.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * How a customer pays, as of a day, from the ledger; the BEHAVIOUR factors of scoring.
 * Values that need history the customer does not have are absent (a missing value, not a
 * zero).
 *
 * @param averageDaysLate days paid after the due date (early counts as zero), weighted by
 * invoice amount in company currency, over the invoices paid in full in the 12 months up
 * to {@code asOf}
 * @param maxDaysOverdue the most days any invoice was overdue within those 12 months:
 * paid ones up to their payment, open ones up to {@code asOf}; zero when none was late
 * @param shareOfInvoicesPaidLate invoices paid after their due date among those paid in
 * the 12 months, as a fraction (0.25 = 25%)
 * @param invoicesPaid how many invoices were paid in full in those 12 months
 * @param unappliedCash payments no invoice took, in company currency
 * @param dso days sales outstanding by the countback method: the open receivables as of
 * {@code asOf} are matched against invoiced sales month by month backwards (the latest
 * calendar month first); each month whose sales are covered in full adds its days, the
 * month that is not adds its days × (remaining receivables / its sales). Absent when the
 * customer has no receivables or sales history.
 */
public record PaymentBehaviour(String customerCode, LocalDate asOf, String currency,
		@Nullable BigDecimal averageDaysLate, @Nullable Integer maxDaysOverdue,
		@Nullable BigDecimal shareOfInvoicesPaidLate, int invoicesPaid, BigDecimal unappliedCash,
		@Nullable BigDecimal dso) {

}
