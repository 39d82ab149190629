package org.credence.receivable.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.credence.receivable.Allocation;
import org.credence.receivable.CreditNote;
import org.credence.receivable.Invoice;
import org.credence.receivable.InvoiceStatus;
import org.credence.receivable.Order;
import org.credence.receivable.OrderStatus;
import org.credence.receivable.Payment;
import org.credence.receivable.WriteOff;
import org.credence.receivable.WriteOffStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Orders, invoices, payments, credit notes, write-offs and allocations in the
 * {@code receivable} schema. Open amounts are derived from the allocations in force,
 * never stored.
 */
@Repository
public class LedgerRepository {

	private static final String INVOICE = """
			select i.*, i.amount - coalesce((select sum(a.amount) from receivable.allocation a
			                                 where a.invoice_id = i.id and a.reversed_on is null), 0) as open_amount
			from receivable.invoice i
			""";

	private static final String ORDER = """
			select o.*, coalesce((select sum(i.amount) from receivable.invoice i
			                      where i.order_number = o.number and i.currency = o.currency), 0) as invoiced_amount
			from receivable.sales_order o
			""";

	private static final String ALLOCATION = """
			select a.*, i.number as invoice_number, i.currency, p.external_id as payment_key, c.number as credit_note_key
			from receivable.allocation a
			join receivable.invoice i on i.id = a.invoice_id
			left join receivable.payment p on p.id = a.payment_id
			left join receivable.credit_note c on c.id = a.credit_note_id
			""";

	private static final String WRITE_OFF = """
			select w.*, i.number as invoice_number, i.customer_code, i.currency
			from receivable.write_off w join receivable.invoice i on i.id = w.invoice_id
			""";

	private final JdbcClient jdbc;

	LedgerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Serialises ledger writes for one customer until the transaction ends, so two
	 * payments cannot both take the same open amount.
	 */
	public void lockCustomer(String customerCode) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('receivable:' || :code))")
			.param("code", customerCode)
			.query()
			.singleRow();
	}

	// orders

	public Optional<Order> orderByExternalId(String externalId) {
		return this.jdbc.sql(ORDER + " where o.external_id = :id")
			.param("id", externalId)
			.query(LedgerRepository::order)
			.optional();
	}

	public Optional<Order> orderByNumber(String number) {
		return this.jdbc.sql(ORDER + " where o.number = :number")
			.param("number", number)
			.query(LedgerRepository::order)
			.optional();
	}

	/**
	 * The open value of every open order of the customers given (of every customer when
	 * {@code customerCodes} is null), in company currency at each order's rate, summed
	 * per customer and delivery date.
	 */
	public List<OpenOrderRow> openOrders(java.util.@Nullable Collection<String> customerCodes) {
		String filter = customerCodes == null ? "" : " and o.customer_code = any(:codes)";
		var query = this.jdbc
			.sql("""
					select o.customer_code, o.delivery_date, o.fx_rate,
					       o.amount - coalesce((select sum(i.amount) from receivable.invoice i
					                            where i.order_number = o.number and i.currency = o.currency), 0) as open_amount
					from receivable.sales_order o
					where o.status = 'OPEN'%s
					"""
				.formatted(filter));
		if (customerCodes != null) {
			query = query.param("codes", customerCodes.toArray(String[]::new));
		}
		return query
			.query((rs, n) -> new OpenOrderRow(rs.getString("customer_code"),
					rs.getObject("delivery_date", LocalDate.class),
					org.credence.receivable.Conversion.toCompany(rs.getBigDecimal("open_amount").max(BigDecimal.ZERO),
							rs.getBigDecimal("fx_rate"))))
			.list();
	}

	/** One open order's value not invoiced yet, in company currency. */
	public record OpenOrderRow(String customerCode, @Nullable LocalDate deliveryDate, BigDecimal companyOpenAmount) {
	}

	public List<Order> orders(String customerCode) {
		return this.jdbc.sql(ORDER + " where o.customer_code = :code order by o.order_date desc, o.number desc")
			.param("code", customerCode)
			.query(LedgerRepository::order)
			.list();
	}

	public long insertOrder(String externalId, String customerCode, String number, BigDecimal amount, String currency,
			BigDecimal rate, LocalDate orderDate, @Nullable LocalDate deliveryDate, OrderStatus status, String by,
			Instant at) {
		return this.jdbc.sql("""
				insert into receivable.sales_order
				  (external_id, customer_code, number, amount, currency, fx_rate, order_date, delivery_date, status,
				   recorded_by, recorded_at)
				values (:externalId, :code, :number, :amount, :currency, :rate, :date, :deliveryDate, :status, :by, :at)
				returning id
				""")
			.param("externalId", externalId)
			.param("code", customerCode)
			.param("number", number)
			.param("amount", amount)
			.param("currency", currency)
			.param("rate", rate)
			.param("date", orderDate)
			.param("deliveryDate", deliveryDate)
			.param("status", status.name())
			.param("by", by)
			.param("at", timestamp(at))
			.query(Long.class)
			.single();
	}

	public void changeOrder(long id, OrderStatus status, @Nullable LocalDate deliveryDate) {
		this.jdbc
			.sql("update receivable.sales_order set status = :status, delivery_date = :deliveryDate where id = :id")
			.param("status", status.name())
			.param("deliveryDate", deliveryDate)
			.param("id", id)
			.update();
	}

	// invoices

	public Optional<Invoice> invoiceByExternalId(String externalId) {
		return this.jdbc.sql(INVOICE + " where i.external_id = :id")
			.param("id", externalId)
			.query(LedgerRepository::invoice)
			.optional();
	}

	public Optional<Invoice> invoiceByNumber(String number) {
		return this.jdbc.sql(INVOICE + " where i.number = :number")
			.param("number", number)
			.query(LedgerRepository::invoice)
			.optional();
	}

	public Optional<Invoice> invoice(long id) {
		return this.jdbc.sql(INVOICE + " where i.id = :id").param("id", id).query(LedgerRepository::invoice).optional();
	}

	/** A customer's invoices, oldest due first. */
	public List<Invoice> invoices(String customerCode) {
		return this.jdbc.sql(INVOICE + " where i.customer_code = :code order by i.due_date, i.issue_date, i.number")
			.param("code", customerCode)
			.query(LedgerRepository::invoice)
			.list();
	}

	/**
	 * The company-currency amount of the customer's invoices issued from {@code from} to
	 * {@code to}, both included.
	 */
	public BigDecimal invoicedSales(String customerCode, LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				select coalesce(sum(company_amount), 0) from receivable.invoice
				 where customer_code = :code and issue_date between :from and :to
				""").param("code", customerCode).param("from", from).param("to", to).query(BigDecimal.class).single();
	}

	/** The credit notes issued to the customer in the period, in company currency. */
	public BigDecimal creditedSales(String customerCode, LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				select coalesce(sum(company_amount), 0) from receivable.credit_note
				 where customer_code = :code and issue_date between :from and :to
				""").param("code", customerCode).param("from", from).param("to", to).query(BigDecimal.class).single();
	}

	/**
	 * Records an invoice, and its customer in the aging's copy of customers when the copy
	 * does not know it yet (by code only, for the aging to fill in).
	 */
	public long insertInvoice(String externalId, String customerCode, String number, @Nullable String orderNumber,
			BigDecimal amount, String currency, BigDecimal rate, BigDecimal companyAmount, LocalDate issueDate,
			LocalDate dueDate, String by, Instant at) {
		noteCustomers(List.of(customerCode));
		return this.jdbc.sql("""
				insert into receivable.invoice
				  (external_id, customer_code, number, order_number, amount, currency, fx_rate, company_amount,
				   issue_date, due_date, recorded_by, recorded_at)
				values (:externalId, :code, :number, :orderNumber, :amount, :currency, :rate, :companyAmount,
				        :issueDate, :dueDate, :by, :at)
				returning id
				""")
			.param("externalId", externalId)
			.param("code", customerCode)
			.param("number", number)
			.param("orderNumber", orderNumber)
			.param("amount", amount)
			.param("currency", currency)
			.param("rate", rate)
			.param("companyAmount", companyAmount)
			.param("issueDate", issueDate)
			.param("dueDate", dueDate)
			.param("by", by)
			.param("at", timestamp(at))
			.query(Long.class)
			.single();
	}

	/**
	 * Gives every customer of these codes a row in the aging's copy of customers
	 * ({@code receivable.aging_customer}) if it has none: every writer of invoices calls
	 * this (once per statement, not per row as a trigger would).
	 */
	public void noteCustomers(List<String> customerCodes) {
		if (customerCodes.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into receivable.aging_customer (customer_code, customer_name, synced)
				select c, c, false from unnest(:codes::varchar[]) c
				on conflict (customer_code) do nothing
				""").param("codes", customerCodes.toArray(String[]::new)).update();
	}

	public void dispute(long invoiceId, String reason, LocalDate on, String by) {
		this.jdbc
			.sql("""
					update receivable.invoice set disputed = true, dispute_reason = :reason, disputed_on = :on, disputed_by = :by
					where id = :id
					""")
			.param("reason", reason)
			.param("on", on)
			.param("by", by)
			.param("id", invoiceId)
			.update();
	}

	public void resolveDispute(long invoiceId) {
		this.jdbc
			.sql("""
					update receivable.invoice set disputed = false, dispute_reason = null, disputed_on = null, disputed_by = null
					where id = :id
					""")
			.param("id", invoiceId)
			.update();
	}

	public void markWrittenOff(long invoiceId, LocalDate on) {
		this.jdbc.sql("update receivable.invoice set written_off_on = :on where id = :id")
			.param("on", on)
			.param("id", invoiceId)
			.update();
	}

	// payments

	public Optional<Payment> paymentByExternalId(String externalId) {
		return this.jdbc.sql("select * from receivable.payment where external_id = :id")
			.param("id", externalId)
			.query((rs, n) -> payment(rs, allocationsOfPayment(rs.getLong("id"))))
			.optional();
	}

	/** A customer's payments, newest first. */
	public List<Payment> payments(String customerCode) {
		return this.jdbc
			.sql("select * from receivable.payment where customer_code = :code order by received_date desc, id desc")
			.param("code", customerCode)
			.query((rs, n) -> payment(rs, allocationsOfPayment(rs.getLong("id"))))
			.list();
	}

	public @Nullable String requestedAllocations(long paymentId) {
		return this.jdbc.sql("select requested_allocations from receivable.payment where id = :id")
			.param("id", paymentId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	public long insertPayment(String externalId, String customerCode, BigDecimal amount, String currency,
			BigDecimal rate, BigDecimal companyAmount, LocalDate receivedDate, @Nullable String reference,
			@Nullable String requestedAllocations, String by, Instant at) {
		return this.jdbc.sql("""
				insert into receivable.payment
				  (external_id, customer_code, amount, currency, fx_rate, company_amount, received_date, reference,
				   requested_allocations, recorded_by, recorded_at)
				values (:externalId, :code, :amount, :currency, :rate, :companyAmount, :receivedDate, :reference,
				        :requested, :by, :at)
				returning id
				""")
			.param("externalId", externalId)
			.param("code", customerCode)
			.param("amount", amount)
			.param("currency", currency)
			.param("rate", rate)
			.param("companyAmount", companyAmount)
			.param("receivedDate", receivedDate)
			.param("reference", reference)
			.param("requested", requestedAllocations)
			.param("by", by)
			.param("at", timestamp(at))
			.query(Long.class)
			.single();
	}

	/** Marks a payment reversed and takes its allocations out of force from that day. */
	public void reversePayment(long paymentId, LocalDate on, String reason, String by) {
		this.jdbc.sql("""
				update receivable.payment set reversed_on = :on, reversal_reason = :reason, reversed_by = :by
				where id = :id
				""").param("on", on).param("reason", reason).param("by", by).param("id", paymentId).update();
		this.jdbc
			.sql("update receivable.allocation set reversed_on = :on where payment_id = :id and reversed_on is null")
			.param("on", on)
			.param("id", paymentId)
			.update();
	}

	// credit notes

	public Optional<CreditNote> creditNoteByExternalId(String externalId) {
		return this.jdbc.sql("select * from receivable.credit_note where external_id = :id")
			.param("id", externalId)
			.query((rs, n) -> creditNote(rs, allocationsOfCreditNote(rs.getLong("id"))))
			.optional();
	}

	public Optional<CreditNote> creditNoteByNumber(String number) {
		return this.jdbc.sql("select * from receivable.credit_note where number = :number")
			.param("number", number)
			.query((rs, n) -> creditNote(rs, allocationsOfCreditNote(rs.getLong("id"))))
			.optional();
	}

	public List<CreditNote> creditNotes(String customerCode) {
		return this.jdbc
			.sql("select * from receivable.credit_note where customer_code = :code order by issue_date desc, id desc")
			.param("code", customerCode)
			.query((rs, n) -> creditNote(rs, allocationsOfCreditNote(rs.getLong("id"))))
			.list();
	}

	public long insertCreditNote(String externalId, String customerCode, String number, @Nullable String invoiceNumber,
			BigDecimal amount, String currency, BigDecimal rate, BigDecimal companyAmount, LocalDate issueDate,
			String by, Instant at) {
		return this.jdbc.sql("""
				insert into receivable.credit_note
				  (external_id, customer_code, number, invoice_number, amount, currency, fx_rate, company_amount,
				   issue_date, recorded_by, recorded_at)
				values (:externalId, :code, :number, :invoiceNumber, :amount, :currency, :rate, :companyAmount,
				        :issueDate, :by, :at)
				returning id
				""")
			.param("externalId", externalId)
			.param("code", customerCode)
			.param("number", number)
			.param("invoiceNumber", invoiceNumber)
			.param("amount", amount)
			.param("currency", currency)
			.param("rate", rate)
			.param("companyAmount", companyAmount)
			.param("issueDate", issueDate)
			.param("by", by)
			.param("at", timestamp(at))
			.query(Long.class)
			.single();
	}

	// allocations

	public enum Source {

		PAYMENT("payment_id"), CREDIT_NOTE("credit_note_id"), WRITE_OFF("write_off_id");

		private final String column;

		Source(String column) {
			this.column = column;
		}

	}

	public void allocate(long invoiceId, Source source, long sourceId, BigDecimal amount, LocalDate effectiveOn) {
		this.jdbc
			.sql("insert into receivable.allocation (invoice_id, " + source.column
					+ ", amount, effective_on) values (:invoiceId, :sourceId, :amount, :effectiveOn)")
			.param("invoiceId", invoiceId)
			.param("sourceId", sourceId)
			.param("amount", amount)
			.param("effectiveOn", effectiveOn)
			.update();
	}

	public List<Allocation> allocationsOfPayment(long paymentId) {
		return this.jdbc.sql(ALLOCATION + " where a.payment_id = :id order by a.id")
			.param("id", paymentId)
			.query(LedgerRepository::allocation)
			.list();
	}

	public List<Allocation> allocationsOfCreditNote(long creditNoteId) {
		return this.jdbc.sql(ALLOCATION + " where a.credit_note_id = :id order by a.id")
			.param("id", creditNoteId)
			.query(LedgerRepository::allocation)
			.list();
	}

	public List<Allocation> allocationsOfInvoice(long invoiceId) {
		return this.jdbc.sql(ALLOCATION + " where a.invoice_id = :id order by a.effective_on, a.id")
			.param("id", invoiceId)
			.query(LedgerRepository::allocation)
			.list();
	}

	// write-offs

	public long insertWriteOff(long invoiceId, BigDecimal amount, String reason, String by, Instant at) {
		return this.jdbc.sql("""
				insert into receivable.write_off (invoice_id, amount, reason, status, proposed_by, proposed_at)
				values (:invoiceId, :amount, :reason, 'PROPOSED', :by, :at)
				returning id
				""")
			.param("invoiceId", invoiceId)
			.param("amount", amount)
			.param("reason", reason)
			.param("by", by)
			.param("at", timestamp(at))
			.query(Long.class)
			.single();
	}

	public Optional<WriteOff> writeOff(long id) {
		return this.jdbc.sql(WRITE_OFF + " where w.id = :id")
			.param("id", id)
			.query(LedgerRepository::writeOff)
			.optional();
	}

	public Optional<WriteOff> pendingWriteOff(long invoiceId) {
		return this.jdbc.sql(WRITE_OFF + " where w.invoice_id = :id and w.status = 'PROPOSED'")
			.param("id", invoiceId)
			.query(LedgerRepository::writeOff)
			.optional();
	}

	/** A customer's write-offs, newest first. */
	public List<WriteOff> writeOffs(String customerCode) {
		return this.jdbc.sql(WRITE_OFF + " where i.customer_code = :code order by w.proposed_at desc, w.id desc")
			.param("code", customerCode)
			.query(LedgerRepository::writeOff)
			.list();
	}

	/** Every proposal waiting for a decision, oldest first. */
	public List<WriteOff> pendingWriteOffs() {
		return this.jdbc.sql(WRITE_OFF + " where w.status = 'PROPOSED' order by w.proposed_at, w.id")
			.query(LedgerRepository::writeOff)
			.list();
	}

	public void decideWriteOff(long id, WriteOffStatus status, BigDecimal amount, String by, Instant at,
			@Nullable String note) {
		this.jdbc.sql("""
				update receivable.write_off set status = :status, amount = :amount, decided_by = :by, decided_at = :at,
				  decision_note = :note
				where id = :id
				""")
			.param("status", status.name())
			.param("amount", amount)
			.param("by", by)
			.param("at", timestamp(at))
			.param("note", note)
			.param("id", id)
			.update();
	}

	// rows

	private static OffsetDateTime timestamp(Instant at) {
		return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static BigDecimal rate(ResultSet rs) throws SQLException {
		BigDecimal stripped = rs.getBigDecimal("fx_rate").stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	private static Order order(ResultSet rs, int row) throws SQLException {
		OrderStatus status = OrderStatus.valueOf(rs.getString("status"));
		BigDecimal amount = rs.getBigDecimal("amount");
		BigDecimal invoiced = rs.getBigDecimal("invoiced_amount").setScale(2);
		BigDecimal open = status == OrderStatus.OPEN ? amount.subtract(invoiced).max(BigDecimal.ZERO).setScale(2)
				: BigDecimal.ZERO.setScale(2);
		return new Order(rs.getLong("id"), rs.getString("external_id"), rs.getString("customer_code"),
				rs.getString("number"), amount, rs.getString("currency"), rate(rs),
				rs.getObject("order_date", LocalDate.class), status, invoiced, open, instant(rs, "recorded_at"),
				rs.getObject("delivery_date", LocalDate.class));
	}

	private static Invoice invoice(ResultSet rs, int row) throws SQLException {
		BigDecimal open = rs.getBigDecimal("open_amount").setScale(2);
		LocalDate writtenOffOn = rs.getObject("written_off_on", LocalDate.class);
		InvoiceStatus status = writtenOffOn != null ? InvoiceStatus.WRITTEN_OFF
				: open.signum() == 0 ? InvoiceStatus.PAID : InvoiceStatus.OPEN;
		return new Invoice(rs.getLong("id"), rs.getString("external_id"), rs.getString("customer_code"),
				rs.getString("number"), rs.getString("order_number"), rs.getBigDecimal("amount"),
				rs.getString("currency"), rate(rs), rs.getBigDecimal("company_amount"),
				rs.getObject("issue_date", LocalDate.class), rs.getObject("due_date", LocalDate.class), open, status,
				rs.getBoolean("disputed"), rs.getString("dispute_reason"), rs.getObject("disputed_on", LocalDate.class),
				writtenOffOn, instant(rs, "recorded_at"));
	}

	private static Payment payment(ResultSet rs, List<Allocation> allocations) throws SQLException {
		BigDecimal amount = rs.getBigDecimal("amount");
		LocalDate reversedOn = rs.getObject("reversed_on", LocalDate.class);
		BigDecimal applied = allocations.stream()
			.filter(Allocation::isInForce)
			.map(Allocation::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal unapplied = reversedOn != null ? BigDecimal.ZERO.setScale(2) : amount.subtract(applied);
		return new Payment(rs.getLong("id"), rs.getString("external_id"), rs.getString("customer_code"), amount,
				rs.getString("currency"), rate(rs), rs.getBigDecimal("company_amount"),
				rs.getObject("received_date", LocalDate.class), rs.getString("reference"), allocations, unapplied,
				reversedOn, rs.getString("reversal_reason"), instant(rs, "recorded_at"));
	}

	private static CreditNote creditNote(ResultSet rs, List<Allocation> allocations) throws SQLException {
		BigDecimal amount = rs.getBigDecimal("amount");
		BigDecimal applied = allocations.stream().map(Allocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		return new CreditNote(rs.getLong("id"), rs.getString("external_id"), rs.getString("customer_code"),
				rs.getString("number"), rs.getString("invoice_number"), amount, rs.getString("currency"), rate(rs),
				rs.getBigDecimal("company_amount"), rs.getObject("issue_date", LocalDate.class), allocations,
				amount.subtract(applied), instant(rs, "recorded_at"));
	}

	private static Allocation allocation(ResultSet rs, int row) throws SQLException {
		String source;
		String key;
		if (rs.getObject("payment_id") != null) {
			source = "PAYMENT";
			key = rs.getString("payment_key");
		}
		else if (rs.getObject("credit_note_id") != null) {
			source = "CREDIT_NOTE";
			key = rs.getString("credit_note_key");
		}
		else {
			source = "WRITE_OFF";
			key = Long.toString(rs.getLong("write_off_id"));
		}
		return new Allocation(rs.getString("invoice_number"), source, key, rs.getBigDecimal("amount"),
				rs.getString("currency"), rs.getObject("effective_on", LocalDate.class),
				rs.getObject("reversed_on", LocalDate.class));
	}

	private static WriteOff writeOff(ResultSet rs, int row) throws SQLException {
		return new WriteOff(rs.getLong("id"), rs.getString("invoice_number"), rs.getString("customer_code"),
				rs.getBigDecimal("amount"), rs.getString("currency"), rs.getString("reason"),
				WriteOffStatus.valueOf(rs.getString("status")), rs.getString("proposed_by"), instant(rs, "proposed_at"),
				rs.getString("decided_by"), nullableInstant(rs, "decided_at"), rs.getString("decision_note"));
	}

}
