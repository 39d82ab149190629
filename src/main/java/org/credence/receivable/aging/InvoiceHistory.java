package org.credence.receivable.aging;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An invoice as it stood on a day: how much was settled by then and when the last
 * settlement took effect.
 *
 * @param writtenOff whether a write-off settled part of it by then
 */
public record InvoiceHistory(String number, LocalDate issueDate, LocalDate dueDate, BigDecimal amount,
		BigDecimal fxRate, BigDecimal companyAmount, BigDecimal settled, @Nullable LocalDate lastSettledOn,
		boolean writtenOff) {

	public boolean isSettled() {
		return this.settled.compareTo(this.amount) >= 0;
	}

	public BigDecimal companyOpenAmount() {
		BigDecimal open = this.amount.subtract(this.settled).max(BigDecimal.ZERO);
		return open.multiply(this.fxRate).setScale(2, java.math.RoundingMode.HALF_UP);
	}

}
