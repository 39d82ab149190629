package org.credence.limit.line;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lines, their versions and temporary increases in schema {@code credit_limit}.
 * Versions and increases are only ever inserted.
 */
@Repository
public class LineRepository {

	/** The group's latest limit, unless that latest change removed it. */
	public java.util.Optional<org.credence.shared.Money> groupLimit(String groupCode) {
		return this.jdbc.sql("""
				select amount, currency from credit_limit.group_limit where group_code = :group order by id desc limit 1
				""")
			.param("group", groupCode)
			.query((rs, n) -> rs.getBigDecimal("amount") == null ? null
					: org.credence.shared.Money.of(rs.getBigDecimal("amount"), rs.getString("currency")))
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst();
	}

	private static final String VERSION_ORDER = "effective_from, id";

	private final JdbcClient jdbc;

	LineRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The customer's latest line (a NEW line after an expired one replaces it). */
	public Optional<Long> latestLineId(String customerCode) {
		return this.jdbc
			.sql("select id from credit_limit.credit_line where customer_code = :code order by id desc limit 1")
			.param("code", customerCode)
			.query(Long.class)
			.optional();
	}

	/** Locks the customer's lines for a change, so two changes do not interleave. */
	/** The customer's latest line that had begun by the day. */
	public Optional<Long> lineIdOn(String customerCode, LocalDate day) {
		return this.jdbc.sql("""
				select l.id from credit_limit.credit_line l
				where l.customer_code = :code and exists (select 1 from credit_limit.credit_line_version v
				    where v.line_id = l.id and v.effective_from <= :day)
				order by l.id desc limit 1
				""").param("code", customerCode).param("day", day).query(Long.class).optional();
	}

	/** The version of the line with the latest effective date (its last known state). */
	public Optional<LineVersion> lastVersion(long lineId) {
		return this.jdbc.sql("""
				select * from credit_limit.credit_line_version where line_id = :line
				order by effective_from desc, id desc limit 1
				""").param("line", lineId).query(LineRepository::version).optional();
	}

	public void lockCustomer(String customerCode) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('credit_limit.line:' || :code))")
			.param("code", customerCode)
			.query((rs, row) -> 1)
			.list();
	}

	public long insertLine(String customerCode, Instant at, String by) {
		return this.jdbc.sql("""
				insert into credit_limit.credit_line (customer_code, created_at, created_by)
				values (:code, :at, :by) returning id
				""").param("code", customerCode).param("at", utc(at)).param("by", by).query(Long.class).single();
	}

	public String customerCode(long lineId) {
		return this.jdbc.sql("select customer_code from credit_limit.credit_line where id = :id")
			.param("id", lineId)
			.query(String.class)
			.single();
	}

	public LineVersion insertVersion(LineVersion v, Instant at) {
		long id = this.jdbc.sql("""
				insert into credit_limit.credit_line_version (line_id, effective_from, recorded_at, recorded_by, change,
				    limit_amount, currency, terms_days, valid_from, valid_to, suspended, suspended_reason,
				    required_cover_ratio, application_id, reason)
				values (:line, :effective, :at, :by, :change, :limit, :currency, :terms, :validFrom, :validTo,
				    :suspended, :suspendedReason, :ratio, :application, :reason)
				returning id
				""")
			.param("line", v.lineId())
			.param("effective", v.effectiveFrom())
			.param("at", utc(at))
			.param("by", v.recordedBy())
			.param("change", v.change())
			.param("limit", v.limit())
			.param("currency", v.currency())
			.param("terms", v.termsDays())
			.param("validFrom", v.validFrom())
			.param("validTo", v.validTo())
			.param("suspended", v.suspended())
			.param("suspendedReason", v.suspendedReason())
			.param("ratio", v.requiredCoverRatio())
			.param("application", v.applicationId())
			.param("reason", v.reason())
			.query(Long.class)
			.single();
		return version(id);
	}

	public LineVersion version(long id) {
		return this.jdbc.sql("select * from credit_limit.credit_line_version where id = :id")
			.param("id", id)
			.query(LineRepository::version)
			.single();
	}

	/**
	 * The version of the line in force on the day: the latest effective on or before it.
	 */
	public Optional<LineVersion> versionOn(long lineId, LocalDate day) {
		return this.jdbc.sql("""
				select * from credit_limit.credit_line_version where line_id = :line and effective_from <= :day
				order by effective_from desc, id desc limit 1
				""").param("line", lineId).param("day", day).query(LineRepository::version).optional();
	}

	/**
	 * The versions in force on each effective date after the day, one per date (the
	 * latest recorded), oldest first: what a back-dated change must also be applied to.
	 */
	public List<LineVersion> laterVersions(long lineId, LocalDate day) {
		return this.jdbc.sql("""
				select distinct on (effective_from) * from credit_limit.credit_line_version
				where line_id = :line and effective_from > :day
				order by effective_from, id desc
				""").param("line", lineId).param("day", day).query(LineRepository::version).list();
	}

	/** Every version of every line of the customer, newest first. */
	public List<LineVersion> history(String customerCode) {
		return this.jdbc.sql("""
				select v.* from credit_limit.credit_line_version v
				join credit_limit.credit_line l on l.id = v.line_id
				where l.customer_code = :code
				order by v.recorded_at desc, v.id desc
				""").param("code", customerCode).query(LineRepository::version).list();
	}

	public StoredIncrease insertIncrease(long lineId, BigDecimal amount, LocalDate from, LocalDate to,
			@Nullable Long applicationId, Instant at, String by) {
		long id = this.jdbc.sql("""
				insert into credit_limit.temporary_increase (line_id, amount, valid_from, valid_to, application_id,
				    recorded_at, recorded_by)
				values (:line, :amount, :from, :to, :application, :at, :by) returning id
				""")
			.param("line", lineId)
			.param("amount", amount)
			.param("from", from)
			.param("to", to)
			.param("application", applicationId)
			.param("at", utc(at))
			.param("by", by)
			.query(Long.class)
			.single();
		return this.jdbc.sql("select * from credit_limit.temporary_increase where id = :id")
			.param("id", id)
			.query(LineRepository::increase)
			.single();
	}

	/**
	 * The line's temporary increases that, on the day, are in force or still to come and
	 * were known: recorded by the end of {@code recordedBefore} or already in force.
	 */
	public List<StoredIncrease> increasesOn(long lineId, LocalDate day, Instant recordedBefore) {
		return this.jdbc.sql("""
				select * from credit_limit.temporary_increase
				where line_id = :line and valid_to >= :day and (valid_from <= :day or recorded_at < :before)
				order by valid_from, id
				""")
			.param("line", lineId)
			.param("day", day)
			.param("before", utc(recordedBefore))
			.query(LineRepository::increase)
			.list();
	}

	/** Every temporary increase of the customer's lines, newest first. */
	public List<StoredIncrease> increases(String customerCode) {
		return this.jdbc.sql("""
				select t.* from credit_limit.temporary_increase t
				join credit_limit.credit_line l on l.id = t.line_id
				where l.customer_code = :code order by t.valid_from desc, t.id desc
				""").param("code", customerCode).query(LineRepository::increase).list();
	}

	/** The customers whose latest line has a temporary increase that ended on the day. */
	public List<String> customersWithIncreaseEndingOn(LocalDate day) {
		return this.jdbc.sql("""
				select distinct l.customer_code from credit_limit.temporary_increase t
				join credit_limit.credit_line l on l.id = t.line_id where t.valid_to = :day
				order by 1
				""").param("day", day).query(String.class).list();
	}

	/**
	 * The customers with a line change (a version or a temporary increase) that takes
	 * effect on the day and was recorded before {@code startOfDay}: approved for a later
	 * date, not announced when approved.
	 */
	public List<String> customersWithChangeTakingEffectOn(LocalDate day, Instant startOfDay) {
		return this.jdbc.sql("""
				select l.customer_code from credit_limit.credit_line_version v
				join credit_limit.credit_line l on l.id = v.line_id
				where v.effective_from = :day and v.recorded_at < :start
				  and v.change in ('GRANTED', 'INCREASED', 'DECREASED', 'RENEWED')
				union
				select l.customer_code from credit_limit.temporary_increase t
				join credit_limit.credit_line l on l.id = t.line_id
				where t.valid_from = :day and t.recorded_at < :start
				order by 1
				""").param("day", day).param("start", utc(startOfDay)).query(String.class).list();
	}

	/** The customers with a line version in force that ended (valid-to) on the day. */
	public List<String> customersWithLineEndingOn(LocalDate day) {
		return this.jdbc.sql("""
				select distinct l.customer_code from credit_limit.credit_line_version v
				join credit_limit.credit_line l on l.id = v.line_id where v.valid_to = :day
				order by 1
				""").param("day", day).query(String.class).list();
	}

	/** The latest line id of each of the customers that has one. */
	public List<Long> latestLineIds(Collection<String> customerCodes) {
		if (customerCodes.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select max(id) from credit_limit.credit_line where customer_code in (:codes) group by customer_code
				""").param("codes", customerCodes).query(Long.class).list();
	}

	static OffsetDateTime utc(Instant at) {
		return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
	}

	private static LineVersion version(ResultSet rs, int row) throws SQLException {
		return new LineVersion(rs.getLong("id"), rs.getLong("line_id"), rs.getObject("effective_from", LocalDate.class),
				rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("recorded_by"),
				rs.getString("change"), rs.getBigDecimal("limit_amount"), rs.getString("currency").strip(),
				rs.getInt("terms_days"), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_to", LocalDate.class), rs.getBoolean("suspended"), rs.getString("suspended_reason"),
				rs.getBigDecimal("required_cover_ratio"), (Long) rs.getObject("application_id"),
				rs.getString("reason"));
	}

	private static StoredIncrease increase(ResultSet rs, int row) throws SQLException {
		return new StoredIncrease(rs.getLong("id"), rs.getLong("line_id"), rs.getBigDecimal("amount"),
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
				(Long) rs.getObject("application_id"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
				rs.getString("recorded_by"));
	}

}
