package org.credence.exposure.position;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import org.credence.exposure.CheckRuleSet;
import org.credence.exposure.Exposure;
import org.credence.exposure.LineState;
import org.jspecify.annotations.Nullable;

/**
 * A customer's row of {@code exposure.position}: the figures as kept, in company
 * currency. Nothing in it depends on the day it is read; {@link #figures} works out, for
 * a day and the rules in force, what is overdue, which orders count and whether the line
 * is in force.
 *
 * @param lineLimit the line's limit converted into company currency when it was last
 * refreshed; absent without a line
 * @param lineStatus ACTIVE or SUSPENDED as the limit module said (EXPIRED is derived from
 * {@code lineValidTo})
 * @param increases temporary increases with their own dates, in company currency
 * @param dues open invoices per due date, earliest first
 * @param orders open orders per delivery date (absent: not said)
 */
public record Position(String customerCode, @Nullable String groupCode, @Nullable String ownerUsername,
		String customerStatus, boolean blacklisted, @Nullable LocalDate blacklistedUntil, @Nullable String grade,
		@Nullable String riskClass, @Nullable LocalDate nextReviewDate, @Nullable String lineCurrency,
		@Nullable BigDecimal lineLimit, @Nullable String lineStatus, @Nullable LocalDate lineValidFrom,
		@Nullable LocalDate lineValidTo, List<Increase> increases, List<Due> dues, List<OrderDue> orders,
		BigDecimal unappliedCash, @Nullable LocalDate oldestOpenIssue, BigDecimal reserved) {

	static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	public Position {
		increases = List.copyOf(increases);
		dues = List.copyOf(dues);
		orders = List.copyOf(orders);
	}

	/** A temporary increase in force from {@code from} to {@code to}, both included. */
	public record Increase(BigDecimal amount, LocalDate from, LocalDate to) {
	}

	/** Open invoices falling due on a day. */
	public record Due(LocalDate dueDate, BigDecimal amount) {
	}

	/** Open orders to be delivered on a day (absent: not said). */
	public record OrderDue(@Nullable LocalDate deliveryDate, BigDecimal amount) {
	}

	/** Whether an active blacklist entry exists on the day. */
	public boolean blacklistedOn(LocalDate day) {
		return this.blacklisted && (this.blacklistedUntil == null || !day.isAfter(this.blacklistedUntil));
	}

	/** The line's state on the day. */
	public LineState lineStateOn(LocalDate day) {
		if (this.lineLimit == null || this.lineValidFrom == null || day.isBefore(this.lineValidFrom)) {
			return LineState.NONE;
		}
		if (this.lineValidTo != null && day.isAfter(this.lineValidTo)) {
			return LineState.EXPIRED;
		}
		return "SUSPENDED".equals(this.lineStatus) ? LineState.SUSPENDED : LineState.ACTIVE;
	}

	/**
	 * The limit plus the temporary increases in force on the day; absent without a line
	 * in force.
	 */
	public @Nullable BigDecimal effectiveLimitOn(LocalDate day) {
		LineState state = lineStateOn(day);
		if (state == LineState.NONE || state == LineState.EXPIRED) {
			return null;
		}
		BigDecimal limit = Objects.requireNonNull(this.lineLimit);
		for (Increase increase : this.increases) {
			if (!day.isBefore(increase.from()) && !day.isAfter(increase.to())) {
				limit = limit.add(increase.amount());
			}
		}
		return limit;
	}

	/** The open invoice amounts more than {@code days} days past due on the day. */
	public BigDecimal overdueBeyond(LocalDate day, int days) {
		BigDecimal sum = ZERO;
		for (Due due : this.dues) {
			if (ChronoUnit.DAYS.between(due.dueDate(), day) > days) {
				sum = sum.add(due.amount());
			}
		}
		return sum;
	}

	/** The days past due of the oldest overdue invoice on the day; zero when none is. */
	public int maxDaysOverdue(LocalDate day) {
		return this.dues.stream()
			.filter(d -> d.dueDate().isBefore(day))
			.findFirst()
			.map(d -> (int) ChronoUnit.DAYS.between(d.dueDate(), day))
			.orElse(0);
	}

	/** The figures on a day under the rules given. */
	public Figures figures(CheckRuleSet rules, LocalDate day) {
		BigDecimal invoices = this.dues.stream().map(Due::amount).reduce(ZERO, BigDecimal::add);
		BigDecimal counted = ZERO;
		BigDecimal beyond = ZERO;
		LocalDate horizon = rules.orderHorizonDays() == null ? null : day.plusDays(rules.orderHorizonDays());
		for (OrderDue order : this.orders) {
			boolean counts = rules.countOpenOrders()
					&& (horizon == null || order.deliveryDate() == null || !order.deliveryDate().isAfter(horizon));
			if (counts) {
				counted = counted.add(order.amount());
			}
			else {
				beyond = beyond.add(order.amount());
			}
		}
		BigDecimal receivables = invoices.subtract(this.unappliedCash);
		BigDecimal total = receivables.add(counted).add(this.reserved);
		return new Figures(invoices, this.unappliedCash, receivables, counted, beyond, this.reserved, total,
				effectiveLimitOn(day), lineStateOn(day), overdueBeyond(day, 0), maxDaysOverdue(day));
	}

	/**
	 * The figures of a day.
	 *
	 * @param limit the effective limit, absent without a line in force
	 */
	public record Figures(BigDecimal openInvoices, BigDecimal unappliedCash, BigDecimal openReceivables,
			BigDecimal openOrders, BigDecimal ordersBeyondHorizon, BigDecimal reserved, BigDecimal total,
			@Nullable BigDecimal limit, LineState lineState, BigDecimal overdueAmount, int maxDaysOverdue) {

		public @Nullable BigDecimal available() {
			return this.limit == null ? null : this.limit.subtract(this.total);
		}

		/**
		 * Total in percent of the limit, two decimals; absent without a positive limit.
		 */
		public @Nullable BigDecimal utilisation() {
			return this.limit == null || this.limit.signum() <= 0 ? null
					: this.total.multiply(BigDecimal.valueOf(100)).divide(this.limit, 2, RoundingMode.HALF_UP);
		}

		public Exposure toExposure(String customerCode, String currency, CheckRuleSet rules, LocalDate day,
				Exposure.@Nullable GroupExposure group) {
			return new Exposure(customerCode, currency, this.openInvoices, this.unappliedCash, this.openReceivables,
					this.openOrders, this.ordersBeyondHorizon, this.reserved, this.total, this.limit, available(),
					utilisation(), this.overdueAmount, this.maxDaysOverdue, this.lineState, rules.countOpenOrders(),
					rules.orderHorizonDays(), day, group);
		}

	}

	/**
	 * Whether two rows hold the same figures (the reserved amount and every derived
	 * figure), amounts compared by value: what the reconciliation compares.
	 */
	public boolean sameFigures(Position other) {
		return Objects.equals(this.customerCode, other.customerCode) && Objects.equals(this.groupCode, other.groupCode)
				&& Objects.equals(this.customerStatus, other.customerStatus) && this.blacklisted == other.blacklisted
				&& Objects.equals(this.blacklistedUntil, other.blacklistedUntil)
				&& Objects.equals(this.grade, other.grade) && Objects.equals(this.riskClass, other.riskClass)
				&& Objects.equals(this.ownerUsername, other.ownerUsername)
				&& Objects.equals(this.lineCurrency, other.lineCurrency)
				&& Objects.equals(this.nextReviewDate, other.nextReviewDate) && same(this.lineLimit, other.lineLimit)
				&& Objects.equals(this.lineStatus, other.lineStatus)
				&& Objects.equals(this.lineValidFrom, other.lineValidFrom)
				&& Objects.equals(this.lineValidTo, other.lineValidTo)
				&& sameList(
						this.increases.stream()
							.map(i -> i.amount().stripTrailingZeros() + "/" + i.from() + "/" + i.to())
							.toList(),
						other.increases.stream()
							.map(i -> i.amount().stripTrailingZeros() + "/" + i.from() + "/" + i.to())
							.toList())
				&& sameList(this.dues.stream().map(d -> d.dueDate() + "=" + d.amount().stripTrailingZeros()).toList(),
						other.dues.stream().map(d -> d.dueDate() + "=" + d.amount().stripTrailingZeros()).toList())
				&& sameList(
						this.orders.stream()
							.map(o -> o.deliveryDate() + "=" + o.amount().stripTrailingZeros())
							.toList(),
						other.orders.stream()
							.map(o -> o.deliveryDate() + "=" + o.amount().stripTrailingZeros())
							.toList())
				&& same(this.unappliedCash, other.unappliedCash)
				&& Objects.equals(this.oldestOpenIssue, other.oldestOpenIssue) && same(this.reserved, other.reserved);
	}

	private static boolean same(@Nullable BigDecimal a, @Nullable BigDecimal b) {
		return a == null ? b == null : b != null && a.compareTo(b) == 0;
	}

	private static boolean sameList(List<String> a, List<String> b) {
		return a.equals(b);
	}

}
