package org.credence.customer;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A customer was put on the blacklist; credit checks refuse it from now on. */
public record CustomerBlacklisted(String code, String reason, @Nullable LocalDate expiresOn) {
}
