package org.credence.limit;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An extra amount on top of a credit line from one day to another (both inclusive); it
 * lapses by itself after {@code validTo}.
 */
public record TemporaryIncrease(BigDecimal amount, LocalDate validFrom, LocalDate validTo) {

	public boolean isInForceOn(LocalDate day) {
		return !day.isBefore(this.validFrom) && !day.isAfter(this.validTo);
	}

}
