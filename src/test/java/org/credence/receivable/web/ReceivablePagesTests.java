package org.credence.receivable.web;

import java.io.ByteArrayInputStream;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.customer.ActivityFixtures.signedIn;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class ReceivablePagesTests {

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

	String invoice;

	@BeforeEach
	void setUp() {
		this.fixtures = new ReceivableFixtures(this.users, this.customers, this.currentUser, this.receivables);
		this.customer = this.fixtures.customer();
		this.invoice = this.fixtures.invoiceOf(this.customer, "800000.00", "2026-03-01", "2026-04-30");
		this.fixtures.pay(this.customer, "500000.00", "2026-05-10");
	}

	@Test
	void showsOpenItemsAgingAndPaymentsAsOfTheDayInTheUrlInEnglish() throws Exception {
		this.mvc
			.perform(get("/customers/{code}/receivables", this.customer).param("asOf", "2026-05-15")
				.with(signedIn(this.fixtures.finance, Role.FINANCE))
				.locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("Open items as of 2026-05-15"), containsString(this.invoice),
						containsString("300,000.00"), containsString("1–30 days"), containsString("Payment history"),
						containsString("Record a payment"), containsString("type=\"application/json\""),
						containsString("/js/receivable.js"), containsString("DSO (countback) month by month"),
						containsString("id=\"dso-trend-data\""), containsString("/js/receivable-dso-chart.js"))));
		this.mvc
			.perform(get("/customers/{code}/receivables", this.customer).param("asOf", "2026-05-05")
				.with(signedIn(this.fixtures.finance, Role.FINANCE))
				.locale(Locale.ENGLISH))
			.andExpect(content().string(containsString("800,000.00")));
	}

	@Test
	void saysSoInsteadOfDrawingEmptyChartsBeforeTheFirstInvoice() throws Exception {
		this.mvc
			.perform(get("/customers/{code}/receivables", this.customer).param("asOf", "2026-02-01")
				.with(signedIn(this.fixtures.finance, Role.FINANCE))
				.locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("No open items on this day."), containsString("No DSO history yet"),
						not(containsString("data-aging-chart")), not(containsString("id=\"dso-trend-chart\"")))));
		this.mvc
			.perform(get("/customers/{code}/receivables", this.customer).param("asOf", "2026-02-01")
				.with(signedIn(this.fixtures.finance, Role.FINANCE))
				.locale(Locale.SIMPLIFIED_CHINESE))
			.andExpect(content().string(allOf(containsString("该日没有未结应收。"), containsString("暂无应收周转天数历史"))));
		this.mvc
			.perform(get("/customers/{code}/receivables", this.customer).param("asOf", "2026-05-15")
				.with(signedIn(this.fixtures.finance, Role.FINANCE))
				.locale(Locale.ENGLISH))
			.andExpect(content().string(allOf(containsString("data-aging-chart"),
					containsString("id=\"dso-trend-chart\""), not(containsString("No DSO history yet")))));
	}

	@Test
	void showsTheReceivablesTabInChineseWithoutFinanceFormsForAnAuditor() throws Exception {
		String auditor = this.fixtures.user(Role.AUDITOR);

		this.mvc
			.perform(get("/customers/{code}/receivables", this.customer).param("asOf", "2026-05-15")
				.with(signedIn(auditor, Role.AUDITOR))
				.locale(Locale.SIMPLIFIED_CHINESE))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("截至 2026-05-15 的未结发票"), containsString("应收账款"),
					containsString("1–30 天"), containsString("收款记录"))))
			.andExpect(content().string(allOf(not(containsString("登记收款")), not(containsString("Open items")))));
	}

	@Test
	void hidesAnotherOwnersCustomerFromSales() throws Exception {
		String sales = this.fixtures.user(Role.SALES);

		this.mvc.perform(get("/customers/{code}/receivables", this.customer).with(signedIn(sales, Role.SALES)))
			.andExpect(status().isNotFound());
	}

	@Test
	void recordsAPaymentByHandAndKeepsWhatWasTypedWhenItIsRefused() throws Exception {
		this.mvc
			.perform(post("/customers/{code}/receivables/payments", this.customer)
				.with(signedIn(this.fixtures.finance, Role.FINANCE))
				.with(csrf())
				.locale(Locale.SIMPLIFIED_CHINESE)
				.param("receivedDate", "2026-05-20")
				.param("amount", "-3")
				.param("currency", "CNY")
				.param("reference", "工行回单 0520"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("必须大于零。"), containsString("value=\"工行回单 0520\""))));

		this.mvc
			.perform(post("/customers/{code}/receivables/payments", this.customer)
				.with(signedIn(this.fixtures.finance, Role.FINANCE))
				.with(csrf())
				.param("receivedDate", "2026-05-20")
				.param("amount", "100,000.00")
				.param("currency", "CNY")
				.param("invoiceNumber", this.invoice)
				.param("allocationAmount", ""))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", "/customers/" + this.customer + "/receivables"));

		assertThat(this.fixtures.invoice(this.invoice).openAmount()).isEqualByComparingTo("200000.00");
	}

	@Test
	void marksADisputeFromTheTabAndShowsIt() throws Exception {
		String collector = this.fixtures.user(Role.COLLECTOR);

		this.mvc
			.perform(post("/customers/{code}/receivables/invoices/{number}/dispute", this.customer, this.invoice)
				.with(signedIn(collector, Role.COLLECTOR))
				.with(csrf())
				.param("reason", "货物质量问题"))
			.andExpect(status().is3xxRedirection());

		this.mvc
			.perform(get("/customers/{code}/receivables", this.customer).with(signedIn(collector, Role.COLLECTOR))
				.locale(Locale.SIMPLIFIED_CHINESE))
			.andExpect(content().string(allOf(containsString("争议中"), containsString("货物质量问题"))));
	}

	@Test
	void pagesAndSortsThePortfolioAgingWithTheFiltersInTheUrl() throws Exception {
		String sales = this.fixtures.user(Role.SALES);
		String small = this.fixtures.customer(sales);
		String large = this.fixtures.customer(sales);
		String middle = this.fixtures.customer(sales);
		this.fixtures.invoiceOf(small, "100.00", "2026-01-01", "2026-01-31");
		this.fixtures.invoiceOf(large, "900.00", "2026-01-01", "2026-04-30");
		this.fixtures.invoiceOf(middle, "400.00", "2026-01-01", "2026-01-31");

		String first = this.mvc
			.perform(get("/receivables/aging?asOf=2026-03-15&basis=due&size=2").with(signedIn(sales, Role.SALES))
				.locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(first)
			.contains("3 customers with open items", "Page 1 of 2", "Total of all 3 customers", "1,400.00",
					"/customers/" + large + "/receivables", "/customers/" + middle + "/receivables")
			.doesNotContain("/customers/" + small + "/receivables")
			// the next page keeps the day, the basis and the page size
			.contains("asOf=2026-03-15&amp;basis=due&amp;size=2&amp;page=1")
			// a sort link goes back to the first page
			.contains("sort=overdue&amp;desc=true\"");
		assertThat(first.indexOf(large)).isLessThan(first.indexOf(middle));

		String second = this.mvc
			.perform(get("/receivables/aging").param("asOf", "2026-03-15")
				.param("size", "2")
				.param("page", "1")
				.with(signedIn(sales, Role.SALES))
				.locale(Locale.SIMPLIFIED_CHINESE))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(second).contains("第 2 页，共 2 页", "/customers/" + small + "/receivables", "1,400.00")
			.doesNotContain("/customers/" + large + "/receivables");

		String byOverdue = this.mvc
			.perform(get("/receivables/aging").param("asOf", "2026-03-15")
				.param("sort", "overdue")
				.param("desc", "true")
				.with(signedIn(sales, Role.SALES))
				.locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(byOverdue.indexOf("/customers/" + middle)).isLessThan(byOverdue.indexOf("/customers/" + small));
		assertThat(byOverdue.indexOf("/customers/" + small)).isLessThan(byOverdue.indexOf("/customers/" + large));
		assertThat(byOverdue).contains("aria-sort=\"descending\"");
	}

	@Test
	void showsThePortfolioAgingWithDrillDownAndExportsIt() throws Exception {
		this.mvc
			.perform(get("/receivables/aging").param("asOf", "2026-05-15")
				.param("size", "500")
				.param("sort", "b1")
				.param("desc", "true")
				.with(signedIn(this.fixtures.finance, Role.FINANCE))
				.locale(Locale.SIMPLIFIED_CHINESE))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("应收账龄分析"),
					containsString("/customers/" + this.customer + "/receivables?asOf=2026-05-15"),
					containsString("1–30 天"))));
		this.mvc
			.perform(get("/receivables/aging").with(signedIn(this.fixtures.finance, Role.FINANCE))
				.locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Receivables aging")));

		byte[] xlsx = this.mvc
			.perform(get("/receivables/aging/export.xlsx").param("asOf", "2026-05-15")
				.with(signedIn(this.fixtures.finance, Role.FINANCE)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			boolean found = false;
			for (var row : sheet) {
				if (row.getCell(0) != null && this.customer.equals(row.getCell(0).getStringCellValue())) {
					found = true;
					assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(300000.00);
				}
			}
			assertThat(found).isTrue();
		}
	}

}
