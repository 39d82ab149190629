package org.credence.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A customer's account statement (对账单) for a period, as the ledger shows it: per document
 * currency the balance owed at the start, every invoice, credit note, payment, payment
 * reversal and write-off dated in the period in date order with the running balance, and
 * the balance at the end. A positive balance is owed by the customer; a negative one is
 * money of the customer's on account (unapplied cash or credit).
 * <p>
 * Point-in-time: a document dated after the period is not in it; a payment reversed after
 * the period counts as paid. Company-currency totals convert each currency's balance at
 * the FX rate of the balance's day (the opening at the rate of the day before the period,
 * the closing at the rate of its last day), not at the documents' historical rates: a
 * statement shows what the balance is worth on that day.
 *
 * @param customerName the name printed on the statement
 * @param sections one per document currency, the company currency first
 * @param companyOpening the opening balances in company currency
 * @param companyClosing the closing balances in company currency
 */
public record AccountStatement(String customerCode, String customerName, String country, LocalDate from, LocalDate to,
		String companyCurrency, List<Section> sections, BigDecimal companyOpening, BigDecimal companyClosing) {

	/**
	 * Whether the statement lists documents in more than one currency or not in company
	 * currency.
	 */
	public boolean hasForeignCurrency() {
		return this.sections.stream().anyMatch(s -> !s.currency().equals(this.companyCurrency));
	}

	/** The number of lines in all sections. */
	public int lineCount() {
		return this.sections.stream().mapToInt(s -> s.lines().size()).sum();
	}

	/**
	 * One currency's part of the statement.
	 *
	 * @param openingRate units of company currency per unit on the day before the period
	 * @param closingRate units of company currency per unit on the period's last day
	 */
	public record Section(String currency, BigDecimal opening, List<Line> lines, BigDecimal totalDebit,
			BigDecimal totalCredit, BigDecimal closing, BigDecimal openingRate, BigDecimal closingRate,
			BigDecimal companyOpening, BigDecimal companyClosing) {
	}

	/**
	 * A document on the statement.
	 *
	 * @param lineNo the number printed on the statement, counted across sections from 1
	 * @param reference the document's number; a payment's bank reference, or its external
	 * id when it has none
	 * @param detail the due date of an invoice, the invoice a credit note names, the
	 * reason of a reversal; absent otherwise
	 * @param debit what increased the balance (invoices, reversals), zero otherwise
	 * @param credit what reduced it (credit notes, payments, write-offs), zero otherwise
	 * @param balance the running balance after this line
	 */
	public record Line(int lineNo, LocalDate date, Kind kind, String currency, String reference,
			@Nullable String detail, BigDecimal debit, BigDecimal credit, BigDecimal balance) {
	}

	/**
	 * The kinds of document on a statement, in the order they are listed within a day.
	 */
	public enum Kind {

		INVOICE, CREDIT_NOTE, PAYMENT, PAYMENT_REVERSAL, WRITE_OFF

	}

}
