package org.credence.receivable.statement;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.credence.receivable.AccountStatement.Kind;
import org.jspecify.annotations.Nullable;

/**
 * One document's effect on a customer's balance on its day, in its own currency: a debit
 * raises what the customer owes, a credit lowers it.
 */
public record Movement(LocalDate date, Kind kind, String currency, String reference, @Nullable String detail,
		BigDecimal debit, BigDecimal credit) {

	BigDecimal net() {
		return this.debit.subtract(this.credit);
	}

}
