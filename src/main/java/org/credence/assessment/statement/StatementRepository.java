package org.credence.assessment.statement;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Statements in {@code assessment.financial_statement}, lines in 元. */
@Repository
class StatementRepository {

	private static final Map<StatementLine, String> COLUMNS = new EnumMap<>(StatementLine.class);

	static {
		for (StatementLine line : StatementLine.values()) {
			COLUMNS.put(line, line.field().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT));
		}
	}

	private static final String LINE_COLUMNS = String.join(", ", COLUMNS.values());

	private static final String LINE_PARAMS = COLUMNS.keySet()
		.stream()
		.map(line -> ":" + line.field())
		.collect(Collectors.joining(", "));

	private static final String LINE_UPDATES = COLUMNS.values()
		.stream()
		.map(column -> column + " = excluded." + column)
		.collect(Collectors.joining(", "));

	/** Newest period first; of two statements for the same day the annual one first. */
	private static final String NEWEST_FIRST = " order by period_end desc, case period_type when 'ANNUAL' then 0 else 1 end";

	private final JdbcClient jdbc;

	StatementRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<StoredStatement> findAll(String customerCode) {
		return this.jdbc
			.sql("select * from assessment.financial_statement where customer_code = :customer" + NEWEST_FIRST)
			.param("customer", customerCode)
			.query(StatementRepository::stored)
			.list();
	}

	/** {@link #findAll(String)} of many customers in one query, by customer code. */
	Map<String, List<StoredStatement>> findAll(java.util.Collection<String> customerCodes) {
		Map<String, List<StoredStatement>> statements = new java.util.HashMap<>();
		this.jdbc
			.sql("select * from assessment.financial_statement where customer_code = any(:customers)"
					+ NEWEST_FIRST.replace(" order by ", " order by customer_code, "))
			.param("customers", customerCodes.toArray(String[]::new))
			.query((ResultSet rs) -> {
				StoredStatement statement = stored(rs, 0);
				statements.computeIfAbsent(statement.customerCode(), code -> new java.util.ArrayList<>())
					.add(statement);
			});
		return statements;
	}

	Optional<StoredStatement> find(String customerCode, LocalDate periodEnd, PeriodType periodType) {
		return this.jdbc.sql("""
				select * from assessment.financial_statement
				 where customer_code = :customer and period_end = :periodEnd and period_type = :periodType
				 for update""")
			.param("customer", customerCode)
			.param("periodEnd", periodEnd)
			.param("periodType", periodType.name())
			.query(StatementRepository::stored)
			.optional();
	}

	/**
	 * Stores a statement, replacing the one of the same customer and period.
	 * @return its id
	 */
	long save(String customerCode, LocalDate periodEnd, PeriodType periodType, String currency, AmountUnit unit,
			boolean audited, StatementLines lines, @Nullable String balanceOverrideReason, String createdBy,
			Instant createdAt) {
		JdbcClient.StatementSpec statement = this.jdbc.sql("""
				insert into assessment.financial_statement
				       (customer_code, period_end, period_type, currency, unit, audited, %s,
				        balance_override_reason, created_by, created_at)
				values (:customer, :periodEnd, :periodType, :currency, :unit, :audited, %s,
				        :reason, :createdBy, :createdAt)
				on conflict (customer_code, period_end, period_type) do update
				   set currency = excluded.currency, unit = excluded.unit, audited = excluded.audited, %s,
				       balance_override_reason = excluded.balance_override_reason,
				       created_by = excluded.created_by, created_at = excluded.created_at
				returning id""".formatted(LINE_COLUMNS, LINE_PARAMS, LINE_UPDATES))
			.param("customer", customerCode)
			.param("periodEnd", periodEnd)
			.param("periodType", periodType.name())
			.param("currency", currency)
			.param("unit", unit.name())
			.param("audited", audited)
			.param("reason", balanceOverrideReason)
			.param("createdBy", createdBy)
			.param("createdAt", OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
		for (StatementLine line : StatementLine.values()) {
			statement = statement.param(line.field(), line.of(lines), java.sql.Types.NUMERIC);
		}
		return statement.query(Long.class).single();
	}

	private static StoredStatement stored(ResultSet rs, int row) throws SQLException {
		Map<StatementLine, BigDecimal> values = new EnumMap<>(StatementLine.class);
		for (Map.Entry<StatementLine, String> column : COLUMNS.entrySet()) {
			BigDecimal value = rs.getBigDecimal(column.getValue());
			if (value != null) {
				values.put(column.getKey(), value);
			}
		}
		return new StoredStatement(rs.getLong("id"), rs.getString("customer_code"),
				rs.getObject("period_end", LocalDate.class), PeriodType.valueOf(rs.getString("period_type")),
				rs.getString("currency"), AmountUnit.valueOf(rs.getString("unit")), rs.getBoolean("audited"),
				StatementLines.of(values), rs.getString("balance_override_reason"), rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

	/** A row: a statement without its ratios. */
	record StoredStatement(long id, String customerCode, LocalDate periodEnd, PeriodType periodType, String currency,
			AmountUnit unit, boolean audited, StatementLines lines, @Nullable String balanceOverrideReason,
			String createdBy, Instant createdAt) {
	}

}
