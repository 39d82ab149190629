package org.credence.assessment.statement;

/**
 * The ratios derived from a statement, each defined once (the formulas are in
 * {@code docs/ratios.md} and {@link RatioCalculator}). A ratio whose inputs are missing
 * or whose denominator is zero is not available, never a number that lies.
 */
public enum Ratio {

	/** 资产负债率: total liabilities / total assets. */
	DEBT_RATIO,
	/** 流动比率: current assets / current liabilities. */
	CURRENT_RATIO,
	/** 速动比率: (current assets − inventory) / current liabilities. */
	QUICK_RATIO,
	/** 利息保障倍数: EBIT / interest expense. */
	INTEREST_COVERAGE,
	/** 销售净利率: net profit / revenue. */
	NET_MARGIN,
	/** 总资产收益率: net profit / total assets. */
	ROA,
	/** 净资产收益率: net profit / equity. */
	ROE,
	/** 营业收入增长率: revenue / revenue of the same period a year earlier − 1. */
	REVENUE_GROWTH,
	/** 经营现金流动负债比: operating cash flow / current liabilities. */
	OCF_TO_CURRENT_LIABILITIES,
	/** 应收账款周转率: revenue (annualised) / receivables. */
	RECEIVABLES_TURNOVER,
	/** Altman X1: (current assets − current liabilities) / total assets. */
	WORKING_CAPITAL_TO_ASSETS,
	/** Altman X2: retained earnings / total assets. */
	RETAINED_EARNINGS_TO_ASSETS,
	/** Altman X3: EBIT / total assets. */
	EBIT_TO_ASSETS,
	/** Altman X4: book equity / total liabilities. */
	EQUITY_TO_LIABILITIES,
	/**
	 * Altman Z''-score, emerging-market form: 3.25 + 6.56·X1 + 3.26·X2 + 6.72·X3 +
	 * 1.05·X4.
	 */
	ALTMAN_Z2

}
