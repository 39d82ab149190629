package org.credence.customer;

import org.jspecify.annotations.Nullable;

/** A customer's master data changed; {@code status} is the status after the change. */
public record CustomerChanged(String code, CustomerStatus status, @Nullable String ownerUsername) {
}
