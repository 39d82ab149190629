package org.credence.identity;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** An API token as listed: its name and first characters, never the token itself. */
public record ApiTokenSummary(long id, String username, String name, String prefix, @Nullable LocalDate expiresOn,
		Instant createdAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

	public boolean isActive(LocalDate today) {
		return this.revokedAt == null && (this.expiresOn == null || !this.expiresOn.isBefore(today));
	}

}
