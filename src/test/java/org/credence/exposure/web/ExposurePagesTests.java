package org.credence.exposure.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.credence.IntegrationTest;
import org.credence.SecurityContexts;
import org.credence.customer.CustomerFixtures;
import org.credence.customer.Customers;
import org.credence.exposure.CheckRuleSet;
import org.credence.exposure.CheckRuleVersions;
import org.credence.exposure.CreditCheck;
import org.credence.exposure.CreditChecks;
import org.credence.exposure.CreditHold;
import org.credence.exposure.CreditHolds;
import org.credence.exposure.Decision;
import org.credence.exposure.ReasonCode;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.limit.ApplicationType;
import org.credence.limit.CreditApplicationApproved;
import org.credence.limit.CreditLines;
import org.credence.shared.Paging;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.customer.ActivityFixtures.signedIn;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The exposure pages: the customer's Exposure tab, the credit-hold queue with its release
 * and reject forms, and the credit check rules form, in both languages and per role.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ExposurePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Customers customers;

	@Autowired
	CreditLines lines;

	@Autowired
	CreditChecks checks;

	@Autowired
	CreditHolds holds;

	@Autowired
	CheckRuleVersions rules;

	@Autowired
	Users users;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	Clock clock;

	private String user(Role role) {
		return CustomerFixtures.user(this.users, this.currentUser, "x-" + role.name().toLowerCase(Locale.ROOT), role);
	}

	private String customerWithLine(String owner, String limit) {
		return ExposurePageFixtures.customerWithLine(this.customers, this.lines, this.currentUser, this.clock, owner,
				limit);
	}

	private CreditHold holdOf(String code) {
		CreditHold[] hold = new CreditHold[1];
		SecurityContexts.runAs("reader", List.of(Role.CREDIT_MANAGER),
				() -> hold[0] = this.holds.search(null, code, new Paging(0, 10)).items().get(0));
		return hold[0];
	}

	private CreditCheck checkOf(String orderRef) {
		CreditCheck[] check = new CreditCheck[1];
		SecurityContexts.runAs("reader", List.of(Role.CREDIT_MANAGER), () -> check[0] = this.checks.get(orderRef));
		return check[0];
	}

	@Test
	void theTabShowsTheLimitWhatIsUsedItsCompositionTheChecksAndTheHoldsInBothLanguages() throws Exception {
		String manager = user(Role.CREDIT_MANAGER);
		String code = customerWithLine(null, "1000000");
		String approved = ExposurePageFixtures.orderRef();
		String blocked = ExposurePageFixtures.orderRef();
		assertThat(ExposurePageFixtures.check(this.checks, code, approved, "300000").decision())
			.isEqualTo(Decision.WARNING);
		assertThat(ExposurePageFixtures.check(this.checks, code, blocked, "900000").decision())
			.isEqualTo(Decision.BLOCKED);

		this.mvc
			.perform(get("/customers/{code}/exposure", code).with(signedIn(manager, Role.CREDIT_MANAGER))
				.locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Exposure today"), containsString("1,000,000.00 CNY"),
					containsString("300,000.00 CNY"), containsString("700,000.00 CNY"), containsString("30.0%"),
					containsString("within the limit"), containsString("Watch threshold 90.0% of the limit"),
					containsString("bg-success"), containsString("+ Reserved by credit checks"),
					containsString("Open orders due for delivery within 90 days"), containsString(approved),
					containsString(blocked), containsString("Warning"), containsString("Blocked"),
					containsString("Pending"), containsString("300,000.00 CNY until"),
					containsString("Exposure 300,000.00 plus this order 900,000.00 exceeds the limit 1,000,000.00"),
					containsString("fact-exposure"), containsString("fact-available"),
					containsString("aria-current=\"page\""),
					not(containsString("text-danger\" id=\"exposure-available")))));
		this.mvc
			.perform(get("/customers/{code}/exposure", code).with(signedIn(manager, Role.CREDIT_MANAGER))
				.locale(Locale.SIMPLIFIED_CHINESE))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("当前敞口"), containsString("额度使用率"), containsString("在额度以内"),
					containsString("信用检查预占"), containsString("待处理"), containsString("拦截"), containsString("敞口构成"),
					containsString("可用额度"))));
	}

	@Test
	void overTheLimitTheBarIsRedAndSaysSoAndTheHeaderShowsANegativeAvailableInRed() throws Exception {
		String manager = user(Role.CREDIT_MANAGER);
		String code = customerWithLine(null, "1000000");
		ExposurePageFixtures.check(this.checks, code, ExposurePageFixtures.orderRef(), "900000");
		this.currentUser.asSystem(
				() -> this.lines.applyApproved(new CreditApplicationApproved(8_799_999, code, ApplicationType.DECREASE,
						new BigDecimal("500000"), "CNY", 60, LocalDate.now(this.clock), null, "a", "m")));

		this.mvc
			.perform(get("/customers/{code}/exposure", code).with(signedIn(manager, Role.CREDIT_MANAGER))
				.locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("180.0%"), containsString("above the limit"), containsString("bg-danger"),
						containsString("-400,000.00 CNY"), containsString("fact-available text-danger"))));
	}

	@Test
	void withoutALineTheTabSaysThereIsNoLimitAndTheHeaderShowsNoAvailableCredit() throws Exception {
		String analyst = user(Role.CREDIT_ANALYST);
		String code = CustomerFixtures.customer(this.customers, this.currentUser, "无额度客户", null).code();

		this.mvc
			.perform(get("/customers/{code}/exposure", code).with(signedIn(analyst, Role.CREDIT_ANALYST))
				.locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("No limit"), containsString("No line"),
					containsString("there is nothing to measure the exposure against"),
					containsString("No credit checks yet"), containsString("fact-exposure"),
					not(containsString("fact-available")))));
	}

	@Test
	void salesSeeTheHoldsOfTheirOwnCustomersOnlyAndCannotDecideThem() throws Exception {
		String owner = user(Role.SALES);
		String other = user(Role.SALES);
		String code = customerWithLine(owner, "100000");
		String orderRef = ExposurePageFixtures.orderRef();
		ExposurePageFixtures.check(this.checks, code, orderRef, "500000");
		long id = holdOf(code).id();

		this.mvc.perform(get("/credit-holds").with(signedIn(owner, Role.SALES)).locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(orderRef), containsString("Pending"),
					containsString("<option value=\"ALL\" selected=\"selected\">All</option>"),
					not(containsString("Release or reject")))));
		this.mvc.perform(get("/credit-holds").with(signedIn(other, Role.SALES)).locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(orderRef))));
		this.mvc
			.perform(post("/credit-holds/{id}/release", id).param("reason", "I want it")
				.with(signedIn(owner, Role.SALES))
				.with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(checkOf(orderRef).decision()).isEqualTo(Decision.BLOCKED);
	}

	@Test
	void aManagerReleasesAHeldOrderWithAReasonAndTheCheckReadsApproved() throws Exception {
		String manager = user(Role.CREDIT_MANAGER);
		String code = customerWithLine(null, "1000000");
		SecurityContexts.runAs(manager, List.of(Role.CREDIT_MANAGER),
				() -> this.lines.suspend(code, "Payment behaviour under review"));
		String orderRef = ExposurePageFixtures.orderRef();
		ExposurePageFixtures.check(this.checks, code, orderRef, "100000");
		long id = holdOf(code).id();

		this.mvc
			.perform(get("/credit-holds").param("customer", code)
				.with(signedIn(manager, Role.CREDIT_MANAGER))
				.locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(orderRef), containsString("The credit line is suspended"),
					containsString("Release or reject"), containsString("Exposure now 0.00 CNY"),
					containsString("limit 1,000,000.00 CNY"), not(containsString("excess-until-" + id)),
					matchesPattern("(?s).*id=\"nav-holds\".*class=\"nav-count\">\\d+<.*"))));

		this.mvc
			.perform(post("/credit-holds/{id}/release", id).param("reason", " ")
				.param("status", "PENDING")
				.param("customer", code)
				.with(signedIn(manager, Role.CREDIT_MANAGER))
				.with(csrf())
				.locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Give the reason for the decision."),
					containsString("is-invalid"), containsString("<details open=\"open\">"))));

		this.mvc
			.perform(post("/credit-holds/{id}/release", id).param("reason", "Suspension is administrative only")
				.param("status", "PENDING")
				.param("customer", code)
				.with(signedIn(manager, Role.CREDIT_MANAGER))
				.with(csrf())
				.locale(Locale.ENGLISH))
			.andExpect(redirectedUrl("/credit-holds?status=PENDING&customer=" + code))
			.andExpect(flash().attribute("flashSuccess",
					"Order " + orderRef + " of " + code + " released: its credit check now reads Approved."));
		CreditCheck check = checkOf(orderRef);
		assertThat(check.decision()).isEqualTo(Decision.APPROVED);
		assertThat(check.reasons().get(0).code()).isEqualTo(ReasonCode.RELEASED_BY_MANAGER);

		this.mvc
			.perform(get("/credit-holds").param("status", "RELEASED")
				.param("customer", code)
				.with(signedIn(manager, Role.CREDIT_MANAGER))
				.locale(Locale.SIMPLIFIED_CHINESE))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(orderRef), containsString("已放行"),
					containsString("Suspension is administrative only"), not(containsString("放行或拒绝")))));
	}

	@Test
	void aReleaseAboveTheLimitNeedsADateAndIsRefusedWhenOnlyTheCommitteeMayAllowTheExcess() throws Exception {
		String manager = user(Role.CREDIT_MANAGER);
		// unrated: the approval matrix sends any excess of an unrated customer to the
		// committee
		String code = customerWithLine(null, "100000");
		String orderRef = ExposurePageFixtures.orderRef();
		ExposurePageFixtures.check(this.checks, code, orderRef, "200000");
		long id = holdOf(code).id();

		this.mvc
			.perform(get("/credit-holds").param("customer", code)
				.with(signedIn(manager, Role.CREDIT_MANAGER))
				.locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Special approval (信用特批)"),
					containsString("takes exposure 100,000.00 CNY above the limit"),
					containsString("id=\"excess-until-" + id + "\""), containsString("only the credit committee"),
					containsString("disabled=\"disabled\""))));

		this.mvc
			.perform(post("/credit-holds/{id}/release", id).param("reason", "Key account")
				.param("status", "PENDING")
				.with(signedIn(manager, Role.CREDIT_MANAGER))
				.with(csrf())
				.locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("state until when the special approval holds"),
					containsString(">Key account</textarea>"))));

		String until = LocalDate.now(this.clock).plusDays(10).toString();
		this.mvc
			.perform(post("/credit-holds/{id}/release", id).param("reason", "Key account")
				.param("excessUntil", until)
				.param("status", "PENDING")
				.with(signedIn(manager, Role.CREDIT_MANAGER))
				.with(csrf())
				.locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("needs the credit committee under the approval matrix"),
					containsString("value=\"" + until + "\""))));
		assertThat(checkOf(orderRef).decision()).isEqualTo(Decision.BLOCKED);

		this.mvc
			.perform(post("/credit-holds/{id}/reject", id).param("reason", "")
				.param("status", "PENDING")
				.with(signedIn(manager, Role.CREDIT_MANAGER))
				.with(csrf())
				.locale(Locale.SIMPLIFIED_CHINESE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"reject-reason-" + id + "\"")));
		this.mvc
			.perform(post("/credit-holds/{id}/reject", id).param("reason", "Too large for a new customer")
				.param("status", "PENDING")
				.with(signedIn(manager, Role.CREDIT_MANAGER))
				.with(csrf()))
			.andExpect(redirectedUrl("/credit-holds?status=PENDING"));
		CreditCheck check = checkOf(orderRef);
		assertThat(check.decision()).isEqualTo(Decision.BLOCKED);
		assertThat(check.reasons().get(0).code()).isEqualTo(ReasonCode.REJECTED_BY_MANAGER);
	}

	@Test
	void theRulesAreReadOnlyWithoutTheRightAndAFailedSaveKeepsWhatWasTyped() throws Exception {
		MultiValueMap<String, String> typed = formOfRulesInForce();
		typed.set("tolerancePercent", "five");
		typed.set("overdueDays", "");
		typed.set("note", "Typed note");
		String analyst = user(Role.CREDIT_ANALYST);
		String manager = user(Role.CREDIT_MANAGER);

		this.mvc.perform(get("/credit-check-rules").with(signedIn(analyst, Role.CREDIT_ANALYST)).locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Credit check rules"),
					containsString("You can read the rules; credit managers change them."),
					containsString("Tolerance above the limit"), containsString("Limit exceeded"),
					not(containsString("id=\"save-rules\"")))));
		this.mvc
			.perform(post("/credit-check-rules").param("tolerancePercent", "5")
				.with(signedIn(analyst, Role.CREDIT_ANALYST))
				.with(csrf()))
			.andExpect(status().isForbidden());

		this.mvc
			.perform(post("/credit-check-rules").params(typed)
				.with(signedIn(manager, Role.CREDIT_MANAGER))
				.with(csrf())
				.locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("value=\"five\""), containsString("Enter a number"),
					containsString("Required."), containsString(">Typed note</textarea>"),
					containsString("2 field(s) need attention"))));
	}

	@Test
	void aManagerSavesTheRulesAsANewVersionWithANote() throws Exception {
		String manager = user(Role.CREDIT_MANAGER);
		int before = currentVersion();

		// the rules in force again, so that other tests sharing the database see the same
		this.mvc
			.perform(post("/credit-check-rules").params(formOfRulesInForce())
				.param("note", "Reviewed, unchanged")
				.with(signedIn(manager, Role.CREDIT_MANAGER))
				.with(csrf())
				.locale(Locale.ENGLISH))
			.andExpect(redirectedUrl("/credit-check-rules"));
		int after = currentVersion();
		assertThat(after).isGreaterThan(before);

		this.mvc
			.perform(get("/credit-check-rules").with(signedIn(manager, Role.CREDIT_MANAGER))
				.locale(Locale.SIMPLIFIED_CHINESE))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("现行：第 " + after + " 版"),
					containsString("Reviewed, unchanged"), containsString("保存为新版本"))));
	}

	private int currentVersion() {
		int[] version = new int[1];
		SecurityContexts.runAs("reader", List.of(Role.CREDIT_MANAGER),
				() -> version[0] = this.rules.current().version());
		return version[0];
	}

	/** The form as the page shows the rules in force. */
	private MultiValueMap<String, String> formOfRulesInForce() {
		CheckRuleSet r = this.rules.inForce().rules();
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("tolerancePercent", r.tolerancePercent().toPlainString());
		if (r.countOpenOrders()) {
			form.add("countOpenOrders", "true");
		}
		form.add("orderHorizonDays", r.orderHorizonDays() == null ? "" : r.orderHorizonDays().toString());
		form.add("reservationDays", Integer.toString(r.reservationDays()));
		form.add("noCreditLine", r.noCreditLine().name());
		form.add("lineExpired", r.lineExpired().name());
		form.add("limitExceeded", r.limitExceeded().name());
		form.add("overdueDaysMode", r.overdueDaysMode().name());
		form.add("overdueDays", Integer.toString(r.overdueDays()));
		form.add("overdueDaysMinAmount", r.overdueDaysMinAmount().toPlainString());
		form.add("overdueAmountMode", r.overdueAmountMode().name());
		form.add("overdueAmount", r.overdueAmount().toPlainString());
		form.add("overdueGraceDays", Integer.toString(r.overdueGraceDays()));
		form.add("blacklisted", r.blacklisted().name());
		form.add("suspended", r.suspended().name());
		form.add("gradeMode", r.gradeMode().name());
		form.add("minimumGrade", r.minimumGrade());
		form.add("reviewOverdue", r.reviewOverdue().name());
		form.add("severeAlert", r.severeAlert().name());
		form.add("groupLimitExceeded", r.groupLimitExceeded().name());
		form.add("utilisationMode", r.utilisationMode().name());
		form.add("utilisationPercent", r.utilisationPercent().toPlainString());
		form.add("oldestItemMode", r.oldestItemMode().name());
		form.add("oldestItemDays", Integer.toString(r.oldestItemDays()));
		return form;
	}

}
