package org.credence.identity.user;

import java.time.Instant;
import java.util.Set;

import org.credence.identity.Role;
import org.credence.identity.UserSummary;
import org.jspecify.annotations.Nullable;

/** A stored user account, password hash included; internal to identity. */
public record UserAccount(long id, String username, String displayName, @Nullable String email, String passwordHash,
		Set<Role> roles, boolean enabled, @Nullable String locale, String amountUnit, int failedLogins,
		@Nullable Instant lockedUntil) {

	public boolean isLockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

	public UserSummary summary() {
		return new UserSummary(this.username, this.displayName, this.email, this.roles, this.enabled, this.locale,
				this.amountUnit, this.lockedUntil);
	}

}
