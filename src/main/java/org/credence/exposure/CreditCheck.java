package org.credence.exposure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The current credit check of an order.
 *
 * @param companyAmount the order in company currency at today's rate
 * @param exposure the customer's exposure before this order, in company currency
 * @param limit the effective limit then, absent without a line in force
 * @param available the limit less that exposure, before this order
 * @param reserved what the check reserves now (zero once consumed, released or lapsed)
 * @param reservation NONE (blocked), ACTIVE, CONSUMED (its order or invoice arrived),
 * RELEASED (cancelled) or EXPIRED
 * @param expiresOn when an active reservation lapses
 * @param holdId the hold a blocked check joined, if any
 * @param holdStatus PENDING, RELEASED or REJECTED
 */
public record CreditCheck(long checkId, String orderRef, String customerCode, BigDecimal amount, String currency,
		BigDecimal companyAmount, String companyCurrency, Decision decision, List<Reason> reasons, BigDecimal exposure,
		@Nullable BigDecimal limit, @Nullable BigDecimal available, BigDecimal reserved, Reservation reservation,
		@Nullable LocalDate expiresOn, Instant checkedAt, String checkedBy, @Nullable Long holdId,
		@Nullable String holdStatus) {

	public CreditCheck {
		reasons = List.copyOf(reasons);
	}

	/** What a check's reservation is doing. */
	public enum Reservation {

		NONE, ACTIVE, CONSUMED, RELEASED, EXPIRED

	}

}
