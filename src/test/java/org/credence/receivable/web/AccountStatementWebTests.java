package org.credence.receivable.web;

import java.util.Locale;

import org.credence.IntegrationTest;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.receivable.AccountStatements;
import org.credence.receivable.IssuedStatement;
import org.credence.receivable.IssuedStatement.Status;
import org.credence.receivable.ReceivableFixtures;
import org.credence.receivable.Receivables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.customer.ActivityFixtures.basic;
import static org.credence.customer.ActivityFixtures.signedIn;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class AccountStatementWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Customers customers;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	Receivables receivables;

	@Autowired
	AccountStatements statements;

	ReceivableFixtures fixtures;

	String customer;

	String invoice;

	@BeforeEach
	void setUp() {
		this.fixtures = new ReceivableFixtures(this.users, this.customers, this.currentUser, this.receivables);
		this.customer = this.fixtures.customer();
		this.fixtures.invoiceOf(this.customer, "300.00", "2026-02-01", "2026-03-01");
		this.invoice = this.fixtures.invoiceOf(this.customer, "800000.00", "2026-03-01", "2026-04-30");
		this.fixtures.pay(this.customer, "500000.00", "2026-03-10");
	}

	@Test
	void answersTheStatementAsJsonPdfAndXlsx() throws Exception {
		this.mvc
			.perform(get("/api/v1/customers/{code}/account-statement", this.customer).param("from", "2026-03-01")
				.param("to", "2026-03-31")
				.with(basic(this.fixtures.finance)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sections[0].currency").value("CNY"))
			.andExpect(jsonPath("$.sections[0].opening").value("300.00"))
			.andExpect(jsonPath("$.sections[0].lines[0].kind").value("INVOICE"))
			.andExpect(jsonPath("$.sections[0].lines[0].reference").value(this.invoice))
			.andExpect(jsonPath("$.sections[0].lines[1].kind").value("PAYMENT"))
			.andExpect(jsonPath("$.sections[0].closing").value("300300.00"));
		this.mvc
			.perform(get("/api/v1/customers/{code}/account-statement", this.customer).param("from", "2026-03-01")
				.param("to", "2026-03-31")
				.param("format", "pdf")
				.with(basic(this.fixtures.finance)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andExpect(header().string("Content-Disposition", containsString(".pdf")));
		this.mvc
			.perform(get("/api/v1/customers/{code}/account-statement", this.customer).param("from", "2026-03-01")
				.param("to", "2026-03-31")
				.param("format", "xlsx")
				.param("lang", "en")
				.with(basic(this.fixtures.finance)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition",
					containsString("statement-" + this.customer + "-2026-03-01-2026-03-31.xlsx")));
		this.mvc
			.perform(get("/api/v1/customers/{code}/account-statement", this.customer).param("from", "2026-03-01")
				.param("to", "2026-03-31")
				.param("format", "doc")
				.with(basic(this.fixtures.finance)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("format"));
	}

	@Test
	void issuesAStatementAndRecordsTheCustomersAnswerThroughTheApi() throws Exception {
		String location = this.mvc
			.perform(post("/api/v1/customers/{code}/account-statements", this.customer)
				.with(basic(this.fixtures.finance))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"from\": \"2026-03-01\", \"to\": \"2026-03-31\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("ISSUED"))
			.andExpect(jsonPath("$.language").value("zh-CN"))
			.andExpect(jsonPath("$.number").value(startsWith("AS-")))
			.andExpect(jsonPath("$.balances[0].closing").value("300300.00"))
			.andExpect(jsonPath("$.lines.length()").value(2))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.mvc.perform(get(location + "/pdf").with(basic(this.fixtures.finance)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"));

		this.mvc
			.perform(post(location + "/reply").with(basic(this.fixtures.finance))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\": \"DISPUTED\", \"disputedLines\": [{\"line\": 2}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("note"));
		this.mvc
			.perform(post(location + "/reply").with(basic(this.fixtures.finance))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\": \"CONFIRMED\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CONFIRMED"))
			.andExpect(jsonPath("$.repliedBy").value(this.fixtures.finance));
		this.mvc
			.perform(post(location + "/reply").with(basic(this.fixtures.finance))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\": \"CONFIRMED\"}"))
			.andExpect(status().isUnprocessableContent());
		this.mvc
			.perform(get("/api/v1/customers/{code}/account-statements", this.customer)
				.with(basic(this.fixtures.finance)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].status").value("CONFIRMED"));
	}

	@Test
	void describesTheStatementCallsInTheOpenApiDescription() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath(
					"$.paths['/api/v1/customers/{code}/account-statement'].get.responses['200'].content['application/pdf']")
				.exists())
			.andExpect(jsonPath("$.paths['/api/v1/customers/{code}/account-statements'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/account-statements/{id}/reply'].post").exists());
	}

	@Test
	void salesOfAnotherOwnerAreToldTheStatementDoesNotExist() throws Exception {
		IssuedStatement issued = this.fixtures.asFinance(() -> this.statements.issue(this.customer,
				java.time.LocalDate.parse("2026-03-01"), java.time.LocalDate.parse("2026-03-31"), null));
		String sales = this.fixtures.user(Role.SALES);
		String own = this.fixtures.customer(sales);

		this.mvc
			.perform(get("/api/v1/customers/{code}/account-statement", own).param("from", "2026-03-01")
				.param("to", "2026-03-31")
				.with(basic(sales)))
			.andExpect(status().isOk());
		this.mvc
			.perform(get("/api/v1/customers/{code}/account-statement", this.customer).param("from", "2026-03-01")
				.param("to", "2026-03-31")
				.param("format", "pdf")
				.with(basic(sales)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/account-statements/{id}", issued.id()).with(basic(sales)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/account-statements/{id}/pdf", issued.id()).with(basic(sales)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/api/v1/customers/{code}/account-statements", own).with(basic(sales))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"from\": \"2026-03-01\", \"to\": \"2026-03-31\"}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void issuesDownloadsAndRecordsADisputeFromTheReceivablesTab() throws Exception {
		this.mvc
			.perform(get("/customers/{code}/receivables", this.customer)
				.with(signedIn(this.fixtures.finance, Role.FINANCE))
				.locale(Locale.SIMPLIFIED_CHINESE))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"statements\""), containsString("下载 PDF"),
					containsString("出具并请客户确认"), containsString("尚未出具对账单"))));

		this.mvc
			.perform(post("/customers/{code}/receivables/statements", this.customer)
				.with(signedIn(this.fixtures.finance, Role.FINANCE))
				.with(csrf())
				.param("from", "2026-03-01")
				.param("to", "2026-03-31")
				.param("lang", ""))
			.andExpect(status().is3xxRedirection());
		IssuedStatement issued = this.fixtures.asFinance(() -> this.statements.issued(this.customer)).get(0);

		this.mvc
			.perform(post("/customers/{code}/receivables/statements/{id}/reply", this.customer, issued.id())
				.with(signedIn(this.fixtures.finance, Role.FINANCE))
				.with(csrf())
				.param("status", "DISPUTED")
				.param("lines", "2")
				.param("note", "3月10日收款金额不符"))
			.andExpect(status().is3xxRedirection());
		IssuedStatement answered = this.fixtures.asFinance(() -> this.statements.issuedStatement(issued.id()));
		assertThat(answered.status()).isEqualTo(Status.DISPUTED);
		assertThat(answered.disputedLines()).extracting(IssuedStatement.Line::lineNo).containsExactly(2);

		String auditor = this.fixtures.user(Role.AUDITOR);
		this.mvc
			.perform(get("/customers/{code}/receivables", this.customer).with(signedIn(auditor, Role.AUDITOR))
				.locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(
					allOf(containsString(issued.number()), containsString("Disputed"), containsString("3月10日收款金额不符"))))
			.andExpect(content().string(
					allOf(not(containsString("Issue for confirmation")), not(containsString("Record the customer")))));
		this.mvc
			.perform(get("/customers/{code}/receivables/statements/{id}/pdf", this.customer, issued.id())
				.with(signedIn(auditor, Role.AUDITOR)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"));
		this.mvc
			.perform(get("/customers/{code}/receivables/statement", this.customer).param("from", "2026-03-01")
				.param("to", "2026-03-31")
				.param("format", "xlsx")
				.with(signedIn(auditor, Role.AUDITOR)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
		this.mvc
			.perform(post("/customers/{code}/receivables/statement", this.customer)
				.with(signedIn(this.fixtures.finance, Role.FINANCE))
				.with(csrf())
				.param("from", "2026-03-01")
				.param("to", "2026-03-31")
				.param("lang", "en")
				.param("format", "pdf"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition",
					containsString("statement-" + this.customer + "-2026-03-01-2026-03-31.pdf")));
		this.mvc
			.perform(get("/customers/{code}/receivables/statement", this.customer).param("from", "2026-03-31")
				.param("to", "2026-03-01")
				.with(signedIn(auditor, Role.AUDITOR)))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/customers/" + this.customer + "/receivables#statements"));
	}

}
