package org.credence.receivable.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.credence.receivable.AccountStatement;
import org.credence.receivable.IssuedStatement;
import org.jspecify.annotations.Nullable;

/** Account statements as the API answers them; amounts as decimal strings. */
final class StatementJson {

	private StatementJson() {
	}

	record AccountStatementJson(String customerCode, String customerName, LocalDate from, LocalDate to,
			String companyCurrency, List<SectionJson> sections,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal companyOpening,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal companyClosing) {

		static AccountStatementJson of(AccountStatement s) {
			return new AccountStatementJson(s.customerCode(), s.customerName(), s.from(), s.to(), s.companyCurrency(),
					s.sections().stream().map(SectionJson::of).toList(), s.companyOpening(), s.companyClosing());
		}

	}

	record SectionJson(String currency, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal opening,
			List<LineJson> lines, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalDebit,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalCredit,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal closing,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal closingFxRate,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal companyClosing) {

		static SectionJson of(AccountStatement.Section s) {
			return new SectionJson(s.currency(), s.opening(),
					s.lines()
						.stream()
						.map(l -> new LineJson(l.lineNo(), l.date(), l.kind().name(), l.reference(), l.detail(),
								l.debit(), l.credit(), l.balance(), false, null))
						.toList(),
					s.totalDebit(), s.totalCredit(), s.closing(), s.closingRate(), s.companyClosing());
		}

	}

	record LineJson(int line, LocalDate date, String kind, String reference, @Nullable String detail,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal debit,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal credit,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal balance, boolean disputed,
			@Nullable String disputeComment) {
	}

	record IssuedStatementJson(long id, String number, String customerCode, LocalDate from, LocalDate to,
			String language, String status, String issuedBy, Instant issuedAt, String pdfSha256,
			List<BalanceJson> balances, String companyCurrency,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal companyClosing, @Nullable String note,
			@Nullable String repliedBy, @Nullable Instant repliedAt, List<IssuedLineJson> lines) {

		static IssuedStatementJson of(IssuedStatement s) {
			return new IssuedStatementJson(s.id(), s.number(), s.customerCode(), s.from(), s.to(), s.language(),
					s.status().name(), s.issuedBy(), s.issuedAt(), s.pdfSha256(),
					s.balances()
						.stream()
						.map(b -> new BalanceJson(b.currency(), b.opening(), b.closing(), b.fxRate()))
						.toList(),
					s.companyCurrency(), s.companyClosing(), s.replyNote(), s.repliedBy(), s.repliedAt(),
					s.lines()
						.stream()
						.map(l -> new IssuedLineJson(l.lineNo(), l.date(), l.kind().name(), l.currency(), l.reference(),
								l.debit(), l.credit(), l.balance(), l.disputed(), l.disputeComment()))
						.toList());
		}

	}

	record BalanceJson(String currency, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal opening,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal closing,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fxRate) {
	}

	record IssuedLineJson(int line, LocalDate date, String kind, String currency, String reference,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal debit,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal credit,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal balance, boolean disputed,
			@Nullable String disputeComment) {
	}

	/** {@code POST /customers/{code}/account-statements}. */
	record IssueRequest(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String lang) {
	}

}
