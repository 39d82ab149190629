package org.credence.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A customer in the review queue: its review date has come, or it was never assessed.
 *
 * @param grade the current grade, absent when never assessed
 * @param nextReviewDate when the current assessment is due for review, absent when never
 * assessed
 */
public record ReviewDue(String customerCode, String customerName, @Nullable String ownerUsername, String status,
		@Nullable String grade, @Nullable BigDecimal score, @Nullable LocalDate assessedOn,
		@Nullable LocalDate nextReviewDate) {

	public boolean isNeverAssessed() {
		return this.assessedOn == null;
	}

}
