package org.credence.limit;

import org.jspecify.annotations.Nullable;

/**
 * An approver decided a step of a credit application: APPROVE, REJECT or RETURN;
 * {@code status} is the application's status after it. The final approval publishes
 * {@link CreditApplicationApproved} as well.
 */
public record CreditApplicationDecided(long applicationId, String customerCode, int level, String decision,
		String status, String decidedBy, @Nullable String comment) {
}
