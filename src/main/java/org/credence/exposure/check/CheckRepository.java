package org.credence.exposure.check;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.credence.exposure.CreditCheck;
import org.credence.exposure.CreditCheck.Reservation;
import org.credence.exposure.Decision;
import org.credence.exposure.Reason;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

/** {@code exposure.credit_check} and its history. */
@Repository
public class CheckRepository {

	private static final String SELECT = """
			select c.*, h.id as hold_id, h.status as hold_status
			from exposure.credit_check c
			left join lateral (select id, status from exposure.credit_hold where check_id = c.id
			                   order by id desc limit 1) h on true
			""";

	private final JdbcClient jdbc;

	CheckRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<CreditCheck> byOrderRef(String orderRef, String companyCurrency) {
		return this.jdbc.sql(SELECT + " where c.order_ref = :ref")
			.param("ref", orderRef)
			.query((rs, n) -> check(rs, companyCurrency))
			.optional();
	}

	/** Locks the check of an order until the transaction ends. */
	public Optional<CreditCheck> lock(String orderRef, String companyCurrency) {
		return this.jdbc.sql(SELECT + " where c.order_ref = :ref for update of c")
			.param("ref", orderRef)
			.query((rs, n) -> check(rs, companyCurrency))
			.optional();
	}

	public List<CreditCheck> forCustomer(String customerCode, int limit, String companyCurrency) {
		return this.jdbc
			.sql(SELECT + " where c.customer_code = :code order by c.checked_at desc, c.id desc limit :limit")
			.param("code", customerCode)
			.param("limit", limit)
			.query((rs, n) -> check(rs, companyCurrency))
			.list();
	}

	/**
	 * A check as written: the order, the decision with its figures, and what it reserves.
	 */
	public record Written(String orderRef, String customerCode, BigDecimal amount, String currency,
			BigDecimal companyAmount, Decision decision, List<Reason> reasons, BigDecimal exposure,
			@Nullable BigDecimal limit, @Nullable BigDecimal available, BigDecimal reserved, Reservation reservation,
			@Nullable LocalDate expiresOn, Instant at, String by) {
	}

	/**
	 * The first check of an order, written with its reservation in one statement: the
	 * check inserted and the customer's {@code exposure.position.reserved} raised by what
	 * it reserves (the caller holds that row's lock). Empty, and nothing written, when
	 * the order reference was checked before.
	 * @return the new check's id
	 */
	public Optional<Long> insertReserving(Written check) {
		return bind(
				this.jdbc
					.sql("""
							with inserted as (
							  insert into exposure.credit_check (order_ref, customer_code, amount, currency, company_amount, decision,
							    reasons, exposure, limit_amount, available, reserved, reservation, expires_on, checked_at, checked_by)
							  values (:ref, :code, :amount, :currency, :companyAmount, :decision, cast(:reasons as jsonb), :exposure,
							    :limit, :available, :reserved, :reservation, :expiresOn, :at, :by)
							  on conflict (order_ref) do nothing
							  returning id, customer_code, reserved),
							reserving as (
							  update exposure.position p set reserved = p.reserved + i.reserved from inserted i
							  where p.customer_code = i.customer_code and i.reserved <> 0)
							select id from inserted
							"""),
				check)
			.query(Long.class)
			.optional();
	}

	/**
	 * Replaces an order's check by a new one (the order checked again for another
	 * amount), the one replaced kept in the history.
	 */
	public void replace(long checkId, Written check) {
		this.jdbc
			.sql("""
					insert into exposure.credit_check_history (check_id, amount, currency, company_amount, decision,
					  reasons, exposure, limit_amount, available, reserved, reservation, checked_at, checked_by, replaced_at)
					select id, amount, currency, company_amount, decision, reasons, exposure, limit_amount, available,
					  reserved, reservation, checked_at, checked_by, :at
					from exposure.credit_check where id = :id
					""")
			.param("id", checkId)
			.param("at", Timestamp.from(check.at()))
			.update();
		bind(this.jdbc.sql("""
				update exposure.credit_check set customer_code = :code, amount = :amount, currency = :currency,
				  company_amount = :companyAmount, decision = :decision, reasons = cast(:reasons as jsonb),
				  exposure = :exposure, limit_amount = :limit, available = :available, reserved = :reserved,
				  reservation = :reservation, expires_on = :expiresOn, checked_at = :at, checked_by = :by,
				  closed_at = null, closed_by = null
				where id = :id and order_ref = :ref
				"""), check).param("id", checkId).update();
	}

	private StatementSpec bind(StatementSpec statement, Written check) {
		return statement.param("ref", check.orderRef())
			.param("code", check.customerCode())
			.param("amount", check.amount())
			.param("currency", check.currency())
			.param("companyAmount", check.companyAmount())
			.param("decision", check.decision().name())
			.param("reasons", ReasonsColumn.write(check.reasons()))
			.param("exposure", check.exposure())
			.param("limit", check.limit())
			.param("available", check.available())
			.param("reserved", check.reserved())
			.param("reservation", check.reservation().name())
			.param("expiresOn", check.expiresOn())
			.param("at", Timestamp.from(check.at()))
			.param("by", check.by());
	}

	/** Ends a check's reservation: consumed, released or expired. */
	public void closeReservation(long checkId, Reservation to, Instant at, String by) {
		this.jdbc.sql("""
				update exposure.credit_check set reservation = :to, reserved = 0, closed_at = :at, closed_by = :by
				where id = :id
				""")
			.param("id", checkId)
			.param("to", to.name())
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update();
	}

	/**
	 * A manager's decision on a held check: the new decision, reasons and reservation.
	 */
	public void decide(long checkId, Decision decision, List<Reason> reasons, BigDecimal reserved,
			Reservation reservation, @Nullable LocalDate expiresOn) {
		this.jdbc.sql("""
				update exposure.credit_check set decision = :decision, reasons = cast(:reasons as jsonb),
				  reserved = :reserved, reservation = :reservation, expires_on = :expiresOn
				where id = :id
				""")
			.param("id", checkId)
			.param("decision", decision.name())
			.param("reasons", ReasonsColumn.write(reasons))
			.param("reserved", reserved)
			.param("reservation", reservation.name())
			.param("expiresOn", expiresOn)
			.update();
	}

	/** The active reservation of the customer's order with this reference, locked. */
	public Optional<ActiveReservation> activeReservation(String customerCode, String orderRef) {
		return this.jdbc.sql("""
				select id, customer_code, reserved from exposure.credit_check
				where order_ref = :ref and customer_code = :code and reservation = 'ACTIVE' for update
				""")
			.param("ref", orderRef)
			.param("code", customerCode)
			.query((rs, n) -> new ActiveReservation(rs.getLong("id"), rs.getString("customer_code"),
					rs.getBigDecimal("reserved")))
			.optional();
	}

	/** The check's reservation while active, locked. */
	public Optional<ActiveReservation> activeReservation(long checkId) {
		return this.jdbc.sql("""
				select id, customer_code, reserved from exposure.credit_check
				where id = :id and reservation = 'ACTIVE' for update
				""")
			.param("id", checkId)
			.query((rs, n) -> new ActiveReservation(rs.getLong("id"), rs.getString("customer_code"),
					rs.getBigDecimal("reserved")))
			.optional();
	}

	/** Active reservations that lapse before {@code day}, oldest first. */
	public List<ActiveReservation> expiringBefore(LocalDate day, int limit) {
		return this.jdbc.sql("""
				select id, customer_code, reserved from exposure.credit_check
				where reservation = 'ACTIVE' and expires_on < :day order by expires_on, id limit :limit
				""")
			.param("day", day)
			.param("limit", limit)
			.query((rs, n) -> new ActiveReservation(rs.getLong("id"), rs.getString("customer_code"),
					rs.getBigDecimal("reserved")))
			.list();
	}

	/** An active reservation. */
	public record ActiveReservation(long checkId, String customerCode, BigDecimal reserved) {
	}

	private CreditCheck check(ResultSet rs, String companyCurrency) throws SQLException {
		long holdId = rs.getLong("hold_id");
		Long hold = rs.wasNull() ? null : holdId;
		return new CreditCheck(rs.getLong("id"), rs.getString("order_ref"), rs.getString("customer_code"),
				rs.getBigDecimal("amount"), rs.getString("currency"), rs.getBigDecimal("company_amount"),
				companyCurrency, Decision.valueOf(rs.getString("decision")),
				ReasonsColumn.read(rs.getString("reasons")), rs.getBigDecimal("exposure"),
				rs.getBigDecimal("limit_amount"), rs.getBigDecimal("available"), rs.getBigDecimal("reserved"),
				Reservation.valueOf(rs.getString("reservation")), rs.getObject("expires_on", LocalDate.class),
				rs.getTimestamp("checked_at").toInstant(), rs.getString("checked_by"), hold,
				rs.getString("hold_status"));
	}

}
