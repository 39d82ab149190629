package org.credence.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An invoice as the ERP sends it.
 *
 * @param orderNumber the order it bills, whose open value it reduces; may be absent
 */
public record InvoiceEntry(@Nullable String externalId, @Nullable String customerCode, @Nullable String number,
		@Nullable BigDecimal amount, @Nullable String currency, @Nullable LocalDate issueDate,
		@Nullable LocalDate dueDate, @Nullable String orderNumber) {

}
