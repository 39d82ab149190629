package org.credence.customer;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A bank account of a customer: money from it is the customer's.
 *
 * @param accountNumber IBAN or the bank's account number, without spaces, upper case
 */
public record BankAccount(long id, String customerCode, String accountNumber, @Nullable String bankName, String addedBy,
		Instant addedAt) {
}
