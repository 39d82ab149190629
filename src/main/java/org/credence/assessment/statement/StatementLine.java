package org.credence.assessment.statement;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The lines of a statement one by one, in the order Chinese statements print them, with
 * the field name the API and import files use ({@code totalAssets}) and the part of the
 * statement they belong to.
 */
public enum StatementLine {

	CASH("cash", Part.BALANCE_SHEET, StatementLines::cash),
	RECEIVABLES("receivables", Part.BALANCE_SHEET, StatementLines::receivables),
	INVENTORY("inventory", Part.BALANCE_SHEET, StatementLines::inventory),
	CURRENT_ASSETS("currentAssets", Part.BALANCE_SHEET, StatementLines::currentAssets),
	TOTAL_ASSETS("totalAssets", Part.BALANCE_SHEET, StatementLines::totalAssets),
	CURRENT_LIABILITIES("currentLiabilities", Part.BALANCE_SHEET, StatementLines::currentLiabilities),
	TOTAL_LIABILITIES("totalLiabilities", Part.BALANCE_SHEET, StatementLines::totalLiabilities),
	EQUITY("equity", Part.BALANCE_SHEET, StatementLines::equity),
	RETAINED_EARNINGS("retainedEarnings", Part.BALANCE_SHEET, StatementLines::retainedEarnings),
	REVENUE("revenue", Part.INCOME_STATEMENT, StatementLines::revenue),
	COST_OF_SALES("costOfSales", Part.INCOME_STATEMENT, StatementLines::costOfSales),
	OPERATING_PROFIT("operatingProfit", Part.INCOME_STATEMENT, StatementLines::operatingProfit),
	INTEREST_EXPENSE("interestExpense", Part.INCOME_STATEMENT, StatementLines::interestExpense),
	EBIT("ebit", Part.INCOME_STATEMENT, StatementLines::ebit),
	NET_PROFIT("netProfit", Part.INCOME_STATEMENT, StatementLines::netProfit),
	OPERATING_CASH_FLOW("operatingCashFlow", Part.CASH_FLOW, StatementLines::operatingCashFlow);

	/** The part of a statement a line is printed in. */
	public enum Part {

		BALANCE_SHEET, INCOME_STATEMENT, CASH_FLOW

	}

	private final String field;

	private final Part part;

	private final Function<StatementLines, @Nullable BigDecimal> value;

	StatementLine(String field, Part part, Function<StatementLines, @Nullable BigDecimal> value) {
		this.field = field;
		this.part = part;
		this.value = value;
	}

	/**
	 * The field name, as in {@link StatementLines} and the API's {@code lines} object.
	 */
	public String field() {
		return this.field;
	}

	/** The field name as an error names it: {@code lines.totalAssets}. */
	public String path() {
		return "lines." + this.field;
	}

	public Part part() {
		return this.part;
	}

	/** This line's value in a statement, when given. */
	public @Nullable BigDecimal of(StatementLines lines) {
		return this.value.apply(lines);
	}

	/** The lines printed in one part of a statement, in order. */
	public static List<StatementLine> in(Part part) {
		return Arrays.stream(values()).filter(line -> line.part == part).toList();
	}

}
