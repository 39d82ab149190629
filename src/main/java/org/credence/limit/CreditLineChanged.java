package org.credence.limit;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A customer's credit line was created or changed: granted, increased, decreased,
 * renewed, given or losing a temporary increase, suspended, reinstated or expired. The
 * exposure module keeps its available amount from it.
 *
 * @param change what happened, e.g. {@code GRANTED}, {@code SUSPENDED},
 * {@code TEMPORARY_LAPSED}
 */
public record CreditLineChanged(String customerCode, String change, BigDecimal limit, BigDecimal effectiveLimit,
		String currency, int termsDays, CreditLineStatus status, LocalDate validFrom, @Nullable LocalDate validTo) {
}
