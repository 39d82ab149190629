package org.credence.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Money in, as one credit line of a bank statement says it (one transaction of a batch
 * entry).
 *
 * @param lineKey identifies the line within its statement, the same however often the
 * statement is imported (at most 64 characters)
 * @param format the statement's format, for instance {@code MT940} or
 * {@code camt.053.001.02}
 * @param statementAccount the company's account the money came into
 * @param bookingDate the day the bank booked it: the payment's received date
 * @param amount positive
 * @param payerAccount the payer's account, as the bank gives it
 * @param remittance every text the payer or the bank gave: where invoice numbers are
 * looked for
 */
public record BankReceiptEntry(String lineKey, String format, String statementAccount,
		@Nullable String statementReference, LocalDate bookingDate, @Nullable LocalDate valueDate, BigDecimal amount,
		String currency, @Nullable String payerName, @Nullable String payerAccount, @Nullable String remittance,
		@Nullable String endToEndId, @Nullable String bankReference) {
}
