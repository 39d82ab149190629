package org.credence.limit.line.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.credence.IntegrationTest;
import org.credence.TestClock;
import org.credence.customer.CustomerFixtures;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.limit.ApplicationType;
import org.credence.limit.CreditApplicationApproved;
import org.credence.limit.CreditLineStatus;
import org.credence.limit.CreditLines;
import org.junit.jupiter.api.AfterEach;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class CreditLinePagesTests {

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
		return CustomerFixtures.user(this.users, this.currentUser, "p-" + role.name().toLowerCase(Locale.ROOT), role);
	}

	private String customerWithLine(String owner) {
		String code = CustomerFixtures.customer(this.customers, this.currentUser, "页面测试有限公司", owner).code();
		this.currentUser
			.asSystem(() -> this.lines.applyApproved(new CreditApplicationApproved(7, code, ApplicationType.NEW,
					new BigDecimal("2000000.00"), "CNY", 60, LocalDate.parse("2026-01-12"), null, "a", "m")));
		return code;
	}

	@Test
	void showsTheLineItsHistoryAndTheManagersFormsInEnglishAndTheLineInTheHeader() throws Exception {
		this.clock.setDate(LocalDate.parse("2026-03-01"));
		String manager = user(Role.CREDIT_MANAGER);
		String code = customerWithLine(null);

		this.mvc
			.perform(get("/customers/{code}/credit-line", code).with(signedIn(manager, Role.CREDIT_MANAGER))
				.locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("2,000,000.00 CNY"), containsString("Effective limit"),
					containsString("60 days"), containsString("2026-01-12 – 2027-01-11"), containsString("Active"),
					containsString("Granted"), containsString("Application 7"), containsString("Suspend now"),
					containsString("Record a collateral or guarantee"), containsString("aria-current=\"page\""),
					containsString("fact-credit-line"), containsString("No collateral or guarantees yet"))));
		this.mvc
			.perform(get("/customers/{code}/credit-line", code).param("asOf", "2026-01-11")
				.with(signedIn(manager, Role.CREDIT_MANAGER))
				.locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Credit line as of 2026-01-11"),
					containsString("No credit line on 2026-01-11"))));
	}

	@Test
	void showsTemporaryIncreasesInTheLinesCurrencyAlsoAsOfADayBeforeTheLine() throws Exception {
		this.clock.setDate(LocalDate.parse("2026-03-01"));
		String manager = user(Role.CREDIT_MANAGER);
		String code = CustomerFixtures.customer(this.customers, this.currentUser, "页面测试有限公司", null).code();
		this.currentUser.asSystem(() -> {
			this.lines.applyApproved(new CreditApplicationApproved(8, code, ApplicationType.NEW,
					new BigDecimal("200000.00"), "USD", 60, LocalDate.parse("2026-01-12"), null, "a", "m"));
			return this.lines.applyApproved(
					new CreditApplicationApproved(9, code, ApplicationType.TEMPORARY, new BigDecimal("30000.00"), null,
							60, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"), "a", "m"));
		});

		this.mvc
			.perform(get("/customers/{code}/credit-line", code).param("asOf", "2026-01-11")
				.with(signedIn(manager, Role.CREDIT_MANAGER))
				.locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("No credit line on 2026-01-11"), containsString("30,000.00 USD"))));
	}

	@Test
	void theAuditTabNamesTheLinesChangesInWords() throws Exception {
		String auditor = user(Role.AUDITOR);
		String code = customerWithLine(null);

		this.mvc
			.perform(get("/customers/{code}/audit", code).with(signedIn(auditor, Role.AUDITOR)).locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Credit line granted")));
		this.mvc
			.perform(get("/customers/{code}/audit", code).with(signedIn(auditor, Role.AUDITOR))
				.locale(Locale.SIMPLIFIED_CHINESE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("授予授信额度")));
	}

	@Test
	void showsTheTabInChineseWithoutManagerFormsForAnAuditor() throws Exception {
		String auditor = user(Role.AUDITOR);
		String code = customerWithLine(null);

		this.mvc
			.perform(get("/customers/{code}/credit-line", code).with(signedIn(auditor, Role.AUDITOR))
				.locale(Locale.SIMPLIFIED_CHINESE))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("授信额度"), containsString("有效额度"), containsString("变更历史"),
					containsString("授予"), not(containsString("立即暂停")), not(containsString("登记担保物或保证")))));
	}

	@Test
	void aManagerSuspendsWithAReasonAndIsToldBesideTheFieldWithoutOne() throws Exception {
		String manager = user(Role.CREDIT_MANAGER);
		String code = customerWithLine(null);

		this.mvc
			.perform(post("/customers/{code}/credit-line/suspension", code).param("reason", " ")
				.with(signedIn(manager, Role.CREDIT_MANAGER))
				.with(csrf())
				.locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("is-invalid"), containsString("Give a reason."))));
		assertThat(this.currentUser.asSystem(() -> this.lines.current(code)).orElseThrow().status())
			.isEqualTo(CreditLineStatus.ACTIVE);

		this.mvc
			.perform(post("/customers/{code}/credit-line/suspension", code).param("reason", "逾期超过 90 天")
				.with(signedIn(manager, Role.CREDIT_MANAGER))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/customers/" + code + "/credit-line"));
		assertThat(this.currentUser.asSystem(() -> this.lines.current(code)).orElseThrow().status())
			.isEqualTo(CreditLineStatus.SUSPENDED);
		this.mvc
			.perform(get("/customers/{code}/credit-line", code).with(signedIn(manager, Role.CREDIT_MANAGER))
				.locale(Locale.ENGLISH))
			.andExpect(content().string(
					allOf(containsString("逾期超过 90 天"), containsString("Reinstate now"), containsString("Suspended"))));
	}

	@Test
	void aCollateralFormWithMistakesKeepsWhatWasTyped() throws Exception {
		String finance = user(Role.FINANCE);
		String code = customerWithLine(null);

		this.mvc
			.perform(post("/customers/{code}/credit-line/collateral", code).param("type", "BANK_GUARANTEE")
				.param("value", "abc")
				.param("haircutPercent", "10")
				.param("provider", "中国银行上海分行")
				.with(signedIn(finance, Role.FINANCE))
				.with(csrf())
				.locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Enter an amount greater than zero."),
					containsString("value=\"中国银行上海分行\""), containsString("value=\"abc\""))));

		this.mvc
			.perform(post("/customers/{code}/credit-line/collateral", code).param("type", "BANK_GUARANTEE")
				.param("value", "1,000,000")
				.param("haircutPercent", "10")
				.param("provider", "中国银行上海分行")
				.with(signedIn(finance, Role.FINANCE))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(get("/customers/{code}/credit-line", code).with(signedIn(finance, Role.FINANCE))
				.locale(Locale.ENGLISH))
			.andExpect(content().string(allOf(containsString("Bank guarantee"), containsString("900,000.00 CNY"))));
	}

	@Test
	void salesSeeTheirOwnCustomersLineButNotAnotherOwners() throws Exception {
		String sales = user(Role.SALES);
		String own = customerWithLine(sales);
		String other = customerWithLine(null);

		this.mvc.perform(get("/customers/{code}/credit-line", own).with(signedIn(sales, Role.SALES)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/credit-line/suspension"))));
		this.mvc.perform(get("/customers/{code}/credit-line", other).with(signedIn(sales, Role.SALES)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/customers/{code}/credit-line/suspension", own).param("reason", "x")
				.with(signedIn(sales, Role.SALES))
				.with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void theCustomerHeaderOnEveryTabShowsTheCreditLineOrNone() throws Exception {
		String analyst = user(Role.CREDIT_ANALYST);
		String withLine = customerWithLine(null);
		String without = CustomerFixtures.customer(this.customers, this.currentUser, "无额度有限公司", null).code();

		this.mvc
			.perform(get("/customers/{code}", withLine).with(signedIn(analyst, Role.CREDIT_ANALYST))
				.locale(Locale.SIMPLIFIED_CHINESE))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("fact-credit-line"), containsString("授信额度"),
					containsString("2,000,000.00 CNY"), containsString("/customers/" + withLine + "/credit-line"))));
		this.mvc
			.perform(get("/customers/{code}", without).with(signedIn(analyst, Role.CREDIT_ANALYST))
				.locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(
					allOf(containsString("fact-credit-line"), containsString("Credit line"), containsString("None"))));
	}

	@Test
	void showsTheGroupLimitBesideTheSumOfTheMembersLimitsAndLetsAManagerSetIt() throws Exception {
		String manager = user(Role.CREDIT_MANAGER);
		String group = CustomerFixtures.uniqueCode("GRP");
		String first = org.credence.limit.line.LineFixturesAccess.groupMember(this.customers, this.currentUser, group);
		String second = org.credence.limit.line.LineFixturesAccess.groupMember(this.customers, this.currentUser, group);
		for (String code : new String[] { first, second }) {
			this.currentUser
				.asSystem(() -> this.lines.applyApproved(new CreditApplicationApproved(8, code, ApplicationType.NEW,
						new BigDecimal("1500000.00"), "CNY", 60, LocalDate.now(this.clock), null, "a", "m")));
		}

		this.mvc
			.perform(post("/customers/{code}/credit-line/group-limit", first).param("amount", "-5")
				.param("reason", "集团额度")
				.with(signedIn(manager, Role.CREDIT_MANAGER))
				.with(csrf())
				.locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("Enter a group limit of zero or more"), containsString("value=\"-5\""))));
		this.mvc
			.perform(post("/customers/{code}/credit-line/group-limit", first).param("amount", "2,500,000")
				.param("reason", "集团额度")
				.with(signedIn(manager, Role.CREDIT_MANAGER))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());

		this.mvc
			.perform(get("/customers/{code}/credit-line", second).with(signedIn(manager, Role.CREDIT_MANAGER))
				.locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Group limit: 测试集团"), containsString("2,500,000.00 CNY"),
					containsString("3,000,000.00 CNY"), containsString("Limits of the 2 members"),
					containsString("The members&#39; limits together exceed the group limit."),
					containsString(first))));
	}

	@Test
	void theHeaderSaysWhenTheLineIsSuspended() throws Exception {
		String analyst = user(Role.CREDIT_ANALYST);
		String code = customerWithLine(null);
		this.currentUser.asSystem(() -> this.lines.suspend(code, "风险上升"));

		this.mvc
			.perform(get("/customers/{code}", code).with(signedIn(analyst, Role.CREDIT_ANALYST))
				.locale(Locale.SIMPLIFIED_CHINESE))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("2,000,000.00 CNY"), containsString("已暂停"),
					containsString("text-bg-warning"))));
	}

}
