package org.credence.receivable.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import org.apache.commons.codec.digest.MurmurHash3;
import org.credence.receivable.LedgerProblem;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * Invoices written set-based, for imports of up to millions of rows: the rows are
 * streamed with {@code COPY} into a temporary staging table of the current transaction,
 * checked there with a handful of statements over the whole set (customer, external id,
 * number, order, FX rate), and the good ones inserted with one {@code INSERT … SELECT}.
 * The staging table is dropped at commit or rollback. Must run inside a transaction.
 * <p>
 * The checks mirror {@code Receivables.recordInvoice} row by row, in its order: the
 * customer must be known and visible, an external id on file with the same content is
 * nothing to do and with other content a conflict, a number may not be another invoice's,
 * a named order must be the customer's, a currency other than the company's needs a rate
 * on or before the issue date. The company amount is {@code round(amount × rate, 2)}:
 * PostgreSQL rounds a numeric half away from zero, which for these positive amounts is
 * HALF_UP, as {@code Conversion.toCompany} does.
 */
@Repository
public class InvoiceStaging {

	private static final Logger log = LoggerFactory.getLogger(InvoiceStaging.class);

	private static final int COPY_CHUNK = 256 * 1024;

	/** How long a first load waits for the invoice table before it loads row by row. */
	private static final Duration BULK_LOAD_WAIT = Duration.ofSeconds(5);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final BulkLoad bulkLoad;

	private final int bulkLoadRows;

	InvoiceStaging(DataSource dataSource, BulkLoad bulkLoad,
			@Value("${credence.receivable.bulk-load-rows:0}") int bulkLoadRows) {
		this.bulkLoad = bulkLoad;
		this.bulkLoadRows = bulkLoadRows;
		// without the application's query timeout: inserting a million invoices into the
		// indexed ledger table takes longer than any single lookup should
		this.jdbc = JdbcClient.create(new JdbcTemplate(dataSource));
		this.dataSource = dataSource;
	}

	/** An invoice whose fields have been checked, ready for staging. */
	public record Staged(int row, String externalId, String customerCode, String number, @Nullable String orderNumber,
			BigDecimal amount, String currency, LocalDate issueDate, LocalDate dueDate) {
	}

	/** Creates the staging table and opens the {@code COPY} into it. */
	public Stage open() {
		// sorts and hashes over a million staged rows stay in memory, for this
		// transaction
		this.jdbc.sql("set local work_mem = '256MB'").update();
		this.jdbc.sql("""
				create temporary table invoice_stage (
				    row_no         integer        not null,
				    external_id    varchar(100)   collate "C" not null,
				    customer_code  varchar(64)    collate "C" not null,
				    number         varchar(64)    collate "C" not null,
				    order_number   varchar(64)    collate "C",
				    amount         numeric(19, 2) not null,
				    currency       char(3)        collate "C" not null,
				    issue_date     date           not null,
				    due_date       date           not null,
				    unchanged      boolean        not null default false,
				    problem        varchar(100),
				    problem_field  varchar(32),
				    problem_args   text[]
				) on commit drop
				""").update();
		try {
			Connection connection = DataSourceUtils.getConnection(this.dataSource);
			CopyIn copy = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy invoice_stage (row_no, external_id, customer_code, number, order_number, amount, "
						+ "currency, issue_date, due_date) from stdin (format csv)");
			return new Stage(copy);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot stage invoices", ex);
		}
	}

	/**
	 * The open {@code COPY} of invoices into the staging table. It fingerprints each
	 * row's external id and number (64 bits of MurmurHash3, 16 bytes a row) so that the
	 * checks for keys repeated within the file, two passes over the whole stage, run only
	 * when two fingerprints are equal: most files repeat nothing.
	 */
	public static final class Stage {

		private final CopyIn copy;

		private final StringBuilder buffer = new StringBuilder(COPY_CHUNK + 1024);

		private long[] externalIds = new long[1024];

		private long[] numbers = new long[1024];

		private int rows;

		private List<String> customerCodes = List.of();

		Stage(CopyIn copy) {
			this.copy = copy;
		}

		public void add(Staged invoice) {
			StringBuilder b = this.buffer;
			b.append(invoice.row()).append(',');
			quoted(b, invoice.externalId()).append(',');
			quoted(b, invoice.customerCode()).append(',');
			quoted(b, invoice.number()).append(',');
			if (invoice.orderNumber() != null) {
				quoted(b, invoice.orderNumber());
			}
			b.append(',').append(invoice.amount().toPlainString()).append(',');
			b.append(invoice.currency()).append(',');
			b.append(invoice.issueDate()).append(',').append(invoice.dueDate()).append('\n');
			if (this.rows == this.externalIds.length) {
				this.externalIds = Arrays.copyOf(this.externalIds, this.rows * 2);
				this.numbers = Arrays.copyOf(this.numbers, this.rows * 2);
			}
			this.externalIds[this.rows] = fingerprint(invoice.externalId());
			this.numbers[this.rows] = fingerprint(invoice.number());
			this.rows++;
			if (b.length() >= COPY_CHUNK) {
				flush();
			}
		}

		public int rows() {
			return this.rows;
		}

		/** Whether two staged rows may share an external id (false: certainly not). */
		boolean mayRepeatExternalIds() {
			return hasEqual(this.externalIds, this.rows);
		}

		/** Whether two staged rows may share a number (false: certainly not). */
		boolean mayRepeatNumbers() {
			return hasEqual(this.numbers, this.rows);
		}

		private static long fingerprint(String key) {
			return MurmurHash3.hash128x64(key.getBytes(StandardCharsets.UTF_8))[0];
		}

		private static boolean hasEqual(long[] values, int count) {
			long[] sorted = Arrays.copyOf(values, count);
			Arrays.sort(sorted);
			for (int i = 1; i < sorted.length; i++) {
				if (sorted[i] == sorted[i - 1]) {
					return true;
				}
			}
			return false;
		}

		/** Ends the {@code COPY}: every row added is in the staging table. */
		public void close() {
			flush();
			try {
				this.copy.endCopy();
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Cannot stage invoices", ex);
			}
		}

		/** Abandons the {@code COPY} after a failure; the transaction rolls back. */
		public void abandon() {
			try {
				if (this.copy.isActive()) {
					this.copy.cancelCopy();
				}
			}
			catch (SQLException ex) {
				// the transaction is rolled back anyway
			}
		}

		private void flush() {
			if (this.buffer.isEmpty()) {
				return;
			}
			byte[] bytes = this.buffer.toString().getBytes(StandardCharsets.UTF_8);
			this.buffer.setLength(0);
			try {
				this.copy.writeToCopy(bytes, 0, bytes.length);
			}
			catch (SQLException ex) {
				throw new UncheckedIOException(new IOException("Cannot stage invoices", ex));
			}
		}

		private static StringBuilder quoted(StringBuilder b, String text) {
			b.append('"');
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '"') {
					b.append('"');
				}
				b.append(c);
			}
			return b.append('"');
		}

	}

	/** The distinct customer codes of the staged rows, sorted. */
	public List<String> customerCodes(Stage stage) {
		this.jdbc.sql("analyze invoice_stage").update();
		stage.customerCodes = this.jdbc.sql("select distinct customer_code from invoice_stage order by 1")
			.query(String.class)
			.list();
		return stage.customerCodes;
	}

	/**
	 * Checks the staged rows set-based, marking each refused row with its problem and
	 * each row that repeats a recorded invoice as unchanged.
	 * @param stage the closed stage, which knows whether keys may repeat within the file
	 * @param visibleCustomers the staged customers that exist within the caller's scope
	 * @param companyCurrency the company currency, which needs no rate
	 * @return how many rows repeated an invoice on file with the same content: they are
	 * taken off the stage
	 */
	public int check(Stage stage, Collection<String> visibleCustomers, String companyCurrency) {
		this.jdbc.sql(
				"create temporary table invoice_stage_customer (code varchar(64) collate \"C\" primary key) on commit drop")
			.update();
		this.jdbc.sql("insert into invoice_stage_customer select unnest(string_to_array(:codes, chr(31)))")
			.param("codes", String.join("\u001F", visibleCustomers))
			.update();
		mark("""
				update invoice_stage s set problem = 'customer.not-found', problem_field = 'customerCode',
				       problem_args = array[s.customer_code]
				where not exists (select 1 from invoice_stage_customer c where c.code = s.customer_code)
				""");
		// a row repeating an invoice on file changes nothing: it leaves the stage
		// (cheaper
		// than marking a million rows when a whole file is sent again), counted
		int onFile = this.jdbc.sql("""
				delete from invoice_stage s using receivable.invoice i
				where i.external_id = s.external_id and s.problem is null
				  and i.customer_code = s.customer_code and i.number = s.number and i.amount = s.amount
				  and i.currency = s.currency and i.issue_date = s.issue_date and i.due_date = s.due_date
				  and i.order_number is not distinct from s.order_number
				""").update();
		mark("""
				update invoice_stage s set problem = 'receivable.external-id.conflict', problem_field = 'externalId',
				       problem_args = array[s.external_id]
				from receivable.invoice i
				where i.external_id = s.external_id and s.problem is null
				""");
		// an external id repeated in the file: the first row counts, a later one with the
		// same content changes nothing, one with other content is a conflict
		if (stage.mayRepeatExternalIds()) {
			mark("""
					with firsts as (
					    select distinct on (external_id) * from invoice_stage
					    where problem is null and not unchanged
					      and external_id in (select external_id from invoice_stage where problem is null and not unchanged
					                          group by external_id having count(*) > 1)
					    order by external_id, row_no),
					repeats as (
					    select s.row_no, f.row_no as first_row,
					           (f.customer_code = s.customer_code and f.number = s.number and f.amount = s.amount
					            and f.currency = s.currency and f.issue_date = s.issue_date and f.due_date = s.due_date
					            and f.order_number is not distinct from s.order_number) as same
					    from invoice_stage s join firsts f on f.external_id = s.external_id
					    where s.row_no > f.row_no and s.problem is null and not s.unchanged)
					update invoice_stage s
					set unchanged = r.same,
					    problem = case when r.same then null else 'receivable.import.external-id.repeated' end,
					    problem_field = case when r.same then null else 'externalId' end,
					    problem_args = case when r.same then null else array[s.external_id, r.first_row::text] end
					from repeats r where r.row_no = s.row_no
					""");
		}
		mark("""
				update invoice_stage s set problem = 'receivable.invoice.number.exists', problem_field = 'number',
				       problem_args = array[s.number]
				from receivable.invoice i
				where i.number = s.number and s.problem is null and not s.unchanged
				""");
		if (stage.mayRepeatNumbers()) {
			mark("""
					update invoice_stage s set problem = 'receivable.import.number.repeated', problem_field = 'number',
					       problem_args = array[s.number, f.row_no::text]
					from (select distinct on (number) number, row_no from invoice_stage
					      where number in (select number from invoice_stage where problem is null and not unchanged
					                       group by number having count(*) > 1)
					        and problem is null and not unchanged
					      order by number, row_no) f
					where s.number = f.number and s.row_no > f.row_no and s.problem is null and not s.unchanged
					""");
		}
		mark("""
				update invoice_stage s set problem = 'receivable.order.unknown', problem_field = 'orderNumber',
				       problem_args = array[s.order_number]
				where s.order_number is not null and s.problem is null and not s.unchanged
				  and not exists (select 1 from receivable.sales_order o
				                  where o.number = s.order_number and o.customer_code = s.customer_code)
				""");
		// one rate per currency and day, looked up once for the whole file
		this.jdbc.sql("""
				create temporary table invoice_stage_rate on commit drop as
				select d.currency, d.issue_date,
				       (select r.rate from receivable.fx_rate r
				        where r.currency = d.currency and r.rate_date <= d.issue_date
				        order by r.rate_date desc limit 1) as rate
				from (select distinct currency, issue_date from invoice_stage
				      where currency <> :company and problem is null and not unchanged) d
				""").param("company", companyCurrency).update();
		// its size known, the insert's join hashes these few rows, not the stage's
		// million
		this.jdbc.sql("analyze invoice_stage_rate").update();
		this.jdbc.sql("""
				update invoice_stage s set problem = 'receivable.fx.missing', problem_field = 'currency',
				       problem_args = array[s.currency::text, s.issue_date::text, :company]
				from invoice_stage_rate r
				where r.currency = s.currency and r.issue_date = s.issue_date and r.rate is null
				  and s.problem is null and not s.unchanged
				""").param("company", companyCurrency).update();
		return onFile;
	}

	/**
	 * How many staged rows are refused, and how many change nothing.
	 * @param onFile the rows {@link #check} took off the stage as on file already
	 */
	public Counts counts(int onFile) {
		int unchangedInFile = this.jdbc.sql("select count(*) from invoice_stage where unchanged")
			.query(Integer.class)
			.single();
		int refused = this.jdbc.sql("select count(*) from invoice_stage where problem is not null")
			.query(Integer.class)
			.single();
		return new Counts(refused, onFile + unchangedInFile);
	}

	/** How many staged rows are refused, and how many change nothing. */
	public record Counts(int refused, int unchanged) {
	}

	/** The first refused rows, in row order. */
	public List<LedgerProblem> problems(int limit) {
		return this.jdbc.sql("""
				select row_no, problem_field, problem, problem_args from invoice_stage
				where problem is not null order by row_no limit :limit
				""").param("limit", limit).query((rs, n) -> {
			Array args = rs.getArray("problem_args");
			Object[] arguments = args == null ? new Object[0] : (Object[]) args.getArray();
			return new LedgerProblem(rs.getInt("row_no"), rs.getString("problem_field"), rs.getString("problem"),
					arguments);
		}).list();
	}

	/**
	 * Inserts the good staged rows, in row order, at the rates looked up. In first-load
	 * mode (a load of at least {@code credence.receivable.bulk-load-rows}, when set, that
	 * is at least as large as the ledger already is) the invoice table's indexes are
	 * built after the rows instead of kept row by row ({@link BulkLoad}).
	 * @param stage the checked stage
	 * @param rows how many rows will be inserted
	 * @return the customers that got invoices
	 */
	public List<String> insert(Stage stage, String by, Instant at, int rows) {
		BulkLoad.Rebuild rebuild = this.bulkLoadRows > 0 && rows >= this.bulkLoadRows
				&& this.bulkLoad.outweighs("receivable.invoice", rows)
						? this.bulkLoad.dropIndexes("receivable.invoice", BULK_LOAD_WAIT).orElse(null) : null;
		long started = System.nanoTime();
		this.jdbc.sql("""
				insert into receivable.invoice
				  (external_id, customer_code, number, order_number, amount, currency, fx_rate, company_amount,
				   issue_date, due_date, recorded_by, recorded_at)
				select s.external_id, s.customer_code, s.number, s.order_number, s.amount, s.currency,
				       coalesce(r.rate, 1), round(s.amount * coalesce(r.rate, 1), 2), s.issue_date, s.due_date, :by, :at
				from invoice_stage s
				left join invoice_stage_rate r on r.currency = s.currency and r.issue_date = s.issue_date
				where s.problem is null and not s.unchanged
				""").param("by", by).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).update();
		log.debug("{} ms: insert into receivable.invoice{}", (System.nanoTime() - started) / 1_000_000,
				rebuild != null ? " (its indexes dropped)" : "");
		if (rebuild != null) {
			rebuild.run();
		}
		started = System.nanoTime();
		List<String> customers;
		if (rows == stage.rows()) {
			// every staged row went in: its customers are the stage's, all visible
			customers = stage.customerCodes;
			this.jdbc.sql("""
					insert into receivable.aging_customer (customer_code, customer_name, synced)
					select code, code, false from invoice_stage_customer
					on conflict (customer_code) do nothing
					""").update();
		}
		else {
			customers = this.jdbc.sql("""
					select distinct customer_code from invoice_stage where problem is null and not unchanged
					order by customer_code
					""").query(String.class).list();
			this.jdbc.sql("""
					insert into receivable.aging_customer (customer_code, customer_name, synced)
					select c, c, false from unnest(:codes::varchar[]) c
					on conflict (customer_code) do nothing
					""").param("codes", customers.toArray(String[]::new)).update();
		}
		// (the aging's copy of customers learns the new ones here, once for the file: a
		// trigger with a transition table of a million rows cost about 2.5 s)
		log.debug("{} ms: the customers noted for the aging", (System.nanoTime() - started) / 1_000_000);
		return customers;
	}

	private void mark(String sql) {
		long started = System.nanoTime();
		this.jdbc.sql(sql).update();
		log.debug("{} ms: {}", (System.nanoTime() - started) / 1_000_000, sql.lines().findFirst().orElse(""));
	}

}
