package org.credence.limit.line;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.credence.limit.TemporaryIncrease;
import org.jspecify.annotations.Nullable;

/** A temporary increase as stored, with who recorded it and when. */
public record StoredIncrease(long id, long lineId, BigDecimal amount, LocalDate validFrom, LocalDate validTo,
		@Nullable Long applicationId, Instant recordedAt, String recordedBy) {

	public TemporaryIncrease toIncrease() {
		return new TemporaryIncrease(this.amount, this.validFrom, this.validTo);
	}

}
