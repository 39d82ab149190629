package org.credence.receivable;

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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A bulk invoice import racing with a single invoice recorded meanwhile under a number of
 * the file: the import is refused as a whole with a clear 409, never a 500, and the file
 * imported again reports the row.
 */
@IntegrationTest
@AutoConfigureMockMvc
class LedgerImportRaceIntegrationTests {

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
	PlatformTransactionManager transactionManager;

	ReceivableFixtures fixtures;

	String customer;

	@BeforeEach
	void setUp() {
		// the hook is a field of the service behind its transactional proxy
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
	void anInvoiceRecordedBetweenTheChecksAndTheInsertRefusesTheImportWith409AndWritesNothingOfIt() throws Exception {
		String p = ReceivableFixtures.unique("R");
		String other = this.fixtures.customer();
		TransactionTemplate separately = new TransactionTemplate(this.transactionManager);
		separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		// a single POST /api/v1/invoices of another customer takes the number of row 3
		this.ledgerImports.beforeInsert = () -> separately.executeWithoutResult(status -> this.receivables
			.recordInvoice(ReceivableFixtures.invoice(other, p + "-2", "50.00", "2026-01-05", "2026-02-04")));
		MockMultipartFile file = ReceivableFixtures.invoiceFile(this.customer, p, 3);

		this.mvc
			.perform(multipart("/api/v1/imports/{kind}", "invoices").file(file)
				.header("Accept-Language", "en")
				.with(ActivityFixtures.basic(this.fixtures.finance)))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.detail", containsString("Import the file again")));
		assertThat(numbers(this.customer)).isEmpty();
		assertThat(numbers(other)).containsExactly(p + "-2");

		this.ledgerImports.beforeInsert = () -> {
		};
		this.mvc
			.perform(multipart("/api/v1/imports/{kind}", "invoices").file(file)
				.param("mode", "partial")
				.header("Accept-Language", "en")
				.with(ActivityFixtures.basic(this.fixtures.finance)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.errors[0].row").value(3));
		assertThat(numbers(this.customer)).containsExactly(p + "-1", p + "-3");
	}

	private java.util.List<String> numbers(String customerCode) {
		return this.fixtures.asFinance(() -> this.receivables.invoices(customerCode))
			.stream()
			.map(Invoice::number)
			.sorted()
			.toList();
	}

}
