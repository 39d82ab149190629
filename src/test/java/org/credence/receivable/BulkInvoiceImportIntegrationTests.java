package org.credence.receivable;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.credence.IntegrationTest;
import org.credence.customer.ActivityFixtures;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Users;
import org.credence.receivable.ledger.InvoiceStaging;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Large invoice files. In first-load mode (off by default; here from one row on) a file
 * at least as large as the ledger is loaded with the invoice table's indexes dropped and
 * built again in the import's transaction, which must leave the same indexes, still
 * enforcing uniqueness, after a failure the indexes as they were and nothing of the file,
 * and a smaller file or a busy table the indexes untouched; and keys repeated within a
 * file are still found when the fingerprints taken while staging send the file to the
 * checks for repeats.
 */
@IntegrationTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class BulkInvoiceImportIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	LedgerImports ledgerImports;

	@Autowired
	Receivables receivables;

	@Autowired
	Customers customers;

	@Autowired
	Users users;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	ReceivableFixtures fixtures;

	String customer;

	@Autowired
	InvoiceStaging staging;

	@BeforeEach
	void setUp() {
		this.ledgerImports = AopTestUtils.getTargetObject(this.ledgerImports);
		this.staging = AopTestUtils.getTargetObject(this.staging);
		// first-load mode from one row on
		ReflectionTestUtils.setField(this.staging, "bulkLoadRows", 1);
		this.fixtures = new ReceivableFixtures(this.users, this.customers, this.currentUser, this.receivables);
		this.customer = this.fixtures.customer();
	}

	@AfterEach
	void reset() {
		this.ledgerImports.beforeInsert = () -> {
		};
		ReflectionTestUtils.setField(this.staging, "bulkLoadRows", 0);
	}

	@Test
	void aFileAsLargeAsTheLedgerIsLoadedWithTheSameIndexesBuiltAgain() throws Exception {
		Map<String, String> before = indexes();
		Map<String, Long> oidsBefore = indexOids();
		String p = ReceivableFixtures.unique("B");
		int rows = (int) invoiceCount() + 3;

		importsAll(p, rows);

		assertThat(indexes()).isEqualTo(before);
		Map<String, Long> oidsAfter = indexOids();
		assertThat(oidsAfter.get("invoice_pkey")).isEqualTo(oidsBefore.get("invoice_pkey"));
		assertThat(oidsAfter.get("invoice_customer")).isNotEqualTo(oidsBefore.get("invoice_customer"));
		assertThat(oidsAfter.get("invoice_number_key")).isNotEqualTo(oidsBefore.get("invoice_number_key"));
		assertThat(this.fixtures.asFinance(() -> this.receivables.invoices(this.customer))).hasSize(rows);
		// the unique constraints are back: neither a number nor an external id of the
		// file can be stored again, whatever writes it
		assertThatThrownBy(() -> insertRaw(p + "-new", p + "-2")).isInstanceOf(DuplicateKeyException.class);
		assertThatThrownBy(() -> insertRaw(p + "-x2", p + "-new")).isInstanceOf(DuplicateKeyException.class);
	}

	@Test
	void aBulkLoadThatFailsLeavesTheIndexesAsTheyWereAndNothingOfTheFile(CapturedOutput output) throws Exception {
		String p = ReceivableFixtures.unique("F");
		int rows = (int) invoiceCount() + 3;
		String other = this.fixtures.customer();
		TransactionTemplate separately = new TransactionTemplate(this.transactionManager);
		separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		// recorded after the checks, before the indexes are dropped: building the unique
		// constraint again fails, and the whole import with it
		this.ledgerImports.beforeInsert = () -> separately.executeWithoutResult(status -> this.receivables
			.recordInvoice(ReceivableFixtures.invoice(other, p + "-2", "50.00", "2026-01-05", "2026-02-04")));
		Map<String, Long> oidsBefore = indexOids();

		this.mvc
			.perform(multipart("/api/v1/imports/{kind}", "invoices")
				.file(ReceivableFixtures.invoiceFile(this.customer, p, rows))
				.header("Accept-Language", "en")
				.with(ActivityFixtures.basic(this.fixtures.finance)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("Import the file again")));

		// the indexes were dropped, and building the unique constraint again failed
		assertThat(output.getOut()).contains("could not create unique index");
		assertThat(indexOids()).isEqualTo(oidsBefore);
		assertThat(this.fixtures.asFinance(() -> this.receivables.invoices(this.customer))).isEmpty();
	}

	@Test
	void aFileSmallerThanTheLedgerKeepsTheIndexesRowByRow() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.fixtures.invoiceOf(this.customer, "100.00", "2026-01-05", "2026-02-04");
		}
		// two rows into a ledger of at least three invoices
		Map<String, Long> oidsBefore = indexOids();
		String p = ReceivableFixtures.unique("S");

		importsAll(p, 2);

		assertThat(indexOids()).isEqualTo(oidsBefore);
	}

	@Test
	void aTableInUseIsNotWaitedForTheFileLoadsRowByRow(CapturedOutput output) throws Exception {
		Map<String, Long> oidsBefore = indexOids();
		String p = ReceivableFixtures.unique("U");
		int rows = (int) invoiceCount() + 3;
		TransactionTemplate reader = new TransactionTemplate(this.transactionManager);
		reader.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		CountDownLatch reading = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(1);
		Thread holder = new Thread(() -> reader.executeWithoutResult(status -> {
			// a long report: it holds the invoice table (shared) until the import is over
			this.jdbc.sql("select count(*) from receivable.invoice").query(Long.class).single();
			reading.countDown();
			try {
				done.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		holder.start();
		try {
			assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();
			importsAll(p, rows);
		}
		finally {
			done.countDown();
			holder.join(30_000);
		}
		assertThat(output.getOut()).contains("receivable.invoice is in use: the load keeps its indexes row by row");
		assertThat(indexOids()).isEqualTo(oidsBefore);
		assertThat(this.fixtures.asFinance(() -> this.receivables.invoices(this.customer))).hasSize(rows);
	}

	@Test
	void keysRepeatedWithinTheFileAreStillFound() throws Exception {
		String p = ReceivableFixtures.unique("D");
		// rows 2 and 6 are written; row 3 repeats row 2 (unchanged, counted as accepted);
		// row 4 repeats row 2's external id with another amount; row 5 its number
		String csv = ReceivableFixtures.INVOICE_HEADER + row(p + "-x1", p + "-1", "100.00")
				+ row(p + "-x1", p + "-1", "100.00") + row(p + "-x1", p + "-1", "200.00")
				+ row(p + "-x2", p + "-1", "100.00") + row(p + "-x3", p + "-3", "100.00");

		this.mvc
			.perform(multipart("/api/v1/imports/{kind}", "invoices").file(ReceivableFixtures.csvFile(csv))
				.param("mode", "partial")
				.header("Accept-Language", "en")
				.with(ActivityFixtures.basic(this.fixtures.finance)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(3))
			.andExpect(jsonPath("$.unchanged").value(1))
			.andExpect(jsonPath("$.rejected").value(2))
			.andExpect(jsonPath("$.errors[0].row").value(4))
			.andExpect(jsonPath("$.errors[0].message", containsString("appears already in row 2")))
			.andExpect(jsonPath("$.errors[1].row").value(5))
			.andExpect(jsonPath("$.errors[1].message", containsString("Invoice number " + p + "-1")));
		assertThat(this.fixtures.asFinance(() -> this.receivables.invoices(this.customer))
			.stream()
			.map(Invoice::number)
			.sorted()).containsExactly(p + "-1", p + "-3");
	}

	/** Imports {@code rows} invoices of the test's customer as finance; all accepted. */
	private void importsAll(String prefix, int rows) throws Exception {
		this.mvc
			.perform(multipart("/api/v1/imports/{kind}", "invoices")
				.file(ReceivableFixtures.invoiceFile(this.customer, prefix, rows))
				.with(ActivityFixtures.basic(this.fixtures.finance)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(rows));
	}

	private String row(String externalId, String number, String amount) {
		return ReceivableFixtures.invoiceLine(this.customer, externalId, number, amount);
	}

	private void insertRaw(String externalId, String number) {
		this.jdbc
			.sql("""
					insert into receivable.invoice (external_id, customer_code, number, amount, currency, fx_rate,
					  company_amount, issue_date, due_date, recorded_by, recorded_at)
					values (:externalId, :code, :number, 1, 'CNY', 1, 1, date '2026-01-05', date '2026-02-04', 'test', now())
					""")
			.param("externalId", externalId)
			.param("code", this.customer)
			.param("number", number)
			.update();
	}

	private long invoiceCount() {
		return this.jdbc.sql("select count(*) from receivable.invoice").query(Long.class).single();
	}

	/** The invoice table's indexes: name → definition. */
	private Map<String, String> indexes() {
		return this.jdbc
			.sql("select indexname, indexdef from pg_indexes where schemaname = 'receivable' and tablename = 'invoice'")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private Map<String, Long> indexOids() {
		return this.jdbc.sql("""
				select c.relname, c.oid::bigint from pg_index x join pg_class c on c.oid = x.indexrelid
				where x.indrelid = 'receivable.invoice'::regclass
				""")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
