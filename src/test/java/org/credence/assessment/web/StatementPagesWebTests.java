package org.credence.assessment.web;

import org.credence.IntegrationTest;
import org.credence.assessment.statement.FinancialStatements;
import org.credence.assessment.statement.StatementDraft;
import org.credence.assessment.statement.StatementExamples;
import org.credence.assessment.statement.StatementLine;
import org.credence.customer.ActivityFixtures;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.assessment.statement.StatementExamples.amount;
import static org.credence.customer.ActivityFixtures.as;
import static org.credence.customer.ActivityFixtures.signedIn;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class StatementPagesWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Customers customers;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	FinancialStatements statements;

	ActivityFixtures fixtures;

	String analyst;

	String customer;

	@BeforeEach
	void setUp() {
		this.fixtures = new ActivityFixtures(this.users, this.customers, this.currentUser);
		this.analyst = this.fixtures.user(Role.CREDIT_ANALYST);
		this.customer = this.fixtures.customer();
	}

	void record(StatementDraft draft) {
		as(this.analyst, Role.CREDIT_ANALYST, () -> this.statements.record(this.customer, draft));
	}

	MockHttpServletRequestBuilder financials(String language) {
		return get("/customers/{code}/financials", this.customer).header("Accept-Language", language)
			.with(signedIn(this.analyst, Role.CREDIT_ANALYST));
	}

	@Test
	void anEmptyTabSaysWhatToDoNextInBothLanguages() throws Exception {
		this.mvc.perform(financials("zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("尚无财务报表——请录入一份或导入文件。"),
					containsString("/customers/" + this.customer + "/financials/new"),
					containsString("/imports/financial-statements"), not(containsString("ratio-chart-data")))));
		this.mvc.perform(financials("en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No statements yet — add one or import a file.")));
	}

	@Test
	void showsTheStatementsSideBySideWithRatiosAndChartDataInChinese() throws Exception {
		record(StatementDraft
			.annual(java.time.LocalDate.of(2024, 12, 31),
					StatementExamples.scenarioLines()
						.with(StatementLine.REVENUE, amount(10_000_000))
						.with(StatementLine.EQUITY, amount(3_000_000)))
			.confirmedBecause("客户报送报表如此"));
		record(StatementExamples.scenarioDraft());

		String page = this.mvc.perform(financials("zh-CN"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("资产总计", "所有者权益合计", "经营活动现金流量净额", "10,000,000.00", "金额单位：元，币种 CNY。")
			.contains("资产负债率", "60.0%", "1.67", "1.33", "5.50", "6.7%", "6.49", "20.0%")
			.contains("无法计算：报表缺少应收账款。")
			.contains("资产负债表不平衡，仍予录入：客户报送报表如此")
			.contains("id=\"ratio-chart-data\"", "\"labels\":[\"2024-12-31 年报\",\"2025-12-31 年报\"]")
			.containsPattern("/webjars/chart.js/[0-9.]+/dist/chart.umd.js")
			.contains("/js/assessment-statement-chart.js")
			.doesNotContain("Debt ratio", "??");
		assertThat(page.indexOf("2024-12-31")).as("oldest period first").isLessThan(page.indexOf("2025-12-31"));
	}

	@Test
	void showsTheRatiosInEnglish() throws Exception {
		record(StatementExamples.scenarioDraft().in(org.credence.assessment.statement.AmountUnit.YUAN));

		this.mvc.perform(financials("en"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Debt ratio"), containsString("60.0%"),
					containsString("Altman Z&#39;&#39;-score"),
					containsString("Not available: the statement has no Accounts receivable."),
					containsString("Amounts in yuan (元), CNY."), not(containsString("资产负债率")))));
	}

	@Test
	void theFormShowsTheBalanceMessageAsksForAReasonAndKeepsTheValues() throws Exception {
		this.mvc
			.perform(post("/customers/{code}/financials", this.customer).header("Accept-Language", "zh-CN")
				.with(signedIn(this.analyst, Role.CREDIT_ANALYST))
				.with(csrf())
				.param("periodEnd", "2025-12-31")
				.param("periodType", "ANNUAL")
				.param("currency", "CNY")
				.param("unit", "YUAN")
				.param("lines.totalAssets", "10,000,000")
				.param("lines.totalLiabilities", "6000000")
				.param("lines.equity", "3000000")
				.param("lines.inventory", "lots"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("请填写数字，例如 1234567.89 或 1,234,567.89。"),
					containsString("value=\"10,000,000\""), containsString("value=\"lots\""))));

		this.mvc
			.perform(post("/customers/{code}/financials", this.customer).header("Accept-Language", "zh-CN")
				.with(signedIn(this.analyst, Role.CREDIT_ANALYST))
				.with(csrf())
				.param("periodEnd", "2025-12-31")
				.param("periodType", "ANNUAL")
				.param("currency", "CNY")
				.param("unit", "YUAN")
				.param("lines.totalAssets", "10,000,000")
				.param("lines.totalLiabilities", "6000000")
				.param("lines.equity", "3000000"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("资产负债表不平衡"),
					containsString("资产总计 10,000,000 ≠ 负债合计 + 所有者权益 9,000,000（相差 10.0%，超过 0.5% 容差）"),
					containsString("name=\"balanceOverrideReason\""), containsString("value=\"3000000\""))));
		assertThat(as(this.analyst, Role.CREDIT_ANALYST, () -> this.statements.all(this.customer))).isEmpty();
	}

	@Test
	void savesAnUnbalancedStatementWithAReasonAndReturnsToTheTab() throws Exception {
		this.mvc
			.perform(post("/customers/{code}/financials", this.customer).header("Accept-Language", "en")
				.with(signedIn(this.analyst, Role.CREDIT_ANALYST))
				.with(csrf())
				.param("periodEnd", "2025-12-31")
				.param("periodType", "ANNUAL")
				.param("currency", "CNY")
				.param("unit", "TEN_THOUSAND")
				.param("audited", "true")
				.param("lines.totalAssets", "1000")
				.param("lines.totalLiabilities", "600")
				.param("lines.equity", "300")
				.param("balanceOverrideReason", "As filed; awaiting the audited statement"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/customers/" + this.customer + "/financials"))
			.andExpect(flash().attribute("flashSuccess", "The statement for 2025-12-31 Annual was saved."));

		assertThat(as(this.analyst, Role.CREDIT_ANALYST, () -> this.statements.latest(this.customer)))
			.hasValueSatisfying(statement -> {
				assertThat(statement.lines().totalAssets()).hasToString("10000000.00");
				assertThat(statement.audited()).isTrue();
				assertThat(statement.balanceOverrideReason()).isEqualTo("As filed; awaiting the audited statement");
			});
	}

	@Test
	void theEntryFormGroupsTheLinesInBothLanguages() throws Exception {
		this.mvc
			.perform(get("/customers/{code}/financials/new", this.customer).header("Accept-Language", "zh-CN")
				.with(signedIn(this.analyst, Role.CREDIT_ANALYST)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("资产负债表"), containsString("利润表"), containsString("现金流量表"),
					containsString("name=\"lines.operatingCashFlow\""), containsString("万元"),
					not(containsString("balance-check")))));
		this.mvc
			.perform(get("/customers/{code}/financials/new", this.customer).header("Accept-Language", "en")
				.with(signedIn(this.analyst, Role.CREDIT_ANALYST)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Income statement"), containsString("Total equity"))));
	}

	@Test
	void anAuditorReadsTheTabButGetsNoForm() throws Exception {
		String auditor = this.fixtures.user(Role.AUDITOR);

		this.mvc
			.perform(get("/customers/{code}/financials", this.customer).header("Accept-Language", "en")
				.with(signedIn(auditor, Role.AUDITOR)))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("No statements yet."), not(containsString("/financials/new")))));
		this.mvc.perform(get("/customers/{code}/financials/new", this.customer).with(signedIn(auditor, Role.AUDITOR)))
			.andExpect(status().isForbidden());
	}

	@Test
	void aSalesUserGets404ForAnotherOwnersCustomer() throws Exception {
		String sales = this.fixtures.user(Role.SALES);

		this.mvc.perform(get("/customers/{code}/financials", this.customer).with(signedIn(sales, Role.SALES)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/customers/{code}/financials", this.customer).with(signedIn(sales, Role.SALES))
				.with(csrf())
				.param("periodEnd", "2025-12-31"))
			.andExpect(status().isNotFound());
	}

}
