package org.credence.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An order was recorded, or its status changed.
 *
 * @param companyOpenAmount what of it is open (not invoiced, not cancelled or closed), in
 * company currency
 * @param deliveryDate when the goods are due to be delivered, when known
 */
public record OrderRecorded(String customerCode, String orderNumber, BigDecimal amount, String currency,
		BigDecimal companyOpenAmount, LocalDate orderDate, OrderStatus status, @Nullable LocalDate deliveryDate) {

}
