package org.credence.exposure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An order in the credit-hold queue (信用冻结).
 *
 * @param status PENDING until a credit manager releases or rejects it; WITHDRAWN when the
 * order was cancelled or checked again
 * @param excessAmount for a release above the limit (信用特批): by how much it lets exposure
 * exceed the limit plus tolerance
 * @param excessUntil until when that special approval holds (the reservation lapses then)
 */
public record CreditHold(long id, long checkId, String orderRef, String customerCode, @Nullable String customerName,
		@Nullable String ownerUsername, BigDecimal amount, String currency, BigDecimal companyAmount,
		List<Reason> reasons, Status status, Instant heldAt, @Nullable String decidedBy, @Nullable Instant decidedAt,
		@Nullable String decisionReason, @Nullable BigDecimal excessAmount, @Nullable LocalDate excessUntil) {

	public CreditHold {
		reasons = List.copyOf(reasons);
	}

	/** Where a held order stands. */
	public enum Status {

		PENDING, RELEASED, REJECTED, WITHDRAWN

	}

}
