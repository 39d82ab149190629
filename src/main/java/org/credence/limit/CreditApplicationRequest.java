package org.credence.limit;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What a requester asks for, as typed: checked by {@link CreditApplications}, which
 * answers bad fields with their problems.
 *
 * @param amount for TEMPORARY the increase on top of the line, otherwise the limit asked
 * for
 * @param validTo required for TEMPORARY (the end of the increase); otherwise the end of
 * the line's period (default: one year)
 */
public record CreditApplicationRequest(@Nullable String customerCode, @Nullable ApplicationType type,
		@Nullable BigDecimal amount, @Nullable String currency, @Nullable Integer termsDays,
		@Nullable LocalDate validTo, @Nullable String reason) {
}
