package org.credence.limit.line;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Collateral in {@code credit_limit.collateral}; a release only fills its release
 * columns.
 */
@Repository
class CollateralRepository {

	private final JdbcClient jdbc;

	CollateralRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Collateral> forCustomer(String customerCode) {
		return this.jdbc.sql("""
				select * from credit_limit.collateral where customer_code = :code
				order by (released_on is not null), valid_to nulls last, id
				""").param("code", customerCode).query(CollateralRepository::collateral).list();
	}

	Optional<Collateral> find(long id) {
		return this.jdbc.sql("select * from credit_limit.collateral where id = :id")
			.param("id", id)
			.query(CollateralRepository::collateral)
			.optional();
	}

	long insert(String customerCode, CollateralType type, CollateralDraft draft, String currency, LocalDate validFrom,
			Instant at, String by) {
		return this.jdbc.sql("""
				insert into credit_limit.collateral (customer_code, type, value, currency, haircut_percent, valid_from,
				    valid_to, provider, reference, note, added_at, added_by)
				values (:code, :type, :value, :currency, :haircut, :validFrom, :validTo, :provider, :reference, :note,
				    :at, :by)
				returning id
				""")
			.param("code", customerCode)
			.param("type", type.name())
			.param("value", draft.value())
			.param("currency", currency)
			.param("haircut", draft.haircutPercent())
			.param("validFrom", validFrom)
			.param("validTo", draft.validTo())
			.param("provider", draft.provider().strip())
			.param("reference", blankToNull(draft.reference()))
			.param("note", blankToNull(draft.note()))
			.param("at", LineRepository.utc(at))
			.param("by", by)
			.query(Long.class)
			.single();
	}

	/** Releases it unless already released; false when it was. */
	boolean release(long id, LocalDate on, Instant at, String by, String reason) {
		return this.jdbc.sql("""
				update credit_limit.collateral
				set released_on = :on, released_at = :at, released_by = :by, release_reason = :reason
				where id = :id and released_on is null
				""")
			.param("id", id)
			.param("on", on)
			.param("at", LineRepository.utc(at))
			.param("by", by)
			.param("reason", reason)
			.update() == 1;
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static Collateral collateral(ResultSet rs, int row) throws SQLException {
		return new Collateral(rs.getLong("id"), rs.getString("customer_code"),
				CollateralType.valueOf(rs.getString("type")), rs.getBigDecimal("value"),
				rs.getString("currency").strip(), rs.getBigDecimal("haircut_percent"),
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
				rs.getString("provider"), rs.getString("reference"), rs.getString("note"),
				rs.getObject("added_at", OffsetDateTime.class).toInstant(), rs.getString("added_by"),
				rs.getObject("released_on", LocalDate.class), rs.getString("released_by"),
				rs.getString("release_reason"));
	}

}
