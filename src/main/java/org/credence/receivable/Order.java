package org.credence.receivable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored order.
 *
 * @param fxRate units of company currency per unit of {@code currency} on the order date
 * @param invoicedAmount the invoices naming this order, in its currency
 * @param openAmount what is not invoiced yet while OPEN; zero otherwise
 */
public record Order(long id, String externalId, String customerCode, String number, BigDecimal amount, String currency,
		BigDecimal fxRate, LocalDate orderDate, OrderStatus status, BigDecimal invoicedAmount, BigDecimal openAmount,
		Instant recordedAt) {

	/** The open value in company currency at the order date's rate. */
	public BigDecimal companyOpenAmount() {
		return Conversion.toCompany(this.openAmount, this.fxRate);
	}

}
