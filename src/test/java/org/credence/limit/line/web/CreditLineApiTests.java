package org.credence.limit.line.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.credence.IntegrationTest;
import org.credence.TestClock;
import org.credence.customer.CustomerFixtures;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.limit.ApplicationType;
import org.credence.limit.CreditApplicationApproved;
import org.credence.limit.CreditLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class CreditLineApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CreditLines lines;

	@Autowired
	Customers customers;

	@Autowired
	Users users;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	TestClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	private String user(Role role) {
		return CustomerFixtures.user(this.users, this.currentUser, role.name().toLowerCase().replace('_', '-'), role);
	}

	private static RequestPostProcessor basic(String username) {
		return httpBasic(username, CustomerFixtures.passwordOf(username));
	}

	private String customerWithLine(String owner) {
		String code = CustomerFixtures.customer(this.customers, this.currentUser, "接口测试有限公司", owner).code();
		this.currentUser
			.asSystem(() -> this.lines.applyApproved(new CreditApplicationApproved(1, code, ApplicationType.NEW,
					new BigDecimal("2000000.00"), "CNY", 60, LocalDate.parse("2026-01-12"), null, "a", "m")));
		return code;
	}

	@Test
	void answersTheLineInTheContractShapeAndAsOfADay() throws Exception {
		this.clock.setDate(LocalDate.parse("2026-02-01"));
		String code = customerWithLine(null);
		this.currentUser.asSystem(() -> this.lines.applyApproved(
				new CreditApplicationApproved(2, code, ApplicationType.TEMPORARY, new BigDecimal("500000.00"), "CNY",
						60, LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28"), "a", "m")));
		String analyst = user(Role.CREDIT_ANALYST);

		this.mvc.perform(get("/api/v1/customers/{code}/credit-line", code).with(basic(analyst)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.limit").value("2000000.00"))
			.andExpect(jsonPath("$.currency").value("CNY"))
			.andExpect(jsonPath("$.termsDays").value(60))
			.andExpect(jsonPath("$.validFrom").value("2026-01-12"))
			.andExpect(jsonPath("$.validTo").value("2027-01-11"))
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.effectiveLimit").value("2500000.00"))
			.andExpect(jsonPath("$.temporaryIncreases[0].amount").value("500000.00"))
			.andExpect(jsonPath("$.temporaryIncreases[0].validTo").value("2026-02-28"))
			.andExpect(jsonPath("$.securedAmount").value("0.00"))
			.andExpect(jsonPath("$.coverShortfall").value(false));
		this.mvc
			.perform(get("/api/v1/customers/{code}/credit-line", code).param("asOf", "2026-03-01").with(basic(analyst)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.effectiveLimit").value("2000000.00"))
			.andExpect(jsonPath("$.asOf").value("2026-03-01"));
		this.mvc
			.perform(get("/api/v1/customers/{code}/credit-line", code).param("asOf", "2026-01-11").with(basic(analyst)))
			.andExpect(status().isNotFound())
			.andExpect(header().string("Content-Type", "application/problem+json"));
		this.mvc.perform(get("/api/v1/customers/{code}/credit-line/history", code).with(basic(analyst)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].change").value(containsInAnyOrder("GRANTED")));
	}

	@Test
	void answers404WhenTheCustomerHasNoLineOrIsUnknown() throws Exception {
		String analyst = user(Role.CREDIT_ANALYST);
		String code = CustomerFixtures.customer(this.customers, this.currentUser, "无额度有限公司", null).code();

		this.mvc.perform(get("/api/v1/customers/{code}/credit-line", code).with(basic(analyst)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));
		this.mvc.perform(get("/api/v1/customers/{code}/credit-line", "NO-SUCH-CUSTOMER").with(basic(analyst)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/api/v1/customers/{code}/credit-line", code).param("asOf", "2026-13-01").with(basic(analyst)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void salesSeeOnlyTheirOwnCustomersLinesAndMayNotSuspend() throws Exception {
		String sales = user(Role.SALES);
		String own = customerWithLine(sales);
		String other = customerWithLine(null);

		this.mvc.perform(get("/api/v1/customers/{code}/credit-line", own).with(basic(sales)))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/customers/{code}/credit-line", other).with(basic(sales)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/customers/{code}/collateral", other).with(basic(sales)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/api/v1/customers/{code}/credit-line/suspension", own).with(basic(sales))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"x\"}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void aManagerSuspendsAndReinstatesWithAReason() throws Exception {
		String manager = user(Role.CREDIT_MANAGER);
		String code = customerWithLine(null);

		this.mvc
			.perform(post("/api/v1/customers/{code}/credit-line/suspension", code).with(basic(manager))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		this.mvc
			.perform(post("/api/v1/customers/{code}/credit-line/suspension", code).with(basic(manager))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"逾期\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUSPENDED"))
			.andExpect(jsonPath("$.suspendedReason").value("逾期"));
		this.mvc
			.perform(post("/api/v1/customers/{code}/credit-line/suspension", code).with(basic(manager))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"again\"}"))
			.andExpect(status().isUnprocessableContent());
		this.mvc
			.perform(post("/api/v1/customers/{code}/credit-line/reinstatement", code).with(basic(manager))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"已结清\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACTIVE"));
	}

	@Test
	void financeRecordsAndReleasesCollateralWithFieldErrorsForBadInput() throws Exception {
		String finance = user(Role.FINANCE);
		String code = customerWithLine(null);

		this.mvc
			.perform(post("/api/v1/customers/{code}/collateral", code).with(basic(finance))
				.contentType(MediaType.APPLICATION_JSON)
				.header("Accept-Language", "en")
				.content("{\"type\":\"GOLD\",\"value\":\"0\",\"haircutPercent\":\"10\",\"provider\":\"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("type", "value")));
		String location = this.mvc
			.perform(post("/api/v1/customers/{code}/collateral", code).with(basic(finance))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"type":"BANK_GUARANTEE","value":"1000000.00","currency":"CNY","haircutPercent":"20",
						 "validTo":"2099-12-31","provider":"招商银行","reference":"BG-1"}
						"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.securedValue").value("800000.00"))
			.andExpect(jsonPath("$.inForce").value(true))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.mvc.perform(get("/api/v1/customers/{code}/credit-line", code).with(basic(finance)))
			.andExpect(jsonPath("$.securedAmount").value("800000.00"));

		this.mvc.perform(delete(location).param("reason", "保函退回").with(basic(finance)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.releaseReason").value("保函退回"));
		this.mvc.perform(get("/api/v1/customers/{code}/credit-line", code).with(basic(finance)))
			.andExpect(jsonPath("$.securedAmount").value("0.00"));
	}

	@Test
	void aManagerSetsAGroupLimit() throws Exception {
		String manager = user(Role.CREDIT_MANAGER);
		String group = CustomerFixtures.uniqueCode("GRP");
		String member = org.credence.limit.line.LineFixturesAccess.groupMember(this.customers, this.currentUser, group);

		this.mvc
			.perform(put("/api/v1/groups/{group}/limit", group).with(basic(manager))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"amount\":\"5000000.00\",\"reason\":\"集团授信\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.limit").value("5000000.00"))
			.andExpect(jsonPath("$.memberLimits").value("0.00"))
			.andExpect(jsonPath("$.members[0].customerCode").value(member));
		this.mvc.perform(get("/api/v1/groups/{group}/limit", group + "-X").with(basic(manager)))
			.andExpect(status().isNotFound());
	}

}
