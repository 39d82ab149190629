package org.credence.exposure.hold;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.credence.exposure.CreditHold;
import org.credence.exposure.CreditHold.Status;
import org.credence.exposure.Reason;
import org.credence.exposure.check.ReasonsColumn;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code exposure.credit_hold}, read with the customer's name and owner from the exposure
 * position (owner) — the name comes from the customer module by the caller.
 */
@Repository
public class HoldRepository {

	private static final String FROM = """
			from exposure.credit_hold h
			left join exposure.position p on p.customer_code = h.customer_code
			""";

	private static final String SELECT = "select h.*, p.owner_username " + FROM;

	private final JdbcClient jdbc;

	HoldRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long checkId, String orderRef, String customerCode, BigDecimal amount, String currency,
			BigDecimal companyAmount, List<Reason> reasons, Instant at) {
		return this.jdbc
			.sql("""
					insert into exposure.credit_hold (check_id, order_ref, customer_code, amount, currency, company_amount,
					  reasons, status, held_at)
					values (:check, :ref, :code, :amount, :currency, :companyAmount, cast(:reasons as jsonb), 'PENDING', :at)
					returning id
					""")
			.param("check", checkId)
			.param("ref", orderRef)
			.param("code", customerCode)
			.param("amount", amount)
			.param("currency", currency)
			.param("companyAmount", companyAmount)
			.param("reasons", ReasonsColumn.write(reasons))
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	public Optional<CreditHold> find(long id) {
		return this.jdbc.sql(SELECT + " where h.id = :id").param("id", id).query(this::hold).optional();
	}

	public Optional<CreditHold> pendingFor(long checkId) {
		return this.jdbc.sql(SELECT + " where h.check_id = :check and h.status = 'PENDING'")
			.param("check", checkId)
			.query(this::hold)
			.optional();
	}

	/**
	 * Holds by status (all when null), of one owner's customers when {@code owner} is
	 * given, of one customer when {@code customerCode} is; pending ones oldest first,
	 * decided ones newest first.
	 */
	public List<CreditHold> search(@Nullable Status status, @Nullable String owner, @Nullable String customerCode,
			int offset, int limit) {
		return this.jdbc
			.sql(SELECT + where(status, owner, customerCode)
					+ """
							 order by case when h.status = 'PENDING' then 0 else 1 end,
							   case when h.status = 'PENDING' then h.held_at end asc, coalesce(h.decided_at, h.held_at) desc, h.id desc
							 offset :offset limit :limit
							""")
			.param("status", status == null ? null : status.name())
			.param("owner", owner)
			.param("code", customerCode)
			.param("offset", offset)
			.param("limit", limit)
			.query(this::hold)
			.list();
	}

	public long count(@Nullable Status status, @Nullable String owner, @Nullable String customerCode) {
		return this.jdbc.sql("select count(*) " + FROM + where(status, owner, customerCode))
			.param("status", status == null ? null : status.name())
			.param("owner", owner)
			.param("code", customerCode)
			.query(Long.class)
			.single();
	}

	private static String where(@Nullable Status status, @Nullable String owner, @Nullable String customerCode) {
		StringBuilder where = new StringBuilder(" where true");
		if (status != null) {
			where.append(" and h.status = :status");
		}
		if (owner != null) {
			where.append(" and p.owner_username = :owner");
		}
		if (customerCode != null) {
			where.append(" and h.customer_code = :code");
		}
		return where.toString();
	}

	public void decide(long id, Status status, String by, Instant at, @Nullable String reason,
			@Nullable BigDecimal excessAmount, @Nullable LocalDate excessUntil) {
		this.jdbc.sql("""
				update exposure.credit_hold set status = :status, decided_by = :by, decided_at = :at,
				  decision_reason = :reason, excess_amount = :excess, excess_until = :until
				where id = :id
				""")
			.param("id", id)
			.param("status", status.name())
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("reason", reason)
			.param("excess", excessAmount)
			.param("until", excessUntil)
			.update();
	}

	private CreditHold hold(ResultSet rs, int row) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new CreditHold(rs.getLong("id"), rs.getLong("check_id"), rs.getString("order_ref"),
				rs.getString("customer_code"), null, rs.getString("owner_username"), rs.getBigDecimal("amount"),
				rs.getString("currency"), rs.getBigDecimal("company_amount"),
				ReasonsColumn.read(rs.getString("reasons")), Status.valueOf(rs.getString("status")),
				rs.getTimestamp("held_at").toInstant(), rs.getString("decided_by"),
				decided == null ? null : decided.toInstant(), rs.getString("decision_reason"),
				rs.getBigDecimal("excess_amount"), rs.getObject("excess_until", LocalDate.class));
	}

}
