package org.credence.receivable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A stored bank receipt: one credit line of an imported statement, and what became of it.
 *
 * @param match how it was matched, or absent while unmatched or dismissed
 * @param reasonCode why it is unmatched: {@code NO_MATCH}, {@code AMBIGUOUS} (several
 * customers fit), {@code FX_RATE_MISSING} (a customer fits but its currency has no rate
 * on the booking date), {@code AMOUNT_SCALE} (more decimals than the ledger keeps, as
 * 12.345 KWD)
 * @param reasonDetail the facts behind the reason, for people, in the reader's language
 * (customers the reader may not see are not named)
 * @param customerCode the customer it became a payment of, or the one that fits when
 * {@code FX_RATE_MISSING}
 * @param invoiceNumbers the invoices the payment was allocated to by name
 * @param paymentExternalId the payment's {@code externalId}, once it is one
 */
public record BankReceipt(long id, String lineKey, String format, String statementAccount,
		@Nullable String statementReference, LocalDate bookingDate, @Nullable LocalDate valueDate, BigDecimal amount,
		String currency, @Nullable String payerName, @Nullable String payerAccount, @Nullable String remittance,
		@Nullable String endToEndId, @Nullable String bankReference, BankReceiptStatus status,
		@Nullable ReceiptMatch match, @Nullable String reasonCode, @Nullable String reasonDetail,
		@Nullable String customerCode, List<String> invoiceNumbers, @Nullable String paymentExternalId,
		@Nullable String dismissalReason, String importedBy, Instant importedAt, @Nullable String decidedBy,
		@Nullable Instant decidedAt) {

	public BankReceipt {
		invoiceNumbers = List.copyOf(invoiceNumbers);
	}

	public boolean isUnmatched() {
		return this.status == BankReceiptStatus.UNMATCHED;
	}

}
