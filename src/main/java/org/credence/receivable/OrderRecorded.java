package org.credence.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An order was recorded, or its status changed.
 *
 * @param companyOpenAmount what of it is open (not invoiced, not cancelled or closed), in
 * company currency
 */
public record OrderRecorded(String customerCode, String orderNumber, BigDecimal amount, String currency,
		BigDecimal companyOpenAmount, LocalDate orderDate, OrderStatus status) {

}
