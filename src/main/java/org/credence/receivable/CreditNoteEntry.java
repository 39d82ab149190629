package org.credence.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A credit note as the ERP sends it.
 *
 * @param invoiceNumber the invoice it credits; when absent it is applied oldest due first
 */
public record CreditNoteEntry(@Nullable String externalId, @Nullable String customerCode, @Nullable String number,
		@Nullable BigDecimal amount, @Nullable String currency, @Nullable LocalDate issueDate,
		@Nullable String invoiceNumber) {

}
