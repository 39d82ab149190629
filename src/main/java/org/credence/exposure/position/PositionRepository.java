package org.credence.exposure.position;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.credence.exposure.position.Position.Due;
import org.credence.exposure.position.Position.Increase;
import org.credence.exposure.position.Position.OrderDue;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code exposure.position} and {@code exposure.group_position}. Each side of a row (the
 * credit file's flags, the line, the receivable side) is written on its own, so a
 * listener that learns of one change rewrites only what it knows; {@code reserved} is
 * written only by credit checks and reservations, as a delta under the row's lock.
 */
@Repository
public class PositionRepository {

	private static final String COLUMNS = "p.*";

	private final JdbcClient jdbc;

	PositionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Position> find(String customerCode) {
		return this.jdbc.sql("select " + COLUMNS + " from exposure.position p where p.customer_code = :code")
			.param("code", customerCode)
			.query(PositionRepository::position)
			.optional();
	}

	/** The group the customer's row names; empty without a row or a group. */
	public Optional<String> groupOf(String customerCode) {
		return this.jdbc.sql("select group_code from exposure.position where customer_code = :code")
			.param("code", customerCode)
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.flatMap(group -> group);
	}

	/** Locks the customer's row until the transaction ends; empty when it has none. */
	public Optional<Position> lock(String customerCode) {
		return this.jdbc.sql("select " + COLUMNS + " from exposure.position p where p.customer_code = :code for update")
			.param("code", customerCode)
			.query(PositionRepository::position)
			.optional();
	}

	/**
	 * The order path's one round trip: locks the row of a customer outside any group and
	 * reads with it the number of the check rules in force (0 before any version was
	 * saved). Empty when the customer has no row yet or belongs to a group, whose row is
	 * locked first ({@link #groupOf}, {@link #lockGroup}, then {@link #lock}).
	 */
	public Optional<Ungrouped> lockUngrouped(String customerCode) {
		return this.jdbc.sql("""
				select p.*, (select coalesce(max(version), 0) from exposure.check_rules) as rules_version
				from exposure.position p where p.customer_code = :code and p.group_code is null
				for update of p
				""")
			.param("code", customerCode)
			.query((rs, n) -> new Ungrouped(position(rs, n), rs.getInt("rules_version")))
			.optional();
	}

	/**
	 * A locked row of a customer outside any group.
	 *
	 * @param rulesVersion the number of the check rules in force as the row was locked
	 */
	public record Ungrouped(Position position, int rulesVersion) {
	}

	/** The rows of a group's members. */
	public List<Position> members(String groupCode) {
		return this.jdbc
			.sql("select " + COLUMNS + " from exposure.position p where p.group_code = :group order by p.customer_code")
			.param("group", groupCode)
			.query(PositionRepository::position)
			.list();
	}

	public List<Position> all(@Nullable Collection<String> customerCodes) {
		if (customerCodes == null) {
			return this.jdbc.sql("select " + COLUMNS + " from exposure.position p order by p.customer_code")
				.query(PositionRepository::position)
				.list();
		}
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from exposure.position p where p.customer_code = any(:codes) order by p.customer_code")
			.param("codes", customerCodes.toArray(String[]::new))
			.query(PositionRepository::position)
			.list();
	}

	/**
	 * Holds the customer's build lock shared until the transaction ends: a row being
	 * built waits for this transaction's documents. (Advisory, keyed by the customer
	 * code.)
	 */
	public void shareBuildLock(String customerCode) {
		this.jdbc.sql("select pg_advisory_xact_lock_shared(hashtext('exposure:' || :code))")
			.param("code", customerCode)
			.query()
			.singleRow();
	}

	/**
	 * Takes the customer's build lock until the transaction ends, and the bulk lock
	 * shared: documents of this customer in flight (and bulk imports) commit first.
	 */
	public void takeBuildLock(String customerCode) {
		this.jdbc.sql("select pg_advisory_xact_lock_shared(hashtext('exposure:bulk'))").query().singleRow();
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('exposure:' || :code))")
			.param("code", customerCode)
			.query()
			.singleRow();
	}

	/** A bulk import's lock: rows are not built while one is in flight. */
	public void takeBulkLock() {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('exposure:bulk'))").query().singleRow();
	}

	/** Of these customers, those that have a row, in the order given. */
	public List<String> existing(List<String> customerCodes) {
		if (customerCodes.isEmpty()) {
			return List.of();
		}
		java.util.Set<String> found = new java.util.HashSet<>(
				this.jdbc.sql("select customer_code from exposure.position where customer_code = any(:codes)")
					.param("codes", customerCodes.toArray(String[]::new))
					.query(String.class)
					.list());
		return customerCodes.stream().filter(found::contains).toList();
	}

	/** The rating an assessment gave; nothing when the customer has no row yet. */
	public void writeRating(String customerCode, String grade, String riskClass, @Nullable LocalDate nextReviewDate,
			Instant at) {
		this.jdbc.sql("""
				update exposure.position set grade = :grade, risk_class = :riskClass, next_review_date = :review,
				  refreshed_at = :at
				where customer_code = :code
				""")
			.param("code", customerCode)
			.param("grade", grade)
			.param("riskClass", riskClass)
			.param("review", nextReviewDate)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** Creates an empty row for the customer unless it has one. */
	public void ensure(String customerCode, String customerStatus, Instant at) {
		this.jdbc.sql("""
				insert into exposure.position (customer_code, customer_status, refreshed_at)
				values (:code, :status, :at) on conflict (customer_code) do nothing
				""")
			.param("code", customerCode)
			.param("status", customerStatus)
			.param("at", Timestamp.from(at))
			.update();
	}

	public void writeCustomer(String customerCode, @Nullable String groupCode, @Nullable String ownerUsername,
			String status, boolean blacklisted, @Nullable LocalDate blacklistedUntil, @Nullable String grade,
			@Nullable String riskClass, Instant at) {
		this.jdbc.sql("""
				update exposure.position set group_code = :group, owner_username = :owner, customer_status = :status,
				  blacklisted = :blacklisted, blacklisted_until = :until, grade = :grade, risk_class = :riskClass,
				  refreshed_at = :at
				where customer_code = :code
				""")
			.param("code", customerCode)
			.param("group", groupCode)
			.param("owner", ownerUsername)
			.param("status", status)
			.param("blacklisted", blacklisted)
			.param("until", blacklistedUntil)
			.param("grade", grade)
			.param("riskClass", riskClass)
			.param("at", Timestamp.from(at))
			.update();
	}

	public void writeReview(String customerCode, @Nullable LocalDate nextReviewDate, Instant at) {
		this.jdbc.sql(
				"update exposure.position set next_review_date = :review, refreshed_at = :at where customer_code = :code")
			.param("code", customerCode)
			.param("review", nextReviewDate)
			.param("at", Timestamp.from(at))
			.update();
	}

	public void writeLine(String customerCode, @Nullable String currency, @Nullable BigDecimal limit,
			@Nullable String status, @Nullable LocalDate validFrom, @Nullable LocalDate validTo,
			List<Increase> increases, Instant at) {
		this.jdbc.sql("""
				update exposure.position set line_currency = :currency, line_limit = :limit, line_status = :status,
				  line_valid_from = :validFrom, line_valid_to = :validTo,
				  increase_amounts = cast(:amounts as numeric[]), increase_from = cast(:froms as date[]),
				  increase_to = cast(:tos as date[]), refreshed_at = :at
				where customer_code = :code
				""")
			.param("code", customerCode)
			.param("currency", currency)
			.param("limit", limit)
			.param("status", status)
			.param("validFrom", validFrom)
			.param("validTo", validTo)
			.param("amounts", texts(increases.stream().map(i -> i.amount().toPlainString()).toList()))
			.param("froms", texts(increases.stream().map(i -> i.from().toString()).toList()))
			.param("tos", texts(increases.stream().map(i -> i.to().toString()).toList()))
			.param("at", Timestamp.from(at))
			.update();
	}

	public void writeReceivables(String customerCode, List<Due> dues, List<OrderDue> orders, BigDecimal unappliedCash,
			@Nullable LocalDate oldestOpenIssue, Instant at) {
		this.jdbc
			.sql("""
					update exposure.position set due_dates = cast(:dueDates as date[]), due_amounts = cast(:dueAmounts as numeric[]),
					  order_dates = cast(:orderDates as date[]), order_amounts = cast(:orderAmounts as numeric[]),
					  unapplied_cash = :unapplied, oldest_open_issue = :oldest, refreshed_at = :at
					where customer_code = :code
					""")
			.param("code", customerCode)
			.param("dueDates", texts(dues.stream().map(d -> d.dueDate().toString()).toList()))
			.param("dueAmounts", texts(dues.stream().map(d -> d.amount().toPlainString()).toList()))
			.param("orderDates", texts(
					orders.stream().map(o -> o.deliveryDate() == null ? null : o.deliveryDate().toString()).toList()))
			.param("orderAmounts", texts(orders.stream().map(o -> o.amount().toPlainString()).toList()))
			.param("unapplied", unappliedCash)
			.param("oldest", oldestOpenIssue)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** What the customer's active reservations add up to, from the checks themselves. */
	public BigDecimal reservedByChecks(String customerCode) {
		return this.jdbc.sql("""
				select coalesce(sum(reserved), 0) from exposure.credit_check
				where customer_code = :code and reservation = 'ACTIVE'
				""").param("code", customerCode).query(BigDecimal.class).single().setScale(2);
	}

	/**
	 * Adds {@code delta} (negative to take off) to what the customer's checks reserve.
	 */
	public void addReserved(String customerCode, BigDecimal delta) {
		if (delta.signum() == 0) {
			return;
		}
		this.jdbc.sql("update exposure.position set reserved = reserved + :delta where customer_code = :code")
			.param("code", customerCode)
			.param("delta", delta)
			.update();
	}

	public void writeReserved(String customerCode, BigDecimal reserved) {
		this.jdbc.sql("update exposure.position set reserved = :reserved where customer_code = :code")
			.param("code", customerCode)
			.param("reserved", reserved)
			.update();
	}

	// groups

	/** Locks the group's row until the transaction ends; empty when it has none. */
	public Optional<GroupRow> lockGroup(String groupCode) {
		return this.jdbc.sql("select * from exposure.group_position where group_code = :group for update")
			.param("group", groupCode)
			.query(PositionRepository::groupRow)
			.optional();
	}

	public Optional<GroupRow> group(String groupCode) {
		return this.jdbc.sql("select * from exposure.group_position where group_code = :group")
			.param("group", groupCode)
			.query(PositionRepository::groupRow)
			.optional();
	}

	public void writeGroup(String groupCode, @Nullable BigDecimal limit, String currency, Instant at) {
		this.jdbc.sql("""
				insert into exposure.group_position (group_code, limit_amount, currency, refreshed_at)
				values (:group, :limit, :currency, :at)
				on conflict (group_code) do update set limit_amount = excluded.limit_amount,
				  currency = excluded.currency, refreshed_at = excluded.refreshed_at
				""")
			.param("group", groupCode)
			.param("limit", limit)
			.param("currency", currency)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** The groups of every customer that has a position. */
	public List<String> groupCodes() {
		return this.jdbc
			.sql("select distinct group_code from exposure.position where group_code is not null order by 1")
			.query(String.class)
			.list();
	}

	private static GroupRow groupRow(ResultSet rs, int row) throws SQLException {
		return new GroupRow(rs.getString("group_code"), rs.getBigDecimal("limit_amount"), rs.getString("currency"));
	}

	/**
	 * A group's limit in company currency as kept.
	 *
	 * @param limit absent when the group has none
	 */
	public record GroupRow(String groupCode, @Nullable BigDecimal limit, String currency) {
	}

	// mapping

	private static String @Nullable [] texts(List<@Nullable String> values) {
		return values.toArray(String[]::new);
	}

	static Position position(ResultSet rs, int row) throws SQLException {
		List<Increase> increases = new ArrayList<>();
		BigDecimal[] amounts = numbers(rs.getArray("increase_amounts"));
		LocalDate[] froms = dates(rs.getArray("increase_from"));
		LocalDate[] tos = dates(rs.getArray("increase_to"));
		for (int i = 0; i < amounts.length; i++) {
			increases.add(new Increase(amounts[i], froms[i], tos[i]));
		}
		List<Due> dues = new ArrayList<>();
		LocalDate[] dueDates = dates(rs.getArray("due_dates"));
		BigDecimal[] dueAmounts = numbers(rs.getArray("due_amounts"));
		for (int i = 0; i < dueDates.length; i++) {
			dues.add(new Due(dueDates[i], dueAmounts[i]));
		}
		List<OrderDue> orders = new ArrayList<>();
		LocalDate[] orderDates = dates(rs.getArray("order_dates"));
		BigDecimal[] orderAmounts = numbers(rs.getArray("order_amounts"));
		for (int i = 0; i < orderAmounts.length; i++) {
			orders.add(new OrderDue(orderDates[i], orderAmounts[i]));
		}
		return new Position(rs.getString("customer_code"), rs.getString("group_code"), rs.getString("owner_username"),
				rs.getString("customer_status"), rs.getBoolean("blacklisted"),
				rs.getObject("blacklisted_until", LocalDate.class), rs.getString("grade"), rs.getString("risk_class"),
				rs.getObject("next_review_date", LocalDate.class), rs.getString("line_currency"),
				rs.getBigDecimal("line_limit"), rs.getString("line_status"),
				rs.getObject("line_valid_from", LocalDate.class), rs.getObject("line_valid_to", LocalDate.class),
				increases, dues, orders, rs.getBigDecimal("unapplied_cash"),
				rs.getObject("oldest_open_issue", LocalDate.class), rs.getBigDecimal("reserved"));
	}

	private static BigDecimal[] numbers(@Nullable Array array) throws SQLException {
		if (array == null) {
			return new BigDecimal[0];
		}
		Object[] values = (Object[]) array.getArray();
		BigDecimal[] numbers = new BigDecimal[values.length];
		for (int i = 0; i < values.length; i++) {
			numbers[i] = ((BigDecimal) values[i]).setScale(2);
		}
		return numbers;
	}

	@SuppressWarnings("NullAway")
	private static LocalDate[] dates(@Nullable Array array) throws SQLException {
		if (array == null) {
			return new LocalDate[0];
		}
		Object[] values = (Object[]) array.getArray();
		LocalDate[] dates = new LocalDate[values.length];
		for (int i = 0; i < values.length; i++) {
			dates[i] = values[i] == null ? null : ((Date) values[i]).toLocalDate();
		}
		return dates;
	}

}
