package org.credence.customer;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An entry on the blacklist (黑名单): who put the customer there, why, on what evidence,
 * until when; and, once removed, who removed it and why. Active while not removed and not
 * expired.
 */
public record BlacklistEntry(long id, String customerCode, String customerName, @Nullable String uscc, String reason,
		@Nullable String evidence, @Nullable LocalDate expiresOn, String addedBy, Instant addedAt,
		@Nullable String removedBy, @Nullable Instant removedAt, @Nullable String removalReason) {

	public boolean isActiveOn(LocalDate day) {
		return this.removedAt == null && (this.expiresOn == null || !this.expiresOn.isBefore(day));
	}

}
