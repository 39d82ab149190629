package org.credence.receivable.statement;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.credence.receivable.AccountStatement;
import org.credence.receivable.AccountStatement.Kind;
import org.credence.receivable.IssuedStatement;
import org.credence.receivable.IssuedStatement.Balance;
import org.credence.receivable.IssuedStatement.Line;
import org.credence.receivable.IssuedStatement.Status;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger as movements on a customer's account, by document date: an invoice on its
 * issue date, a credit note on its issue date, a payment on the day it was received, its
 * reversal on the day it was reversed, a write-off on the day it took effect. And the
 * statements issued, with their balances, lines and answers.
 */
@Repository
public class AccountStatementRepository {

	private static final String MOVEMENTS = """
			select issue_date as on_date, 'INVOICE' as kind, currency, number as reference,
			       to_char(due_date, 'YYYY-MM-DD') as detail, amount as debit, 0 as credit
			from receivable.invoice where customer_code = :code
			union all
			select issue_date, 'CREDIT_NOTE', currency, number, invoice_number, 0, amount
			from receivable.credit_note where customer_code = :code
			union all
			select received_date, 'PAYMENT', currency, coalesce(reference, external_id), null, 0, amount
			from receivable.payment where customer_code = :code
			union all
			select reversed_on, 'PAYMENT_REVERSAL', currency, coalesce(reference, external_id), reversal_reason, amount, 0
			from receivable.payment where customer_code = :code and reversed_on is not null
			union all
			select a.effective_on, 'WRITE_OFF', i.currency, i.number, null, 0, a.amount
			from receivable.allocation a join receivable.invoice i on i.id = a.invoice_id
			where a.write_off_id is not null and i.customer_code = :code
			""";

	/** Everything but the PDF itself. */
	private static final String COLUMNS = """
			id, customer_code, period_from, period_to, language, company_currency, company_opening, company_closing,
			issued_by, issued_at, pdf_sha256, status, reply_note, replied_by, replied_at""";

	private final JdbcClient jdbc;

	AccountStatementRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Each currency's balance at the end of the day before {@code from}. */
	public Map<String, BigDecimal> balancesBefore(String customerCode, LocalDate from) {
		Map<String, BigDecimal> balances = new HashMap<>();
		this.jdbc
			.sql("select currency, sum(debit - credit) as balance from (" + MOVEMENTS
					+ ") m where on_date < :from group by currency")
			.param("code", customerCode)
			.param("from", from)
			.query((ResultSet rs) -> {
				balances.put(rs.getString("currency"), rs.getBigDecimal("balance"));
			});
		return balances;
	}

	/** The movements dated from {@code from} to {@code to}, both included. */
	public List<Movement> movements(String customerCode, LocalDate from, LocalDate to) {
		return this.jdbc
			.sql("select * from (" + MOVEMENTS + ") m where on_date between :from and :to order by on_date, reference")
			.param("code", customerCode)
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new Movement(rs.getObject("on_date", LocalDate.class), Kind.valueOf(rs.getString("kind")),
					rs.getString("currency"), rs.getString("reference"), rs.getString("detail"),
					rs.getBigDecimal("debit"), rs.getBigDecimal("credit")))
			.list();
	}

	// issued statements

	public long insert(AccountStatement statement, String language, String issuedBy, Instant issuedAt, byte[] pdf,
			String sha256) {
		long id = this.jdbc.sql("""
				insert into receivable.account_statement (customer_code, period_from, period_to, language,
				    company_currency, company_opening, company_closing, issued_by, issued_at, pdf, pdf_sha256)
				values (:code, :from, :to, :language, :currency, :opening, :closing, :by, :at, :pdf, :sha)
				returning id
				""")
			.param("code", statement.customerCode())
			.param("from", statement.from())
			.param("to", statement.to())
			.param("language", language)
			.param("currency", statement.companyCurrency())
			.param("opening", statement.companyOpening())
			.param("closing", statement.companyClosing())
			.param("by", issuedBy)
			.param("at", Timestamp.from(issuedAt))
			.param("pdf", pdf)
			.param("sha", sha256)
			.query(Long.class)
			.single();
		for (AccountStatement.Section section : statement.sections()) {
			this.jdbc.sql("""
					insert into receivable.account_statement_balance (statement_id, currency, opening, closing, fx_rate)
					values (:id, :currency, :opening, :closing, :rate)
					""")
				.param("id", id)
				.param("currency", section.currency())
				.param("opening", section.opening())
				.param("closing", section.closing())
				.param("rate", section.closingRate())
				.update();
			for (AccountStatement.Line line : section.lines()) {
				this.jdbc
					.sql("""
							insert into receivable.account_statement_line (statement_id, line_no, entry_date, kind, currency,
							    reference, debit, credit, balance)
							values (:id, :no, :date, :kind, :currency, :reference, :debit, :credit, :balance)
							""")
					.param("id", id)
					.param("no", line.lineNo())
					.param("date", line.date())
					.param("kind", line.kind().name())
					.param("currency", line.currency())
					.param("reference", line.reference())
					.param("debit", line.debit())
					.param("credit", line.credit())
					.param("balance", line.balance())
					.update();
			}
		}
		return id;
	}

	public void storePdf(long id, byte[] pdf, String sha256) {
		this.jdbc.sql("update receivable.account_statement set pdf = :pdf, pdf_sha256 = :sha where id = :id")
			.param("id", id)
			.param("pdf", pdf)
			.param("sha", sha256)
			.update();
	}

	public Optional<IssuedStatement> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from receivable.account_statement where id = :id")
			.param("id", id)
			.query((rs, n) -> issued(rs))
			.optional();
	}

	/** A customer's issued statements, newest period first. */
	public List<IssuedStatement> ofCustomer(String customerCode) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from receivable.account_statement where customer_code = :code order by period_to desc, id desc")
			.param("code", customerCode)
			.query((rs, n) -> issued(rs))
			.list();
	}

	public Optional<byte[]> pdf(long id) {
		return this.jdbc.sql("select pdf from receivable.account_statement where id = :id")
			.param("id", id)
			.query((rs, n) -> rs.getBytes("pdf"))
			.optional();
	}

	/** Records the answer once; false when the statement was answered already. */
	public boolean answer(long id, Status status, @Nullable String note, String by, Instant at) {
		return this.jdbc.sql("""
				update receivable.account_statement set status = :status, reply_note = :note, replied_by = :by,
				    replied_at = :at
				where id = :id and status = 'ISSUED'
				""")
			.param("id", id)
			.param("status", status.name())
			.param("note", note)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	public void markDisputed(long id, int lineNo, @Nullable String comment) {
		this.jdbc.sql("""
				update receivable.account_statement_line set disputed = true, dispute_comment = :comment
				where statement_id = :id and line_no = :no
				""").param("id", id).param("no", lineNo).param("comment", comment).update();
	}

	private IssuedStatement issued(ResultSet rs) throws SQLException {
		long id = rs.getLong("id");
		Timestamp repliedAt = rs.getTimestamp("replied_at");
		List<Balance> balances = this.jdbc.sql("""
				select currency, opening, closing, fx_rate from receivable.account_statement_balance
				where statement_id = :id order by currency
				""")
			.param("id", id)
			.query((b, n) -> new Balance(b.getString("currency"), b.getBigDecimal("opening"),
					b.getBigDecimal("closing"), b.getBigDecimal("fx_rate")))
			.list();
		List<Line> lines = this.jdbc
			.sql("select * from receivable.account_statement_line where statement_id = :id order by line_no")
			.param("id", id)
			.query((l, n) -> new Line(l.getInt("line_no"), l.getObject("entry_date", LocalDate.class),
					Kind.valueOf(l.getString("kind")), l.getString("currency"), l.getString("reference"),
					l.getBigDecimal("debit"), l.getBigDecimal("credit"), l.getBigDecimal("balance"),
					l.getBoolean("disputed"), l.getString("dispute_comment")))
			.list();
		String companyCurrency = rs.getString("company_currency");
		List<Balance> ordered = balances.stream()
			.sorted(java.util.Comparator.comparing((Balance b) -> !b.currency().equals(companyCurrency)))
			.toList();
		return new IssuedStatement(id, rs.getString("customer_code"), rs.getObject("period_from", LocalDate.class),
				rs.getObject("period_to", LocalDate.class), rs.getString("language"), companyCurrency,
				rs.getBigDecimal("company_opening"), rs.getBigDecimal("company_closing"), rs.getString("issued_by"),
				rs.getTimestamp("issued_at").toInstant(), rs.getString("pdf_sha256"),
				Status.valueOf(rs.getString("status")), rs.getString("reply_note"), rs.getString("replied_by"),
				repliedAt == null ? null : repliedAt.toInstant(), ordered, lines);
	}

}
