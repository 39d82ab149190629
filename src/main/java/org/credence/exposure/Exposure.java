package org.credence.exposure;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A customer's exposure (信用敞口) on a day, in company currency, and its composition:
 * {@code total = openReceivables + openOrders + reserved}, where open receivables are the
 * open invoices less unapplied cash, open orders are those the rules count (within the
 * delivery horizon), and reserved is what approved credit checks hold back until their
 * order or invoice arrives.
 *
 * @param ordersBeyondHorizon open orders not counted: due for delivery beyond the
 * horizon, or all of them when the rules do not count open orders
 * @param limit the effective limit (temporary increases in force included) while the line
 * is active or suspended; absent without a line or once it has expired
 * @param available the limit less the total; absent without a limit
 * @param utilisation the total in percent of the limit, two decimals; absent without a
 * limit or with a limit of zero
 * @param overdueAmount what is past due on the day
 * @param maxDaysOverdue the days past due of the oldest overdue invoice (zero when none)
 * @param group the customer's group against the group limit; absent without a group, or
 * for a caller who may not see every member
 */
public record Exposure(String customerCode, String currency, BigDecimal openInvoices, BigDecimal unappliedCash,
		BigDecimal openReceivables, BigDecimal openOrders, BigDecimal ordersBeyondHorizon, BigDecimal reserved,
		BigDecimal total, @Nullable BigDecimal limit, @Nullable BigDecimal available, @Nullable BigDecimal utilisation,
		BigDecimal overdueAmount, int maxDaysOverdue, LineState lineState, boolean countOpenOrders,
		@Nullable Integer orderHorizonDays, LocalDate asOf, @Nullable GroupExposure group) {

	/**
	 * A customer group's exposure: the sum of its members' totals against the group
	 * limit.
	 *
	 * @param limit the group limit in company currency; absent when none is set
	 * @param members how many customers of the group have a position
	 */
	public record GroupExposure(String groupCode, String currency, BigDecimal openReceivables, BigDecimal openOrders,
			BigDecimal reserved, BigDecimal total, @Nullable BigDecimal limit, @Nullable BigDecimal available,
			BigDecimal overdueAmount, int maxDaysOverdue, int members) {
	}

}
