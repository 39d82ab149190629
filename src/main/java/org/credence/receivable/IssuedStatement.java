package org.credence.receivable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An account statement sent to the customer, and the customer's answer. The issued PDF is
 * kept unchanged; {@code pdfSha256} identifies it.
 *
 * @param language the language it was issued in: {@code zh-CN} or {@code en}
 * @param companyClosing the closing balances in company currency at the period-end rates
 * @param status ISSUED until the customer answers, then CONFIRMED or DISPUTED
 * @param replyNote the customer's note (required for a dispute)
 * @param repliedBy who recorded the customer's answer
 * @param balances opening and closing balance per document currency
 * @param lines the lines as issued, with the ones the customer disputed marked
 */
public record IssuedStatement(long id, String customerCode, LocalDate from, LocalDate to, String language,
		String companyCurrency, BigDecimal companyOpening, BigDecimal companyClosing, String issuedBy, Instant issuedAt,
		String pdfSha256, Status status, @Nullable String replyNote, @Nullable String repliedBy,
		@Nullable Instant repliedAt, List<Balance> balances, List<Line> lines) {

	/** The number printed on the statement. */
	public String number() {
		return number(this.id);
	}

	public static String number(long id) {
		return "AS-%06d".formatted(id);
	}

	public boolean isAnswered() {
		return this.status != Status.ISSUED;
	}

	public List<Line> disputedLines() {
		return this.lines.stream().filter(Line::disputed).toList();
	}

	/** Where a statement stands. */
	public enum Status {

		/** Sent, no answer yet. */
		ISSUED,
		/** The customer confirmed the balances. */
		CONFIRMED,
		/** The customer disagreed, with the lines and a note. */
		DISPUTED

	}

	/**
	 * @param fxRate units of company currency per unit on the period's last day
	 */
	public record Balance(String currency, BigDecimal opening, BigDecimal closing, BigDecimal fxRate) {
	}

	/** A line as issued; {@code disputeComment} is what the customer said about it. */
	public record Line(int lineNo, LocalDate date, AccountStatement.Kind kind, String currency, String reference,
			BigDecimal debit, BigDecimal credit, BigDecimal balance, boolean disputed,
			@Nullable String disputeComment) {
	}

}
