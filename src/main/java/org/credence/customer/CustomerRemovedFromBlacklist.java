package org.credence.customer;

/** A customer was taken off the blacklist. */
public record CustomerRemovedFromBlacklist(String code, String reason) {
}
