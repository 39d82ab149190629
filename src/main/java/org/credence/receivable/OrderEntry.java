package org.credence.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An order as the order system sends it. Every field is checked by
 * {@link Receivables#recordOrder}; absent ones are refused naming the field.
 *
 * @param status OPEN when absent
 * @param deliveryDate when the goods are due to be delivered; absent when not known (the
 * order then counts toward exposure whatever delivery horizon the credit check rules set)
 */
public record OrderEntry(@Nullable String externalId, @Nullable String customerCode, @Nullable String number,
		@Nullable BigDecimal amount, @Nullable String currency, @Nullable LocalDate orderDate,
		@Nullable OrderStatus status, @Nullable LocalDate deliveryDate) {

	/** An order without a delivery date. */
	public OrderEntry(@Nullable String externalId, @Nullable String customerCode, @Nullable String number,
			@Nullable BigDecimal amount, @Nullable String currency, @Nullable LocalDate orderDate,
			@Nullable OrderStatus status) {
		this(externalId, customerCode, number, amount, currency, orderDate, status, null);
	}

}
