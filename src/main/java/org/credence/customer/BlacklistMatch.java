package org.credence.customer;

/**
 * A blacklisted customer that a new or imported customer resembles: the same USCC, or the
 * same name. A warning for the user, not a refusal.
 *
 * @param matchedOn {@code USCC} or {@code NAME}
 */
public record BlacklistMatch(String customerCode, String customerName, String matchedOn, String reason) {
}
