package org.credence.exposure.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.credence.IntegrationTest;
import org.credence.TestClock;
import org.credence.customer.ActivityFixtures;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.limit.ApplicationType;
import org.credence.limit.CreditApplicationApproved;
import org.credence.limit.CreditLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.credence.customer.CustomerFixtures.passwordOf;
import static org.credence.customer.CustomerFixtures.user;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The credit check API as {@code shared/API.md} promises it to order systems: the
 * answer's fields and types, reasons in the caller's language, the current decision by
 * order reference, release by DELETE, problem details naming the field, and who may call
 * what.
 */
@IntegrationTest
@AutoConfigureMockMvc
class CreditCheckApiWebTests {

	static final LocalDate TODAY = LocalDate.parse("2026-11-24");

	static long applications = 7_000_000;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Customers customers;

	@Autowired
	CreditLines lines;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	TestClock clock;

	String orderSystem;

	String customer;

	@BeforeEach
	void setUp() {
		this.clock.setDate(TODAY);
		this.orderSystem = user(this.users, this.currentUser, "erp", Role.ORDER_SYSTEM);
		this.customer = new ActivityFixtures(this.users, this.customers, this.currentUser).customer();
		this.currentUser.asSystem(() -> this.lines.applyApproved(new CreditApplicationApproved(++applications,
				this.customer, ApplicationType.NEW, new BigDecimal("1000000"), "CNY", 60, TODAY, null, "a", "m")));
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	String body(String orderRef, String amount) {
		return """
				{"customerCode": "%s", "orderRef": "%s", "amount": "%s", "currency": "CNY"}
				""".formatted(this.customer, orderRef, amount);
	}

	@Test
	void answersTheDecisionWithReasonsAndFiguresAsTheContractSays() throws Exception {
		String ref = ActivityFixtures.unique("PO");
		this.mvc
			.perform(post("/api/v1/credit-checks").with(httpBasic(this.orderSystem, passwordOf(this.orderSystem)))
				.contentType(MediaType.APPLICATION_JSON)
				.header("Accept-Language", "zh-CN")
				.content(body(ref, "1020000")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.checkId").isNumber())
			.andExpect(jsonPath("$.decision").value("WARNING"))
			.andExpect(jsonPath("$.reasons[*].code").value(hasItem("WITHIN_TOLERANCE")))
			.andExpect(jsonPath("$.reasons[?(@.code == 'WITHIN_TOLERANCE')].message")
				.value(hasItem("超出额度 20,000.00，在 5% 容差以内")))
			.andExpect(jsonPath("$.exposure").value("0.00"))
			.andExpect(jsonPath("$.limit").value("1000000.00"))
			.andExpect(jsonPath("$.available").value("1000000.00"))
			.andExpect(jsonPath("$.currency").value("CNY"))
			.andExpect(jsonPath("$.reservation").value("ACTIVE"));

		this.mvc
			.perform(get("/api/v1/customers/{code}/exposure", this.customer)
				.with(httpBasic(this.orderSystem, passwordOf(this.orderSystem))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.currency").value("CNY"))
			.andExpect(jsonPath("$.openReceivables").value("0.00"))
			.andExpect(jsonPath("$.openOrders").value("0.00"))
			.andExpect(jsonPath("$.reserved").value("1020000.00"))
			.andExpect(jsonPath("$.total").value("1020000.00"))
			.andExpect(jsonPath("$.limit").value("1000000.00"))
			.andExpect(jsonPath("$.available").value("-20000.00"))
			.andExpect(jsonPath("$.overdueAmount").value("0.00"))
			.andExpect(jsonPath("$.maxDaysOverdue").value(0));

		// a second order no longer fits: blocked, in English
		String second = ActivityFixtures.unique("PO");
		this.mvc
			.perform(post("/api/v1/credit-checks").with(httpBasic(this.orderSystem, passwordOf(this.orderSystem)))
				.contentType(MediaType.APPLICATION_JSON)
				.header("Accept-Language", "en")
				.content(body(second, "50000")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.decision").value("BLOCKED"))
			.andExpect(jsonPath("$.reasons[0].code").value("LIMIT_EXCEEDED"))
			.andExpect(jsonPath("$.reasons[0].message")
				.value("Exposure 1,020,000.00 plus this order 50,000.00 exceeds the limit 1,000,000.00 by 70,000.00"))
			.andExpect(jsonPath("$.available").value("-20000.00"))
			.andExpect(jsonPath("$.holdStatus").value("PENDING"));

		// the order system reads the decision by reference, and releases the first by
		// DELETE
		this.mvc
			.perform(get("/api/v1/credit-checks/{ref}", second)
				.with(httpBasic(this.orderSystem, passwordOf(this.orderSystem))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.decision").value("BLOCKED"));
		this.mvc
			.perform(delete("/api/v1/credit-checks/{ref}", ref)
				.with(httpBasic(this.orderSystem, passwordOf(this.orderSystem))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reservation").value("RELEASED"));
		this.mvc
			.perform(get("/api/v1/customers/{code}/exposure", this.customer)
				.with(httpBasic(this.orderSystem, passwordOf(this.orderSystem))))
			.andExpect(jsonPath("$.reserved").value("0.00"));
	}

	@Test
	void badInputIsAProblemNamingEachField() throws Exception {
		this.mvc
			.perform(post("/api/v1/credit-checks").with(httpBasic(this.orderSystem, passwordOf(this.orderSystem)))
				.contentType(MediaType.APPLICATION_JSON)
				.header("Accept-Language", "en")
				.content("""
						{"customerCode": "%s", "amount": "12.345", "currency": "CNYY"}
						""".formatted(this.customer)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("orderRef")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("amount")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("currency")));
		this.mvc
			.perform(get("/api/v1/credit-checks/{ref}", "NO-SUCH-ORDER")
				.with(httpBasic(this.orderSystem, passwordOf(this.orderSystem))))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/api/v1/credit-checks").with(httpBasic(this.orderSystem, passwordOf(this.orderSystem)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"customerCode": "NO-SUCH-CUSTOMER", "orderRef": "x-1", "amount": "1", "currency": "CNY"}
						"""))
			.andExpect(status().isNotFound());
	}

	@Test
	void onlyTheRightRolesCheckDecideOrSetRules() throws Exception {
		String auditor = user(this.users, this.currentUser, "auditor", Role.AUDITOR);
		this.mvc
			.perform(post("/api/v1/credit-checks").with(httpBasic(auditor, passwordOf(auditor)))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body(ActivityFixtures.unique("PO"), "1")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/credit-holds/1/release")
				.with(httpBasic(this.orderSystem, passwordOf(this.orderSystem)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"x\"}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/credit-check-rules").with(httpBasic(auditor, passwordOf(auditor))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rules.tolerancePercent").exists())
			.andExpect(jsonPath("$.rules.limitExceeded").value("BLOCK"));
		this.mvc
			.perform(put("/api/v1/credit-check-rules").with(httpBasic(auditor, passwordOf(auditor)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void aManagerSavesRulesThatAreCheckedFieldByField() throws Exception {
		String manager = user(this.users, this.currentUser, "manager", Role.CREDIT_MANAGER);
		String current = this.mvc
			.perform(get("/api/v1/credit-check-rules").with(httpBasic(manager, passwordOf(manager))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String rules = current.substring(current.indexOf("\"rules\":") + 8, current.indexOf(",\"note\""));
		String broken = rules.replaceFirst("\"tolerancePercent\":[^,]*", "\"tolerancePercent\":-1")
			.replaceFirst("\"minimumGrade\":\"[A-Z]*\"", "\"minimumGrade\":\"Z\"");
		this.mvc
			.perform(put("/api/v1/credit-check-rules").with(httpBasic(manager, passwordOf(manager)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"rules\": " + broken + ", \"note\": \"broken\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("tolerancePercent")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("minimumGrade")));
		// the same rules saved again make a new version, in force at once
		this.mvc
			.perform(put("/api/v1/credit-check-rules").with(httpBasic(manager, passwordOf(manager)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"rules\": " + rules + ", \"note\": \"unchanged, re-saved by a test\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").isNumber())
			.andExpect(jsonPath("$.note").value(containsString("re-saved")));
	}

}
