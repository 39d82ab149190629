package org.credence.identity;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A partial change to a user: only the fields given change. An empty {@code email}
 * removes the e-mail address.
 */
public record UserChange(@Nullable @Size(min = 1, max = 200) String displayName,
		@Nullable @Email @Size(max = 320) String email, @Nullable Set<Role> roles, @Nullable Boolean enabled,
		@Nullable @Size(min = 10, max = 200, message = "{identity.password.size}") String password) {
}
