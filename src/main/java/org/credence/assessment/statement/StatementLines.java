package org.credence.assessment.statement;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * The lines of a financial statement as {@code ../shared/API.md} names them, in 元 of the
 * statement's currency (converted from the entry unit). Any line may be missing.
 */
public record StatementLines(@Nullable BigDecimal cash, @Nullable BigDecimal receivables,
		@Nullable BigDecimal inventory, @Nullable BigDecimal currentAssets, @Nullable BigDecimal totalAssets,
		@Nullable BigDecimal currentLiabilities, @Nullable BigDecimal totalLiabilities, @Nullable BigDecimal equity,
		@Nullable BigDecimal revenue, @Nullable BigDecimal costOfSales, @Nullable BigDecimal operatingProfit,
		@Nullable BigDecimal netProfit, @Nullable BigDecimal interestExpense, @Nullable BigDecimal operatingCashFlow,
		@Nullable BigDecimal retainedEarnings, @Nullable BigDecimal ebit) {

	/** A statement whose lines are these values; lines not in the map are missing. */
	public static StatementLines of(Map<StatementLine, BigDecimal> values) {
		return new StatementLines(values.get(StatementLine.CASH), values.get(StatementLine.RECEIVABLES),
				values.get(StatementLine.INVENTORY), values.get(StatementLine.CURRENT_ASSETS),
				values.get(StatementLine.TOTAL_ASSETS), values.get(StatementLine.CURRENT_LIABILITIES),
				values.get(StatementLine.TOTAL_LIABILITIES), values.get(StatementLine.EQUITY),
				values.get(StatementLine.REVENUE), values.get(StatementLine.COST_OF_SALES),
				values.get(StatementLine.OPERATING_PROFIT), values.get(StatementLine.NET_PROFIT),
				values.get(StatementLine.INTEREST_EXPENSE), values.get(StatementLine.OPERATING_CASH_FLOW),
				values.get(StatementLine.RETAINED_EARNINGS), values.get(StatementLine.EBIT));
	}

	/** The lines that are given, by line, in statement order. */
	public Map<StatementLine, BigDecimal> given() {
		Map<StatementLine, BigDecimal> values = new EnumMap<>(StatementLine.class);
		for (StatementLine line : StatementLine.values()) {
			BigDecimal value = line.of(this);
			if (value != null) {
				values.put(line, value);
			}
		}
		return values;
	}

	/**
	 * Every given line changed by the function (a unit conversion); missing stay missing.
	 */
	public StatementLines map(UnaryOperator<BigDecimal> change) {
		Map<StatementLine, BigDecimal> values = given();
		values.replaceAll((line, value) -> change.apply(value));
		return of(values);
	}

	/** This statement with one line set (or removed, when {@code null}). */
	public StatementLines with(StatementLine line, @Nullable BigDecimal value) {
		Map<StatementLine, BigDecimal> values = given();
		if (value == null) {
			values.remove(line);
		}
		else {
			values.put(line, value);
		}
		return of(values);
	}

}
