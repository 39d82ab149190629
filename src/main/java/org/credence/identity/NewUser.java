package org.credence.identity;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A user to create. User names are lower-case letters, digits, dots, dashes and
 * underscores ({@code wang.fang}); passwords have at least 10 characters.
 */
public record NewUser(
		@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,63}",
				message = "{identity.username.pattern}") String username,
		@NotBlank @Size(max = 200) String displayName, @Nullable @Email @Size(max = 320) String email,
		@NotEmpty Set<Role> roles,
		@NotBlank @Size(min = 10, max = 200, message = "{identity.password.size}") String password) {
}
