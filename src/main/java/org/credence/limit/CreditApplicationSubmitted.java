package org.credence.limit;

import java.math.BigDecimal;

/**
 * A credit application was submitted, or resubmitted after a return ({@code round} > 1),
 * and waits at the first step of its route.
 */
public record CreditApplicationSubmitted(long applicationId, String customerCode, ApplicationType type,
		BigDecimal amount, String currency, int round, String firstRole, String requestedBy) {
}
