package org.credence.limit.line;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A collateral or guarantee: its value less the haircut secures the customer's line from
 * the day it was recorded to its valid-to date, unless it is released earlier.
 *
 * @param haircutPercent the share of the value not counted, 0 to 100
 * @param releasedOn the day it was released; it secures nothing from that day on
 */
public record Collateral(long id, String customerCode, CollateralType type, BigDecimal value, String currency,
		BigDecimal haircutPercent, LocalDate validFrom, @Nullable LocalDate validTo, String provider,
		@Nullable String reference, @Nullable String note, Instant addedAt, String addedBy,
		@Nullable LocalDate releasedOn, @Nullable String releasedBy, @Nullable String releaseReason) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** The value less the haircut, in the collateral's currency, to the cent. */
	public BigDecimal securedValue() {
		return this.value.multiply(HUNDRED.subtract(this.haircutPercent)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
	}

	/** Whether it secures the line on the day: recorded, not yet expired nor released. */
	public boolean isInForceOn(LocalDate day) {
		return !day.isBefore(this.validFrom) && (this.validTo == null || !day.isAfter(this.validTo))
				&& (this.releasedOn == null || day.isBefore(this.releasedOn));
	}

	public boolean isReleased() {
		return this.releasedOn != null;
	}

}
