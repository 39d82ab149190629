package org.credence.assessment.statement;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import static org.credence.assessment.statement.StatementLine.CURRENT_ASSETS;
import static org.credence.assessment.statement.StatementLine.CURRENT_LIABILITIES;
import static org.credence.assessment.statement.StatementLine.EBIT;
import static org.credence.assessment.statement.StatementLine.EQUITY;
import static org.credence.assessment.statement.StatementLine.INTEREST_EXPENSE;
import static org.credence.assessment.statement.StatementLine.INVENTORY;
import static org.credence.assessment.statement.StatementLine.NET_PROFIT;
import static org.credence.assessment.statement.StatementLine.OPERATING_CASH_FLOW;
import static org.credence.assessment.statement.StatementLine.RECEIVABLES;
import static org.credence.assessment.statement.StatementLine.RETAINED_EARNINGS;
import static org.credence.assessment.statement.StatementLine.REVENUE;
import static org.credence.assessment.statement.StatementLine.TOTAL_ASSETS;
import static org.credence.assessment.statement.StatementLine.TOTAL_LIABILITIES;

/**
 * Derives the {@link Ratio ratios} of a statement; every formula is here once and
 * described in {@code docs/ratios.md}. Arithmetic is decimal
 * ({@link MathContext#DECIMAL64}) and each result is rounded HALF_UP to four decimals at
 * the end. A ratio whose input line is missing, or whose denominator is zero, is not
 * available: it is left out of the result rather than given as zero or infinity, so
 * nothing downstream scores a number that lies.
 * <p>
 * Flows are taken for the period as entered. The one exception is receivables turnover,
 * which annualises a quarter's revenue (×4) so that quarters and years compare. The
 * Altman Z''-score is the emerging-market form of E. I. Altman, "An emerging market
 * credit scoring system for corporate bonds", Emerging Markets Review 6 (2005) 311–323:
 * 3.25 + 6.56·X1 + 3.26·X2 + 6.72·X3 + 1.05·X4, computed from the unrounded X1–X4.
 */
public final class RatioCalculator {

	/** Ratios are given to four decimals. */
	public static final int SCALE = 4;

	private static final MathContext MATH = MathContext.DECIMAL64;

	private static final BigDecimal QUARTERS_PER_YEAR = BigDecimal.valueOf(4);

	private static final BigDecimal Z_CONSTANT = new BigDecimal("3.25");

	private static final BigDecimal Z_X1 = new BigDecimal("6.56");

	private static final BigDecimal Z_X2 = new BigDecimal("3.26");

	private static final BigDecimal Z_X3 = new BigDecimal("6.72");

	private static final BigDecimal Z_X4 = new BigDecimal("1.05");

	private RatioCalculator() {
	}

	/**
	 * The lines a ratio is derived from; revenue growth also needs the revenue of the
	 * statement a year earlier.
	 */
	public static List<StatementLine> inputs(Ratio ratio) {
		return switch (ratio) {
			case DEBT_RATIO -> List.of(TOTAL_LIABILITIES, TOTAL_ASSETS);
			case CURRENT_RATIO -> List.of(CURRENT_ASSETS, CURRENT_LIABILITIES);
			case QUICK_RATIO -> List.of(CURRENT_ASSETS, INVENTORY, CURRENT_LIABILITIES);
			case INTEREST_COVERAGE -> List.of(EBIT, INTEREST_EXPENSE);
			case NET_MARGIN -> List.of(NET_PROFIT, REVENUE);
			case ROA -> List.of(NET_PROFIT, TOTAL_ASSETS);
			case ROE -> List.of(NET_PROFIT, EQUITY);
			case REVENUE_GROWTH -> List.of(REVENUE);
			case OCF_TO_CURRENT_LIABILITIES -> List.of(OPERATING_CASH_FLOW, CURRENT_LIABILITIES);
			case RECEIVABLES_TURNOVER -> List.of(REVENUE, RECEIVABLES);
			case WORKING_CAPITAL_TO_ASSETS -> List.of(CURRENT_ASSETS, CURRENT_LIABILITIES, TOTAL_ASSETS);
			case RETAINED_EARNINGS_TO_ASSETS -> List.of(RETAINED_EARNINGS, TOTAL_ASSETS);
			case EBIT_TO_ASSETS -> List.of(EBIT, TOTAL_ASSETS);
			case EQUITY_TO_LIABILITIES -> List.of(EQUITY, TOTAL_LIABILITIES);
			case ALTMAN_Z2 -> List.of(CURRENT_ASSETS, CURRENT_LIABILITIES, TOTAL_ASSETS, RETAINED_EARNINGS, EBIT,
					EQUITY, TOTAL_LIABILITIES);
		};
	}

	/**
	 * The lines a ratio divides by: when one is zero the ratio is not available. Revenue
	 * growth divides by the earlier year's revenue, which is not a line of this
	 * statement.
	 */
	public static List<StatementLine> denominators(Ratio ratio) {
		return switch (ratio) {
			case DEBT_RATIO, ROA, WORKING_CAPITAL_TO_ASSETS, RETAINED_EARNINGS_TO_ASSETS, EBIT_TO_ASSETS ->
				List.of(TOTAL_ASSETS);
			case CURRENT_RATIO, QUICK_RATIO, OCF_TO_CURRENT_LIABILITIES -> List.of(CURRENT_LIABILITIES);
			case INTEREST_COVERAGE -> List.of(INTEREST_EXPENSE);
			case NET_MARGIN -> List.of(REVENUE);
			case ROE -> List.of(EQUITY);
			case REVENUE_GROWTH -> List.of();
			case RECEIVABLES_TURNOVER -> List.of(RECEIVABLES);
			case EQUITY_TO_LIABILITIES -> List.of(TOTAL_LIABILITIES);
			case ALTMAN_Z2 -> List.of(TOTAL_ASSETS, TOTAL_LIABILITIES);
		};
	}

	/**
	 * The available ratios of a statement.
	 * @param lines the statement's lines in 元
	 * @param periodType annual or quarterly (a quarter's revenue is annualised for the
	 * receivables turnover)
	 * @param yearEarlier the lines of the statement of the same type for the same period
	 * a year earlier, for revenue growth; {@code null} when there is none
	 */
	public static Map<Ratio, BigDecimal> ratios(StatementLines lines, PeriodType periodType,
			@Nullable StatementLines yearEarlier) {
		Map<Ratio, @Nullable BigDecimal> exact = new EnumMap<>(Ratio.class);
		exact.put(Ratio.DEBT_RATIO, divide(lines.totalLiabilities(), lines.totalAssets()));
		exact.put(Ratio.CURRENT_RATIO, divide(lines.currentAssets(), lines.currentLiabilities()));
		exact.put(Ratio.QUICK_RATIO,
				divide(subtract(lines.currentAssets(), lines.inventory()), lines.currentLiabilities()));
		exact.put(Ratio.INTEREST_COVERAGE, divide(lines.ebit(), lines.interestExpense()));
		exact.put(Ratio.NET_MARGIN, divide(lines.netProfit(), lines.revenue()));
		exact.put(Ratio.ROA, divide(lines.netProfit(), lines.totalAssets()));
		exact.put(Ratio.ROE, divide(lines.netProfit(), lines.equity()));
		exact.put(Ratio.REVENUE_GROWTH, growth(lines.revenue(), yearEarlier == null ? null : yearEarlier.revenue()));
		exact.put(Ratio.OCF_TO_CURRENT_LIABILITIES, divide(lines.operatingCashFlow(), lines.currentLiabilities()));
		exact.put(Ratio.RECEIVABLES_TURNOVER, divide(annualised(lines.revenue(), periodType), lines.receivables()));
		BigDecimal x1 = divide(subtract(lines.currentAssets(), lines.currentLiabilities()), lines.totalAssets());
		BigDecimal x2 = divide(lines.retainedEarnings(), lines.totalAssets());
		BigDecimal x3 = divide(lines.ebit(), lines.totalAssets());
		BigDecimal x4 = divide(lines.equity(), lines.totalLiabilities());
		exact.put(Ratio.WORKING_CAPITAL_TO_ASSETS, x1);
		exact.put(Ratio.RETAINED_EARNINGS_TO_ASSETS, x2);
		exact.put(Ratio.EBIT_TO_ASSETS, x3);
		exact.put(Ratio.EQUITY_TO_LIABILITIES, x4);
		exact.put(Ratio.ALTMAN_Z2, altmanZ2(x1, x2, x3, x4));
		Map<Ratio, BigDecimal> ratios = new EnumMap<>(Ratio.class);
		exact.forEach((ratio, value) -> {
			if (value != null) {
				ratios.put(ratio, value.setScale(SCALE, RoundingMode.HALF_UP));
			}
		});
		return ratios;
	}

	/**
	 * Altman's Z'' for emerging markets from its four ratios; not available when one is
	 * missing.
	 */
	static @Nullable BigDecimal altmanZ2(@Nullable BigDecimal x1, @Nullable BigDecimal x2, @Nullable BigDecimal x3,
			@Nullable BigDecimal x4) {
		if (x1 == null || x2 == null || x3 == null || x4 == null) {
			return null;
		}
		return Z_CONSTANT.add(Z_X1.multiply(x1, MATH), MATH)
			.add(Z_X2.multiply(x2, MATH), MATH)
			.add(Z_X3.multiply(x3, MATH), MATH)
			.add(Z_X4.multiply(x4, MATH), MATH);
	}

	private static @Nullable BigDecimal growth(@Nullable BigDecimal revenue, @Nullable BigDecimal earlierRevenue) {
		BigDecimal ratio = divide(revenue, earlierRevenue);
		return ratio == null ? null : ratio.subtract(BigDecimal.ONE, MATH);
	}

	private static @Nullable BigDecimal annualised(@Nullable BigDecimal flow, PeriodType periodType) {
		if (flow == null || periodType == PeriodType.ANNUAL) {
			return flow;
		}
		return flow.multiply(QUARTERS_PER_YEAR, MATH);
	}

	private static @Nullable BigDecimal subtract(@Nullable BigDecimal a, @Nullable BigDecimal b) {
		return a == null || b == null ? null : a.subtract(b, MATH);
	}

	private static @Nullable BigDecimal divide(@Nullable BigDecimal numerator, @Nullable BigDecimal denominator) {
		if (numerator == null || denominator == null || denominator.signum() == 0) {
			return null;
		}
		return numerator.divide(denominator, MATH);
	}

}
