package org.credence.receivable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/**
 * A stored invoice with its open amount today.
 *
 * @param fxRate units of company currency per unit of {@code currency} on the issue date,
 * kept from when the invoice was recorded
 * @param companyAmount the amount in company currency at that rate
 * @param openAmount the amount less the allocations in force, in the invoice's currency
 * @param disputed whether the customer disputes it; {@code disputeReason} says why
 */
public record Invoice(long id, String externalId, String customerCode, String number, @Nullable String orderNumber,
		BigDecimal amount, String currency, BigDecimal fxRate, BigDecimal companyAmount, LocalDate issueDate,
		LocalDate dueDate, BigDecimal openAmount, InvoiceStatus status, boolean disputed,
		@Nullable String disputeReason, @Nullable LocalDate disputedOn, @Nullable LocalDate writtenOffOn,
		Instant recordedAt) {

	/** Days past due on a day; zero or less when not yet due. */
	public long daysOverdue(LocalDate on) {
		return ChronoUnit.DAYS.between(this.dueDate, on);
	}

	public boolean isOverdue(LocalDate on) {
		return this.status == InvoiceStatus.OPEN && daysOverdue(on) > 0;
	}

	public BigDecimal companyOpenAmount() {
		return Conversion.toCompany(this.openAmount, this.fxRate);
	}

}
