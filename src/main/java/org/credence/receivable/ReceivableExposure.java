package org.credence.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The receivable side of a customer's exposure on a day, in company currency, in a form
 * that stays true as days pass: open invoices summed per due date (so what is overdue,
 * and by how long, can be read for any later day until the next document arrives) and
 * open orders summed per delivery date.
 *
 * @param dues every open invoice's open amount, summed per due date, earliest first
 * @param orders every open order's value not yet invoiced, summed per delivery date,
 * those without a delivery date first
 * @param unappliedCash payments on account that no invoice has taken yet
 * @param oldestOpenIssueDate the issue date of the oldest invoice still open; absent when
 * none is
 */
public record ReceivableExposure(String customerCode, String currency, List<Due> dues, List<OrderDue> orders,
		BigDecimal unappliedCash, @Nullable LocalDate oldestOpenIssueDate) {

	public ReceivableExposure {
		dues = List.copyOf(dues);
		orders = List.copyOf(orders);
	}

	/** What open invoices falling due on {@code dueDate} still owe. */
	public record Due(LocalDate dueDate, BigDecimal amount) {
	}

	/**
	 * What open orders to be delivered on {@code deliveryDate} (absent: not said) are
	 * worth.
	 */
	public record OrderDue(@Nullable LocalDate deliveryDate, BigDecimal amount) {
	}

	/** Nothing open, nothing on account. */
	public static ReceivableExposure none(String customerCode, String currency) {
		return new ReceivableExposure(customerCode, currency, List.of(), List.of(), BigDecimal.ZERO.setScale(2), null);
	}

}
