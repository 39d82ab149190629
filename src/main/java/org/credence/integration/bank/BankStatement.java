package org.credence.integration.bank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One statement of one account as the bank sent it, in neutral form whatever the format.
 *
 * @param format {@code MT940} or the camt.053 version, for instance
 * {@code camt.053.001.02}
 * @param account the statement's own account (IBAN or the bank's number)
 * @param reference the bank's statement reference (MT940 {@code :20:}, camt
 * {@code Stmt/Id})
 * @param sequence the statement number (MT940 {@code :28C:}, camt {@code LglSeqNb} or
 * {@code ElctrncSeqNb})
 * @param opening the opening balance, signed (negative when debit), or absent
 * @param closing the closing (booked) balance, signed, or absent
 */
public record BankStatement(String format, String account, @Nullable String reference, @Nullable String sequence,
		String currency, @Nullable Balance opening, @Nullable Balance closing, List<StatementEntry> entries) {

	public BankStatement {
		entries = List.copyOf(entries);
	}

	/** A balance on a day, signed: negative when the account was overdrawn. */
	public record Balance(LocalDate date, BigDecimal amount) {
	}

	/**
	 * Whether opening plus credits less debits gives the closing balance; true when a
	 * balance is missing (nothing to check).
	 */
	public boolean reconciles() {
		if (this.opening == null || this.closing == null) {
			return true;
		}
		return this.opening.amount().add(movement()).compareTo(this.closing.amount()) == 0;
	}

	/** Credits less debits of every entry (a reversal counts with its own direction). */
	public BigDecimal movement() {
		return this.entries.stream()
			.map(e -> e.isCredit() ? e.amount() : e.amount().negate())
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
