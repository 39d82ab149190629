package org.credence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.credence.identity.CurrentUser;
import org.credence.identity.UserSummary;
import org.credence.identity.Users;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/**
 * How numbers and dates look on every page ({@code ${@fmt.money(...)}} in templates):
 * money with thousands separators and two decimals, or in 万元 when the user chose that;
 * dates as YYYY-MM-DD; times in the company time zone; percentages with one decimal.
 */
@Component("fmt")
@RequestScope
class Formats {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

	private final Clock clock;

	private final String amountUnit;

	Formats(Clock clock, CurrentUser currentUser, Users users) {
		this.clock = clock;
		this.amountUnit = users.find(currentUser.username()).map(UserSummary::amountUnit).orElse("YUAN");
	}

	public String date(@Nullable LocalDate date) {
		return date == null ? "—" : date.toString();
	}

	/** The day of an instant in the company time zone. */
	public String day(@Nullable Instant instant) {
		return instant == null ? "—" : instant.atZone(this.clock.getZone()).toLocalDate().toString();
	}

	public String dateTime(@Nullable Instant instant) {
		return instant == null ? "—" : DATE_TIME.format(instant.atZone(this.clock.getZone()));
	}

	/** An amount with its currency; CNY in 万元 when the user prefers it. */
	public String money(@Nullable BigDecimal amount, @Nullable String currency) {
		if (amount == null) {
			return "—";
		}
		if ("WAN_YUAN".equals(this.amountUnit) && (currency == null || "CNY".equals(currency))) {
			return number(amount.divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP), 2) + " 万元";
		}
		return number(amount, 2) + (currency == null ? "" : " " + currency);
	}

	/** A number with thousands separators and the given decimals. */
	public String number(@Nullable BigDecimal value, int decimals) {
		if (value == null) {
			return "—";
		}
		DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
				DecimalFormatSymbols.getInstance(Locale.ROOT));
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(value);
	}

	public String integer(@Nullable Number value) {
		return value == null ? "—" : number(new BigDecimal(value.toString()), 0);
	}

	/** A ratio (0.125) as a percentage with one decimal (12.5%). */
	public String percent(@Nullable BigDecimal ratio) {
		return ratio == null ? "—" : number(ratio.movePointRight(2), 1) + "%";
	}

	public String amountUnit() {
		return this.amountUnit;
	}

}
