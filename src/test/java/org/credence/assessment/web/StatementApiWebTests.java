package org.credence.assessment.web;

import org.credence.IntegrationTest;
import org.credence.customer.ActivityFixtures;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.credence.customer.ActivityFixtures.basic;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class StatementApiWebTests {

	/** The statement of SCENARIOS.md §2, with {@code %s} for equity. */
	static final String SCENARIO = """
			{"periodEnd": "2025-12-31", "periodType": "ANNUAL", "currency": "CNY", "audited": true, %s
			 "lines": {"totalAssets": 10000000, "totalLiabilities": 6000000, "equity": %s,
			           "currentAssets": "5000000", "currentLiabilities": 3000000, "inventory": 1000000,
			           "revenue": 12000000, "netProfit": 800000, "ebit": 1100000, "interestExpense": 200000,
			           "retainedEarnings": 1500000, "operatingCashFlow": 900000}}
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Customers customers;

	@Autowired
	CurrentUser currentUser;

	ActivityFixtures fixtures;

	String analyst;

	String customer;

	@BeforeEach
	void setUp() {
		this.fixtures = new ActivityFixtures(this.users, this.customers, this.currentUser);
		this.analyst = this.fixtures.user(Role.CREDIT_ANALYST);
		this.customer = this.fixtures.customer();
	}

	static String scenario(String equity) {
		return SCENARIO.formatted("", equity);
	}

	@Test
	void recordsAStatementAndAnswers201WithItsRatios() throws Exception {
		this.mvc
			.perform(post("/api/v1/customers/{code}/financial-statements", this.customer).with(basic(this.analyst))
				.contentType(MediaType.APPLICATION_JSON)
				.content(scenario("4000000")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.customerCode").value(this.customer))
			.andExpect(jsonPath("$.periodEnd").value("2025-12-31"))
			.andExpect(jsonPath("$.periodType").value("ANNUAL"))
			.andExpect(jsonPath("$.unit").value("YUAN"))
			.andExpect(jsonPath("$.audited").value(true))
			.andExpect(jsonPath("$.lines.totalAssets").value("10000000.00"))
			.andExpect(jsonPath("$.ratios.DEBT_RATIO").value("0.6000"))
			.andExpect(jsonPath("$.ratios.CURRENT_RATIO").value("1.6667"))
			.andExpect(jsonPath("$.ratios.QUICK_RATIO").value("1.3333"))
			.andExpect(jsonPath("$.ratios.INTEREST_COVERAGE").value("5.5000"))
			.andExpect(jsonPath("$.ratios.NET_MARGIN").value("0.0667"))
			.andExpect(jsonPath("$.ratios.ALTMAN_Z2").value("6.4902"))
			.andExpect(jsonPath("$.ratios.RECEIVABLES_TURNOVER").doesNotExist());

		this.mvc.perform(get("/api/v1/customers/{code}/financial-statements", this.customer).with(basic(this.analyst)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].ratios.EQUITY_TO_LIABILITIES").value("0.6667"));
	}

	@Test
	void convertsFiguresGivenInTenThousandYuan() throws Exception {
		this.mvc
			.perform(post("/api/v1/customers/{code}/financial-statements", this.customer).with(basic(this.analyst))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"periodEnd": "2025-12-31", "periodType": "annual", "unit": "TEN_THOUSAND",
						 "lines": {"totalAssets": "1000", "totalLiabilities": 600, "equity": 400.5}}
						"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.unit").value("TEN_THOUSAND"))
			.andExpect(jsonPath("$.currency").value("CNY"))
			.andExpect(jsonPath("$.lines.totalAssets").value("10000000.00"))
			.andExpect(jsonPath("$.lines.equity").value("4005000.00"));
	}

	@Test
	void refusesAnUnbalancedSheetNamingLinesEquityInChinese() throws Exception {
		this.mvc
			.perform(post("/api/v1/customers/{code}/financial-statements", this.customer).with(basic(this.analyst))
				.header("Accept-Language", "zh-CN")
				.contentType(MediaType.APPLICATION_JSON)
				.content(scenario("3000000")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].field").value("lines.equity"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("资产总计 10,000,000 ≠ 负债合计 + 所有者权益 9,000,000（相差 10.0%，超过 0.5% 容差）"));
	}

	@Test
	void refusesAnUnbalancedSheetInEnglish() throws Exception {
		this.mvc
			.perform(post("/api/v1/customers/{code}/financial-statements", this.customer).with(basic(this.analyst))
				.header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content(scenario("3000000")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(
					"Total assets 10,000,000 ≠ total liabilities + equity 9,000,000 (10.0% apart, over the 0.5% tolerance)."));
	}

	@Test
	void recordsAnUnbalancedSheetWithAReason() throws Exception {
		this.mvc
			.perform(post("/api/v1/customers/{code}/financial-statements", this.customer).with(basic(this.analyst))
				.contentType(MediaType.APPLICATION_JSON)
				.content(SCENARIO.formatted("\"balanceOverrideReason\": \"as filed by the customer\",", "3000000")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.balanceOverrideReason").value("as filed by the customer"));
	}

	@Test
	void namesEveryBadFieldInTheCallersLanguage() throws Exception {
		this.mvc
			.perform(post("/api/v1/customers/{code}/financial-statements", this.customer).with(basic(this.analyst))
				.header("Accept-Language", "zh-CN")
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"periodEnd": "2025-12-31", "periodType": "MONTHLY", "unit": "YUAN",
						 "lines": {"totalAssets": 100}}
						"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("periodType"))
			.andExpect(jsonPath("$.errors[0].message").value("请选择年报或季报。"));

		this.mvc
			.perform(post("/api/v1/customers/{code}/financial-statements", this.customer).with(basic(this.analyst))
				.header("Accept-Language", "zh-CN")
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"periodType": "ANNUAL", "currency": "RMB", "lines": {"totalAssets": -5, "totalLiabilities": 1}}
						"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'periodEnd')].message").value("请填写报表日期。"))
			.andExpect(jsonPath("$.errors[?(@.field == 'currency')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'lines.totalAssets')].message").value("资产总计必须大于零。"))
			.andExpect(jsonPath("$.errors[?(@.field == 'lines.equity')].message").value("请填写此合计数：资产负债表的平衡校验需要它。"));
	}

	@Test
	void aSalesUserDoesNotSeeAnotherOwnersCustomer() throws Exception {
		String sales = this.fixtures.user(Role.SALES);
		String other = this.fixtures.user(Role.SALES);
		String othersCustomer = this.fixtures.customer(other);

		this.mvc
			.perform(post("/api/v1/customers/{code}/financial-statements", othersCustomer).with(basic(sales))
				.contentType(MediaType.APPLICATION_JSON)
				.content(scenario("4000000")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/customers/{code}/financial-statements", othersCustomer).with(basic(sales)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/customers/{code}/financial-statements", othersCustomer).with(basic(other)))
			.andExpect(status().isOk());
	}

	@Test
	void anAuditorReadsButCannotRecord() throws Exception {
		String auditor = this.fixtures.user(Role.AUDITOR);

		this.mvc
			.perform(post("/api/v1/customers/{code}/financial-statements", this.customer).with(basic(auditor))
				.contentType(MediaType.APPLICATION_JSON)
				.content(scenario("4000000")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/customers/{code}/financial-statements", this.customer).with(basic(auditor)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(0)));
	}

}
