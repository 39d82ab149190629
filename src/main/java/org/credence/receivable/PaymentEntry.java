package org.credence.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A payment received, as the ERP or the bank sends it.
 *
 * @param allocations the invoices the payer named and how much of each; when absent or
 * empty the payment is applied oldest due first
 */
public record PaymentEntry(@Nullable String externalId, @Nullable String customerCode, @Nullable BigDecimal amount,
		@Nullable String currency, @Nullable LocalDate receivedDate, @Nullable String reference,
		@Nullable List<RequestedAllocation> allocations) {

	/** Part of a payment the payer assigned to an invoice, in the invoice's currency. */
	public record RequestedAllocation(@Nullable String invoiceNumber, @Nullable BigDecimal amount) {
	}

}
