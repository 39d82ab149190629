package org.credence.receivable;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A proposal to write off an invoice's open balance, and its decision. FINANCE proposes;
 * another person with the right to approve (a credit manager) decides.
 *
 * @param amount the open balance when proposed, in the invoice's currency
 */
public record WriteOff(long id, String invoiceNumber, String customerCode, BigDecimal amount, String currency,
		String reason, WriteOffStatus status, String proposedBy, Instant proposedAt, @Nullable String decidedBy,
		@Nullable Instant decidedAt, @Nullable String decisionNote) {

}
