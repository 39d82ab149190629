package org.credence.limit.line;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A collateral or guarantee as someone enters it; every field is checked. */
public record CollateralDraft(@Nullable String type, @Nullable BigDecimal value, @Nullable String currency,
		@Nullable BigDecimal haircutPercent, @Nullable LocalDate validTo, @Nullable String provider,
		@Nullable String reference, @Nullable String note) {
}
