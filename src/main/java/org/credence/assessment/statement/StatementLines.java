package org.credence.assessment.statement;

import java.math.BigDecimal;

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

}
