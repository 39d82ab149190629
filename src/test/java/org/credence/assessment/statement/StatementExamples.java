package org.credence.assessment.statement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The statements of {@code ../shared/SCENARIOS.md} §2: 华东精密建材's 2025 annual statement, in
 * 元.
 */
public final class StatementExamples {

	public static final LocalDate YEAR_END_2025 = LocalDate.of(2025, 12, 31);

	private StatementExamples() {
	}

	/**
	 * Total assets 10,000,000; liabilities 6,000,000; equity 4,000,000; current assets
	 * 5,000,000; current liabilities 3,000,000; inventory 1,000,000; revenue 12,000,000;
	 * net profit 800,000; EBIT 1,100,000; interest 200,000; retained earnings 1,500,000;
	 * operating cash flow 900,000.
	 */
	public static StatementLines scenarioLines() {
		return new StatementLines(null, null, amount(1_000_000), amount(5_000_000), amount(10_000_000),
				amount(3_000_000), amount(6_000_000), amount(4_000_000), amount(12_000_000), null, null,
				amount(800_000), amount(200_000), amount(900_000), amount(1_500_000), amount(1_100_000));
	}

	/** The scenario statement as an annual draft in 元 for 2025-12-31. */
	public static StatementDraft scenarioDraft() {
		return StatementDraft.annual(YEAR_END_2025, scenarioLines());
	}

	public static BigDecimal amount(long yuan) {
		return BigDecimal.valueOf(yuan);
	}

}
