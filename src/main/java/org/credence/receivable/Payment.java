package org.credence.receivable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A stored payment with the allocations it made.
 *
 * @param unappliedAmount what no invoice took: unapplied cash on the customer's account
 * (zero once reversed)
 * @param reversedOn the day the payment was reversed (bounced), or absent
 */
public record Payment(long id, String externalId, String customerCode, BigDecimal amount, String currency,
		BigDecimal fxRate, BigDecimal companyAmount, LocalDate receivedDate, @Nullable String reference,
		List<Allocation> allocations, BigDecimal unappliedAmount, @Nullable LocalDate reversedOn,
		@Nullable String reversalReason, Instant recordedAt) {

	public boolean isReversed() {
		return this.reversedOn != null;
	}

}
