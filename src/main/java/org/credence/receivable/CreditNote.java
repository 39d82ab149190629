package org.credence.receivable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A stored credit note with the allocations it made.
 *
 * @param unappliedAmount what no invoice took, left as a credit on the account
 */
public record CreditNote(long id, String externalId, String customerCode, String number, @Nullable String invoiceNumber,
		BigDecimal amount, String currency, BigDecimal fxRate, BigDecimal companyAmount, LocalDate issueDate,
		List<Allocation> allocations, BigDecimal unappliedAmount, Instant recordedAt) {

}
