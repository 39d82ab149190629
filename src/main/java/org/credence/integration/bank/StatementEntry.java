package org.credence.integration.bank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One booked entry of a statement (MT940 {@code :61:} with its {@code :86:}, camt
 * {@code Ntry}).
 *
 * @param position the entry's place in its statement, from 1
 * @param credit money in (MT940 {@code C} or {@code RD}, camt {@code CRDT}); else money
 * out (MT940 {@code D} or {@code RC}, camt {@code DBIT})
 * @param reversal the bank reverses an earlier entry (MT940 {@code RC}/{@code RD}, camt
 * {@code RvslInd}); a reversal's direction is that of the money it moves now: a reversed
 * credit is money out
 * @param amount positive, in {@code currency}
 * @param bookingDate the day the bank booked it
 * @param valueDate the value date, when the bank gives one
 * @param bankReference the bank's own reference of the entry
 * @param customerReference the reference for the account owner (MT940 subfield 7)
 * @param entryText text about the entry as a whole (MT940 {@code :61:} supplementary
 * details, camt {@code AddtlNtryInf})
 * @param transactions the payments the entry books: one, or several for a batch entry
 */
public record StatementEntry(int position, boolean credit, boolean reversal, BigDecimal amount, String currency,
		LocalDate bookingDate, @Nullable LocalDate valueDate, @Nullable String bankReference,
		@Nullable String customerReference, @Nullable String entryText, List<StatementTransaction> transactions) {

	public StatementEntry {
		transactions = List.copyOf(transactions);
	}

	public boolean isCredit() {
		return this.credit;
	}

	/**
	 * Incoming money that may be a customer's payment: a credit that reverses nothing.
	 */
	public boolean isReceipt() {
		return this.credit && !this.reversal;
	}

	/** The bank takes back money it credited earlier: a bounced receipt. */
	public boolean isReversedCredit() {
		return this.reversal && !this.credit;
	}

}
