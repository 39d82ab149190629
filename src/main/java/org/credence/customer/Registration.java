package org.credence.customer;

import java.util.List;

/**
 * The result of registering a customer: the stored customer and the blacklist matches to
 * warn of.
 */
public record Registration(CustomerDetails customer, List<BlacklistMatch> warnings) {
}
