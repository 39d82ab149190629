package org.credence.assessment.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.credence.assessment.statement.FinancialStatement;
import org.jspecify.annotations.Nullable;

/**
 * A statement as the public API returns it. {@code lines} are decimal strings in 元 of
 * {@code currency} (whatever {@code unit} they were entered in); {@code ratios} maps the
 * code of each available ratio to a decimal string with four decimals; a ratio that is
 * not available is absent.
 */
record StatementJson(long id, String customerCode, LocalDate periodEnd, String periodType, String currency, String unit,
		boolean audited, Map<String, String> lines, Map<String, String> ratios, @Nullable String balanceOverrideReason,
		String createdBy, Instant createdAt) {

	static StatementJson of(FinancialStatement statement) {
		Map<String, String> lines = new LinkedHashMap<>();
		statement.lines().given().forEach((line, value) -> lines.put(line.field(), value.toPlainString()));
		Map<String, String> ratios = new LinkedHashMap<>();
		statement.ratios().forEach((ratio, value) -> ratios.put(ratio.name(), value.toPlainString()));
		return new StatementJson(statement.id(), statement.customerCode(), statement.periodEnd(),
				statement.periodType().name(), statement.currency(), statement.unit().name(), statement.audited(),
				lines, ratios, statement.balanceOverrideReason(), statement.createdBy(), statement.createdAt());
	}

}
