package org.credence.receivable;

import java.util.Map;
import java.util.stream.Collectors;

import org.credence.IntegrationTest;
import org.credence.customer.ActivityFixtures;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
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
 * Large invoice files: a file at least as large as the ledger is loaded with the invoice
 * table's indexes dropped and built again in the import's transaction (here from one row
 * on, where the default is 100,000), which must leave the same indexes, still enforcing
 * uniqueness, and after a failure the indexes as they were and nothing of the file; and
 * keys repeated within a file are still found when the fingerprints taken while staging
 * send the file to the checks for repeats.
 */
@IntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "credence.receivable.bulk-load-rows=1")
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

	@BeforeEach
	void setUp() {
		this.ledgerImports = AopTestUtils.getTargetObject(this.ledgerImports);
		this.fixtures = new ReceivableFixtures(this.users, this.customers, this.currentUser, this.receivables);
		this.customer = this.fixtures.customer();
	}

	@AfterEach
	void resetHook() {
		this.ledgerImports.beforeInsert = () -> {
		};
	}

	@Test
	void aFileAsLargeAsTheLedgerIsLoadedWithTheSameIndexesBuiltAgain() throws Exception {
		Map<String, String> before = indexes();
		Map<String, Long> oidsBefore = indexOids();
		String p = ReceivableFixtures.unique("B");
		int rows = (int) invoiceCount() + 3;

		this.mvc
			.perform(multipart("/api/v1/imports/{kind}", "invoices")
				.file(ReceivableFixtures.invoiceFile(this.customer, p, rows))
				.with(ActivityFixtures.basic(this.fixtures.finance)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(rows));

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
	void aBulkLoadThatFailsLeavesTheIndexesAsTheyWereAndNothingOfTheFile() throws Exception {
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

		assertThat(indexOids()).isEqualTo(oidsBefore);
		assertThat(this.fixtures.asFinance(() -> this.receivables.invoices(this.customer))).isEmpty();
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
