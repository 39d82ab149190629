package org.credence.receivable.aging;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.credence.receivable.PaymentBehaviour;
import org.jspecify.annotations.Nullable;

/**
 * Payment behaviour from the ledger as it stood on a day: plain arithmetic over invoice
 * histories, documented figure by figure on {@link PaymentBehaviour}.
 * <p>
 * DSO uses the countback method (as described by the Credit Research Foundation and in
 * most AR handbooks): starting from the open receivables on the as-of day, take away the
 * invoiced sales of each calendar month backwards (the month ending on the as-of day
 * first), adding that month's days, until the sales of a month exceed what is left; that
 * month adds its days × left / its sales. It reflects recent sales, unlike the average
 * method, so a seasonal peak does not distort it. Countback stops after 24 months.
 */
public final class BehaviourPolicy {

	static final int WINDOW_MONTHS = 12;

	static final int COUNTBACK_MONTHS = 24;

	private BehaviourPolicy() {
	}

	/**
	 * The days a DSO trend of {@code months} points shows: the end of each of the months
	 * before the as-of day's month, oldest first, and the as-of day itself last.
	 */
	public static List<LocalDate> trendDays(LocalDate asOf, int months) {
		List<LocalDate> days = new java.util.ArrayList<>();
		for (int back = months - 1; back > 0; back--) {
			LocalDate month = asOf.minusMonths(back);
			days.add(month.withDayOfMonth(month.lengthOfMonth()));
		}
		days.add(asOf);
		return List.copyOf(days);
	}

	public static PaymentBehaviour behaviour(String customerCode, LocalDate asOf, String currency,
			List<InvoiceHistory> invoices, BigDecimal unappliedCash) {
		LocalDate windowStart = asOf.minusMonths(WINDOW_MONTHS);
		BigDecimal weightedDays = BigDecimal.ZERO;
		BigDecimal weights = BigDecimal.ZERO;
		int paid = 0;
		int paidLate = 0;
		Integer maxDaysOverdue = invoices.isEmpty() ? null : 0;
		for (InvoiceHistory invoice : invoices) {
			if (invoice.isSettled() && invoice.lastSettledOn() != null) {
				LocalDate settledOn = invoice.lastSettledOn();
				if (settledOn.isAfter(windowStart)) {
					long late = Math.max(0, ChronoUnit.DAYS.between(invoice.dueDate(), settledOn));
					maxDaysOverdue = Math.max(maxDaysOverdue, (int) late);
					if (!invoice.writtenOff()) {
						paid++;
						if (late > 0) {
							paidLate++;
						}
						weightedDays = weightedDays.add(invoice.companyAmount().multiply(BigDecimal.valueOf(late)));
						weights = weights.add(invoice.companyAmount());
					}
				}
			}
			else if (invoice.dueDate().isBefore(asOf)) {
				maxDaysOverdue = Math.max(maxDaysOverdue, (int) ChronoUnit.DAYS.between(invoice.dueDate(), asOf));
			}
		}
		BigDecimal averageDaysLate = weights.signum() == 0 ? null
				: weightedDays.divide(weights, 1, RoundingMode.HALF_UP);
		BigDecimal share = paid == 0 ? null
				: BigDecimal.valueOf(paidLate).divide(BigDecimal.valueOf(paid), 4, RoundingMode.HALF_UP);
		return new PaymentBehaviour(customerCode, asOf, currency, averageDaysLate, maxDaysOverdue, share, paid,
				unappliedCash, dso(asOf, invoices));
	}

	/** Days sales outstanding by countback; absent without any invoice. */
	public static @Nullable BigDecimal dso(LocalDate asOf, List<InvoiceHistory> invoices) {
		if (invoices.isEmpty()) {
			return null;
		}
		BigDecimal left = invoices.stream()
			.map(InvoiceHistory::companyOpenAmount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal days = BigDecimal.ZERO;
		for (int month = 0; month < COUNTBACK_MONTHS && left.signum() > 0; month++) {
			// months counted back from the day after asOf, so a month-end asOf steps
			// through
			// month-ends
			LocalDate end = asOf.plusDays(1).minusMonths(month).minusDays(1);
			LocalDate start = asOf.plusDays(1).minusMonths(month + 1L).minusDays(1);
			BigDecimal sales = invoices.stream()
				.filter(i -> i.issueDate().isAfter(start) && !i.issueDate().isAfter(end))
				.map(InvoiceHistory::companyAmount)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal monthDays = BigDecimal.valueOf(ChronoUnit.DAYS.between(start, end));
			if (sales.compareTo(left) >= 0) {
				days = days.add(monthDays.multiply(left).divide(sales, 4, RoundingMode.HALF_UP));
				left = BigDecimal.ZERO;
			}
			else {
				days = days.add(monthDays);
				left = left.subtract(sales);
			}
		}
		return days.setScale(1, RoundingMode.HALF_UP);
	}

}
