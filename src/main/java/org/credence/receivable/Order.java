package org.credence.receivable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A stored order.
 *
 * @param fxRate units of company currency per unit of {@code currency} on the order date
 * @param invoicedAmount the invoices naming this order, in its currency
 * @param openAmount what is not invoiced yet while OPEN; zero otherwise
 * @param deliveryDate when the goods are due to be delivered, when the order system said
 */
public record Order(long id, String externalId, String customerCode, String number, BigDecimal amount, String currency,
		BigDecimal fxRate, LocalDate orderDate, OrderStatus status, BigDecimal invoicedAmount, BigDecimal openAmount,
		Instant recordedAt, @Nullable LocalDate deliveryDate) {

	/** The open value in company currency at the order date's rate. */
	public BigDecimal companyOpenAmount() {
		return Conversion.toCompany(this.openAmount, this.fxRate);
	}

}
