package org.credence.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Part of a payment, a credit note or a write-off settling an invoice, in the invoice's
 * currency, in force from {@code effectiveOn} until {@code reversedOn} (when a payment
 * was reversed).
 *
 * @param source PAYMENT, CREDIT_NOTE or WRITE_OFF
 * @param sourceKey the payment's external id, the credit note's number, or the
 * write-off's id
 */
public record Allocation(String invoiceNumber, String source, String sourceKey, BigDecimal amount, String currency,
		LocalDate effectiveOn, @Nullable LocalDate reversedOn) {

	public boolean isInForce() {
		return this.reversedOn == null;
	}

}
