package org.credence.limit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A customer's credit line as it stands on {@code asOf}: the limit, its currency and
 * payment terms, the period it is valid for, its status, and the temporary increases that
 * are in force or still to come on that day.
 *
 * @param securedAmount the value of the collateral in force on {@code asOf}, after
 * haircuts, in the line's currency
 * @param coverShortfall true when the policy requires collateral at a cover ratio that
 * the secured amount no longer meets (an expired guarantee, say): cover is required of
 * the effective limit, temporary increases in force included
 * @param version the id of the line's version in force on {@code asOf}
 * @param requiredCoverRatio the secured amount the line requires, as a share of its
 * limit; absent when it requires no collateral
 */
public record CreditLine(long id, String customerCode, BigDecimal limit, String currency, int termsDays,
		LocalDate validFrom, @Nullable LocalDate validTo, CreditLineStatus status,
		List<TemporaryIncrease> temporaryIncreases, BigDecimal securedAmount, boolean coverShortfall,
		@Nullable String suspendedReason, long version, LocalDate asOf, @Nullable BigDecimal requiredCoverRatio) {

	/** The limit plus the temporary increases in force on {@code asOf}. */
	public BigDecimal effectiveLimit() {
		BigDecimal limit = this.limit;
		for (TemporaryIncrease increase : this.temporaryIncreases) {
			if (increase.isInForceOn(this.asOf)) {
				limit = limit.add(increase.amount());
			}
		}
		return limit;
	}

	/**
	 * The secured amount the line requires, of its effective limit; absent when it
	 * requires none.
	 */
	public @Nullable BigDecimal requiredCover() {
		return this.requiredCoverRatio == null ? null
				: effectiveLimit().multiply(this.requiredCoverRatio).setScale(2, java.math.RoundingMode.HALF_UP);
	}

	public boolean isActive() {
		return this.status == CreditLineStatus.ACTIVE;
	}

}
