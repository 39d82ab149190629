package org.credence.limit;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The last approval step of a credit application was approved: the credit line is created
 * or changed as asked, effective on {@code effectiveFrom}.
 *
 * @param amount for {@link ApplicationType#TEMPORARY} the increase on top of the line,
 * otherwise the line's new limit
 * @param validTo the end of the line's period, or of the temporary increase
 */
public record CreditApplicationApproved(long applicationId, String customerCode, ApplicationType type,
		BigDecimal amount, String currency, int termsDays, LocalDate effectiveFrom, @Nullable LocalDate validTo,
		String requestedBy, String approvedBy) {
}
