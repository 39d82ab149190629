package org.credence.assessment.statement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A recorded statement of a customer for one period.
 *
 * @param lines the figures in 元 of {@code currency}, whatever unit they were entered in
 * @param unit the unit they were entered in, to show them as entered
 * @param ratios the ratios that are available, rounded HALF_UP to four decimals; a ratio
 * whose inputs are missing or whose denominator is zero is absent
 * @param balanceOverrideReason why the statement was recorded although its balance sheet
 * does not balance; absent when it balances
 * @param createdBy who entered the figures as they stand (a correction replaces them)
 */
public record FinancialStatement(long id, String customerCode, LocalDate periodEnd, PeriodType periodType,
		String currency, AmountUnit unit, boolean audited, StatementLines lines, Map<Ratio, BigDecimal> ratios,
		@Nullable String balanceOverrideReason, String createdBy, Instant createdAt) {

	public FinancialStatement {
		ratios = ratios.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(ratios));
	}

	/** A ratio, when available. */
	public @Nullable BigDecimal ratio(Ratio ratio) {
		return this.ratios.get(ratio);
	}

}
