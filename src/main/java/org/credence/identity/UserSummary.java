package org.credence.identity;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A user as other modules and the API see it; never the password hash.
 *
 * @param locale the preferred language tag ({@code zh-CN} or {@code en}), absent until
 * chosen
 * @param amountUnit how large amounts are shown: {@code YUAN} or {@code WAN_YUAN} (万元)
 * @param lockedUntil set while the account is locked after repeated failed logins
 */
public record UserSummary(String username, String displayName, @Nullable String email, Set<Role> roles, boolean enabled,
		@Nullable String locale, String amountUnit, @Nullable Instant lockedUntil) {

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

}
