package org.credence.identity;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A freshly issued API token. {@code token} is shown this once; Credence keeps only its
 * hash.
 */
public record IssuedToken(long id, String name, String token, @Nullable LocalDate expiresOn) {
}
