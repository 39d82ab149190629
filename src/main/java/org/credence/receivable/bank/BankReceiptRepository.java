package org.credence.receivable.bank;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.credence.receivable.BankReceipt;
import org.credence.receivable.BankReceiptEntry;
import org.credence.receivable.BankReceiptStatus;
import org.credence.receivable.ReceiptMatch;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code receivable.bank_receipt}, and the invoice look-ups the matcher needs (open
 * amounts derived from the allocations in force, as in the ledger).
 */
@Repository
public class BankReceiptRepository {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	BankReceiptRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<BankReceipt> byKey(String lineKey) {
		return this.jdbc.sql("select * from receivable.bank_receipt where line_key = ?")
			.param(lineKey)
			.query(BankReceiptRepository::receipt)
			.optional();
	}

	public Optional<BankReceipt> byId(long id) {
		return this.jdbc.sql("select * from receivable.bank_receipt where id = ?")
			.param(id)
			.query(BankReceiptRepository::receipt)
			.optional();
	}

	/** Locks a receipt for a decision; empty when unknown. */
	public Optional<BankReceipt> lock(long id) {
		return this.jdbc.sql("select * from receivable.bank_receipt where id = ? for update")
			.param(id)
			.query(BankReceiptRepository::receipt)
			.optional();
	}

	/**
	 * One page, oldest booking first, of one status or of all; with {@code decidedOnly}
	 * only matched and assigned receipts, and with {@code customerCodes} only those of
	 * these customers.
	 */
	public List<BankReceipt> list(@Nullable BankReceiptStatus status, boolean decidedOnly,
			@Nullable Collection<String> customerCodes, int limit, long offset) {
		Map<String, Object> params = new HashMap<>();
		String where = where(status, decidedOnly, customerCodes, params);
		params.put("limit", limit);
		params.put("offset", offset);
		return this.jdbc
			.sql("select * from receivable.bank_receipt" + where
					+ " order by booking_date, id limit :limit offset :offset")
			.params(params)
			.query(BankReceiptRepository::receipt)
			.list();
	}

	public long count(@Nullable BankReceiptStatus status, boolean decidedOnly,
			@Nullable Collection<String> customerCodes) {
		Map<String, Object> params = new HashMap<>();
		String where = where(status, decidedOnly, customerCodes, params);
		return this.jdbc.sql("select count(*) from receivable.bank_receipt" + where)
			.params(params)
			.query(Long.class)
			.single();
	}

	/** The customers that matched or assigned receipts belong to. */
	public List<String> decidedCustomerCodes() {
		return this.jdbc.sql("""
				select distinct customer_code from receivable.bank_receipt
				where status in ('MATCHED', 'ASSIGNED') and customer_code is not null
				""").query(String.class).list();
	}

	private static String where(@Nullable BankReceiptStatus status, boolean decidedOnly,
			@Nullable Collection<String> customerCodes, Map<String, Object> params) {
		List<String> conditions = new ArrayList<>();
		if (status != null) {
			conditions.add("status = :status");
			params.put("status", status.name());
		}
		if (decidedOnly) {
			conditions.add("status in ('MATCHED', 'ASSIGNED')");
		}
		if (customerCodes != null) {
			conditions.add("customer_code = any(:codes)");
			params.put("codes", customerCodes.toArray(String[]::new));
		}
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	/**
	 * Stores a receipt. Returns its id, or empty when a receipt with the same line key
	 * exists already.
	 */
	public Optional<Long> insert(BankReceiptEntry entry, @Nullable String remittance, String importedBy, Instant at) {
		return this.jdbc.sql("""
				insert into receivable.bank_receipt (line_key, statement_account, statement_reference, format,
				    booking_date, value_date, amount, currency, payer_name, payer_account, remittance, end_to_end_id,
				    bank_reference, status, imported_by, imported_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'UNMATCHED', ?, ?)
				on conflict (line_key) do nothing returning id
				""")
			.params(entry.lineKey(), cut(entry.statementAccount(), 64), cut(entry.statementReference(), 100),
					entry.format(), entry.bookingDate(), entry.valueDate(), entry.amount(), entry.currency(),
					cut(entry.payerName(), 300), cut(entry.payerAccount(), 64), cut(remittance, 2000),
					cut(entry.endToEndId(), 100), cut(entry.bankReference(), 100), importedBy,
					at.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.optional();
	}

	public void matched(long id, BankReceiptStatus status, ReceiptMatch match, String customerCode,
			List<String> invoiceNumbers, String paymentExternalId, @Nullable String decidedBy,
			@Nullable Instant decidedAt) {
		this.jdbc
			.sql("""
					update receivable.bank_receipt set status = ?, match_method = ?, customer_code = ?, invoice_numbers = ?,
					    payment_external_id = ?, reason_code = null, reason_detail = null, reason_notes = null, decided_by = ?, decided_at = ?
					where id = ?
					""")
			.params(status.name(), match.name(), customerCode,
					invoiceNumbers.isEmpty() ? null : cut(String.join(",", invoiceNumbers), 1000), paymentExternalId,
					decidedBy, decidedAt == null ? null : decidedAt.atOffset(ZoneOffset.UTC), id)
			.update();
	}

	public void unmatched(long id, String reasonCode, List<ReasonNote> notes, @Nullable String customerCode) {
		this.jdbc
			.sql("""
					update receivable.bank_receipt set reason_code = ?, reason_detail = null, reason_notes = cast(? as jsonb),
					    customer_code = ? where id = ?
					""")
			.params(reasonCode, notes.isEmpty() ? null : JSON.writeValueAsString(notes), customerCode, id)
			.update();
	}

	/**
	 * The notes of a receipt read by {@link #byId} and the like: they come in its
	 * {@code reasonDetail} as stored (JSON), for the caller to render.
	 */
	public static List<ReasonNote> notes(String stored) {
		return List.of(JSON.readValue(stored, ReasonNote[].class));
	}

	/** Whether a receipt's {@code reasonDetail} holds stored notes rather than text. */
	public static boolean holdsNotes(@Nullable String reasonDetail) {
		return reasonDetail != null && reasonDetail.startsWith("[");
	}

	public void dismissed(long id, String reason, String decidedBy, Instant decidedAt) {
		this.jdbc.sql("""
				update receivable.bank_receipt set status = 'DISMISSED', dismissal_reason = ?, decided_by = ?,
				    decided_at = ? where id = ?
				""").params(reason, decidedBy, decidedAt.atOffset(ZoneOffset.UTC), id).update();
	}

	/**
	 * The invoices numbered as one of {@code candidates}, each with its customer,
	 * currency and whether anything of it is open.
	 */
	public List<InvoiceOwner> invoicesNumbered(Collection<String> candidates) {
		if (candidates.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select i.number, i.customer_code, i.currency,
				       i.written_off_on is null
				       and i.amount > coalesce((select sum(a.amount) from receivable.allocation a
				                                where a.invoice_id = i.id and a.reversed_on is null), 0) as open
				from receivable.invoice i where i.number = any(?) order by i.due_date, i.id
				""")
			.param(candidates.toArray(String[]::new))
			.query((rs, n) -> new InvoiceOwner(rs.getString("number"), rs.getString("customer_code"),
					rs.getString("currency"), rs.getBoolean("open")))
			.list();
	}

	/**
	 * Open, undisputed invoices in a currency with exactly this amount open, at most
	 * {@code limit}.
	 */
	public List<InvoiceOwner> openInvoicesOf(BigDecimal openAmount, String currency, int limit) {
		return this.jdbc.sql("""
				select i.number, i.customer_code, i.currency from receivable.invoice i
				where i.currency = ? and i.written_off_on is null and not i.disputed
				  and i.amount - coalesce((select sum(a.amount) from receivable.allocation a
				                           where a.invoice_id = i.id and a.reversed_on is null), 0) = ?
				order by i.due_date, i.id limit ?
				""")
			.params(currency, openAmount, limit)
			.query((rs, n) -> new InvoiceOwner(rs.getString("number"), rs.getString("customer_code"),
					rs.getString("currency"), true))
			.list();
	}

	private static @Nullable String cut(@Nullable String text, int length) {
		return text == null || text.length() <= length ? text : text.substring(0, length);
	}

	private static BankReceipt receipt(ResultSet rs, int row) throws SQLException {
		String invoices = rs.getString("invoice_numbers");
		String match = rs.getString("match_method");
		OffsetDateTime decidedAt = rs.getObject("decided_at", OffsetDateTime.class);
		return new BankReceipt(rs.getLong("id"), rs.getString("line_key"), rs.getString("format"),
				rs.getString("statement_account"), rs.getString("statement_reference"),
				rs.getObject("booking_date", LocalDate.class), rs.getObject("value_date", LocalDate.class),
				rs.getBigDecimal("amount"), rs.getString("currency"), rs.getString("payer_name"),
				rs.getString("payer_account"), rs.getString("remittance"), rs.getString("end_to_end_id"),
				rs.getString("bank_reference"), BankReceiptStatus.valueOf(rs.getString("status")),
				match == null ? null : ReceiptMatch.valueOf(match), rs.getString("reason_code"),
				rs.getString("reason_notes") != null ? rs.getString("reason_notes") : rs.getString("reason_detail"),
				rs.getString("customer_code"), invoices == null ? List.of() : Arrays.asList(invoices.split(",")),
				rs.getString("payment_external_id"), rs.getString("dismissal_reason"), rs.getString("imported_by"),
				rs.getObject("imported_at", OffsetDateTime.class).toInstant(), rs.getString("decided_by"),
				decidedAt == null ? null : decidedAt.toInstant());
	}

	/**
	 * An invoice number with the customer it belongs to, its currency and whether
	 * anything of it is open.
	 */
	public record InvoiceOwner(String number, String customerCode, String currency, boolean open) {
	}

}
