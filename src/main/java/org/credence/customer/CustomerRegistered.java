package org.credence.customer;

import org.jspecify.annotations.Nullable;

/** A customer's credit file was opened. */
public record CustomerRegistered(String code, String name, @Nullable String uscc, @Nullable String ownerUsername) {
}
