package org.credence.receivable.fx;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.credence.receivable.FxRate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The daily FX rates in {@code receivable.fx_rate}. */
@Repository
public class FxRateRepository {

	private final JdbcClient jdbc;

	FxRateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The latest rate for the currency on or before the day. */
	public Optional<FxRate> rateOn(String currency, LocalDate date) {
		return this.jdbc.sql("""
				select * from receivable.fx_rate where currency = :currency and rate_date <= :date
				order by rate_date desc limit 1
				""").param("currency", currency).param("date", date).query(FxRateRepository::rate).optional();
	}

	public Optional<FxRate> find(LocalDate date, String currency) {
		return this.jdbc.sql("select * from receivable.fx_rate where currency = :currency and rate_date = :date")
			.param("currency", currency)
			.param("date", date)
			.query(FxRateRepository::rate)
			.optional();
	}

	/** The rate in force on a day for every currency that has one. */
	public List<FxRate> ratesOn(LocalDate date) {
		return this.jdbc.sql("""
				select distinct on (currency) * from receivable.fx_rate where rate_date <= :date
				order by currency, rate_date desc
				""").param("date", date).query(FxRateRepository::rate).list();
	}

	public void save(LocalDate date, String currency, BigDecimal rate, String enteredBy, Instant at) {
		this.jdbc.sql("""
				insert into receivable.fx_rate (rate_date, currency, rate, entered_by, entered_at)
				values (:date, :currency, :rate, :by, :at)
				on conflict (currency, rate_date) do update
				set rate = excluded.rate, entered_by = excluded.entered_by, entered_at = excluded.entered_at
				""")
			.param("date", date)
			.param("currency", currency)
			.param("rate", rate)
			.param("by", enteredBy)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.update();
	}

	private static BigDecimal plain(BigDecimal rate) {
		BigDecimal stripped = rate.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	private static FxRate rate(ResultSet rs, int row) throws SQLException {
		return new FxRate(rs.getObject("rate_date", LocalDate.class), rs.getString("currency"),
				plain(rs.getBigDecimal("rate")), rs.getString("entered_by"),
				rs.getObject("entered_at", OffsetDateTime.class).toInstant());
	}

}
