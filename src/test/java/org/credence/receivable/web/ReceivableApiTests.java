package org.credence.receivable.web;

import org.credence.IntegrationTest;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.receivable.ReceivableFixtures;
import org.credence.receivable.Receivables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.credence.customer.ActivityFixtures.basic;
import static org.credence.receivable.ReceivableFixtures.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class ReceivableApiTests {

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

	ReceivableFixtures fixtures;

	String customer;

	@BeforeEach
	void setUp() {
		this.fixtures = new ReceivableFixtures(this.users, this.customers, this.currentUser, this.receivables);
		this.customer = this.fixtures.customer();
	}

	ResultActions postJson(String path, String body) throws Exception {
		return this.mvc.perform(
				post(path).with(basic(this.fixtures.finance)).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	String invoiceJson(String externalId, String number, String amount) {
		return """
				{"externalId": "%s", "customerCode": "%s", "number": "%s", "amount": "%s", "currency": "CNY",
				 "issueDate": "2026-03-01", "dueDate": "2026-04-30"}
				""".formatted(externalId, this.customer, number, amount);
	}

	@Test
	void recordsAnInvoiceOnceAnswersARetryWithTheStoredRecordAndRefusesChangedContent() throws Exception {
		String externalId = unique("erp");
		String number = unique("INV");

		postJson("/api/v1/invoices", invoiceJson(externalId, number, "800000")).andExpect(status().isCreated())
			.andExpect(jsonPath("$.number").value(number))
			.andExpect(jsonPath("$.amount").value("800000.00"))
			.andExpect(jsonPath("$.openAmount").value("800000.00"))
			.andExpect(jsonPath("$.fxRate").value("1"))
			.andExpect(jsonPath("$.status").value("OPEN"));
		postJson("/api/v1/invoices", invoiceJson(externalId, number, "800000.00")).andExpect(status().isOk())
			.andExpect(jsonPath("$.number").value(number));
		postJson("/api/v1/invoices", invoiceJson(externalId, number, "850000.00")).andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(409));
	}

	@Test
	void namesEveryMissingFieldInTheCallersLanguage() throws Exception {
		this.mvc
			.perform(post("/api/v1/invoices").with(basic(this.fixtures.finance))
				.header("Accept-Language", "zh-CN")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"customerCode\": \"" + this.customer + "\", \"amount\": \"-5\", \"currency\": \"XYZ\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field")
				.value(containsInAnyOrder("externalId", "number", "amount", "currency", "issueDate", "dueDate")))
			.andExpect(jsonPath("$.errors[?(@.field == 'amount')].message").value("必须大于零。"));
	}

	@Test
	void refusesAnAllocationAboveTheOpenAmountWithTheReason() throws Exception {
		String number = this.fixtures.invoiceOf(this.customer, "100.00", "2026-01-01", "2026-01-31");

		postJson("/api/v1/payments", """
				{"externalId": "%s", "customerCode": "%s", "amount": "500.00", "currency": "CNY",
				 "receivedDate": "2026-02-01", "allocations": [{"invoiceNumber": "%s", "amount": "200.00"}]}
				""".formatted(unique("pay"), this.customer, number)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("ALLOCATION_EXCEEDS_OPEN"));
		postJson("/api/v1/payments", """
				{"externalId": "%s", "customerCode": "%s", "amount": "500.00", "currency": "CNY",
				 "receivedDate": "2026-02-01", "allocations": [{"invoiceNumber": "NOPE", "amount": "200.00"}]}
				""".formatted(unique("pay"), this.customer)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("allocations[0].invoiceNumber"));
	}

	@Test
	void answersTheAgingOfTheScenarioAsOfTwoDays() throws Exception {
		this.fixtures.invoiceOf(this.customer, "800000.00", "2026-03-01", "2026-04-30");
		postJson("/api/v1/payments",
				"""
						{"externalId": "%s", "customerCode": "%s", "amount": 500000, "currency": "CNY", "receivedDate": "2026-05-10"}
						"""
					.formatted(unique("pay"), this.customer))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.unappliedAmount").value("0.00"))
			.andExpect(jsonPath("$.allocations[0].amount").value("500000.00"));

		this.mvc
			.perform(get("/api/v1/customers/{code}/aging", this.customer).param("asOf", "2026-05-05")
				.with(basic(this.fixtures.finance)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.asOf").value("2026-05-05"))
			.andExpect(jsonPath("$.currency").value("CNY"))
			.andExpect(jsonPath("$.buckets[1].label").value("1-30"))
			.andExpect(jsonPath("$.buckets[1].fromDays").value(1))
			.andExpect(jsonPath("$.buckets[1].toDays").value(30))
			.andExpect(jsonPath("$.buckets[1].amount").value("800000.00"))
			.andExpect(jsonPath("$.total").value("800000.00"))
			.andExpect(jsonPath("$.overdue").value("800000.00"));
		this.mvc
			.perform(get("/api/v1/customers/{code}/aging", this.customer).param("asOf", "2026-05-15")
				.with(basic(this.fixtures.finance)))
			.andExpect(jsonPath("$.buckets[1].amount").value("300000.00"))
			.andExpect(jsonPath("$.total").value("300000.00"));
		this.mvc
			.perform(get("/api/v1/customers/{code}/aging", this.customer).param("basis", "weekly")
				.with(basic(this.fixtures.finance)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("basis"));
	}

	@Test
	void answersTheDsoTrendMonthByMonth() throws Exception {
		this.fixtures.invoiceOf(this.customer, "3000.00", "2026-03-10", "2026-04-09");

		this.mvc
			.perform(get("/api/v1/customers/{code}/receivables/dso-trend", this.customer).param("asOf", "2026-05-15")
				.with(basic(this.fixtures.finance)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.customerCode").value(this.customer))
			.andExpect(jsonPath("$.points.length()").value(12))
			.andExpect(jsonPath("$.points[0].asOf").value("2025-06-30"))
			.andExpect(jsonPath("$.points[0].dso").doesNotExist())
			.andExpect(jsonPath("$.points[10].asOf").value("2026-04-30"))
			.andExpect(jsonPath("$.points[11].asOf").value("2026-05-15"))
			.andExpect(jsonPath("$.points[10].dso").value("61.0"))
			.andExpect(jsonPath("$.points[11].dso").value("89.0"));
		this.mvc
			.perform(get("/api/v1/customers/{code}/receivables/dso-trend", "NO-SUCH-CUSTOMER")
				.with(basic(this.fixtures.finance)))
			.andExpect(status().isNotFound());
	}

	@Test
	void pagesAndSortsThePortfolioAgingKeepingTheTotalOfAll() throws Exception {
		String sales = this.fixtures.user(Role.SALES);
		String small = this.fixtures.customer(sales);
		String large = this.fixtures.customer(sales);
		String middle = this.fixtures.customer(sales);
		this.fixtures.invoiceOf(small, "100.00", "2026-01-01", "2026-01-31");
		this.fixtures.invoiceOf(large, "900.00", "2026-01-01", "2026-04-30");
		this.fixtures.invoiceOf(middle, "400.00", "2026-01-01", "2026-01-31");

		this.mvc.perform(get("/api/v1/aging").param("asOf", "2026-03-15").param("size", "2").with(basic(sales)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total.total").value("1400.00"))
			.andExpect(jsonPath("$.total.overdue").value("500.00"))
			.andExpect(jsonPath("$.total.items").value(3))
			.andExpect(jsonPath("$.customerCount").value(3))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(2))
			.andExpect(jsonPath("$.customers[*].customerCode").value(contains(large, middle)))
			.andExpect(jsonPath("$.customers[0].aging.total").value("900.00"));
		this.mvc
			.perform(get("/api/v1/aging").param("asOf", "2026-03-15")
				.param("size", "2")
				.param("page", "1")
				.with(basic(sales)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total.total").value("1400.00"))
			.andExpect(jsonPath("$.customers[*].customerCode").value(contains(small)));
		this.mvc.perform(get("/api/v1/aging").param("asOf", "2026-03-15").param("sort", "overdue").with(basic(sales)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.customers[*].customerCode").value(contains(middle, small, large)));
		this.mvc
			.perform(get("/api/v1/aging").param("sort", "total")
				.param("desc", "false")
				.param("asOf", "2026-03-15")
				.with(basic(sales)))
			.andExpect(jsonPath("$.customers[*].customerCode").value(contains(small, middle, large)));
		this.mvc.perform(get("/api/v1/aging").param("sort", "colour").with(basic(sales)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sort"));
		this.mvc.perform(get("/api/v1/aging").param("sort", "b7").with(basic(sales)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sort"));
		this.mvc.perform(get("/api/v1/aging").param("asOf", "2026-03-15").param("sort", "b2").with(basic(sales)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.customers[*].customerCode").value(contains(middle, small, large)));
	}

	@Test
	void salesAreToldAnotherOwnersCustomerDoesNotExist() throws Exception {
		String sales = this.fixtures.user(Role.SALES);
		String own = this.fixtures.customer(sales);

		this.mvc.perform(get("/api/v1/customers/{code}/aging", own).with(basic(sales))).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/customers/{code}/aging", this.customer).with(basic(sales)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/customers/{code}/invoices", this.customer).with(basic(sales)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/api/v1/invoices").with(basic(sales))
				.contentType(MediaType.APPLICATION_JSON)
				.content(invoiceJson(unique("erp"), unique("INV"), "1")))
			.andExpect(status().isForbidden());
	}

	@Test
	void entersAnFxRateAndRefusesAnInvoiceInACurrencyWithoutOne() throws Exception {
		this.mvc
			.perform(put("/api/v1/fx-rates/2026-01-02/HKD").with(basic(this.fixtures.finance))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"rate\": \"0.9123\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rate").value("0.9123"))
			.andExpect(jsonPath("$.companyCurrency").value("CNY"));
		this.mvc.perform(get("/api/v1/fx-rates").param("date", "2026-01-05").with(basic(this.fixtures.finance)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.currency == 'HKD')].rate").value(hasItem("0.9123")));

		postJson("/api/v1/invoices", """
				{"externalId": "%s", "customerCode": "%s", "number": "%s", "amount": "10", "currency": "SEK",
				 "issueDate": "2026-03-01", "dueDate": "2026-04-30"}
				""".formatted(unique("erp"), this.customer, unique("INV"))).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("FX_RATE_MISSING"));
	}

	@Test
	void collectorsDisputeInvoicesButCannotRecordPayments() throws Exception {
		String collector = this.fixtures.user(Role.COLLECTOR);
		String number = this.fixtures.invoiceOf(this.customer, "100.00", "2026-01-01", "2026-01-31");

		this.mvc
			.perform(post("/api/v1/invoices/{number}/dispute", number).with(basic(collector))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"价格有误\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.disputed").value(true));
		this.mvc.perform(
				post("/api/v1/payments").with(basic(collector)).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isForbidden());
	}

}
