package org.credence.browser;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.credence.SecurityContexts;
import org.credence.assessment.Assessments;
import org.credence.assessment.statement.FinancialStatements;
import org.credence.browser.BrowserSession.Account;
import org.credence.customer.Customers;
import org.credence.exposure.CreditCheck;
import org.credence.exposure.CreditChecks;
import org.credence.exposure.Decision;
import org.credence.exposure.ReasonCode;
import org.credence.exposure.web.ExposurePageFixtures;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.limit.CreditLines;
import org.credence.limit.application.ApplicationFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The credit-hold queue in the browser: an order above the limit is blocked, the credit
 * manager releases it from the queue as a special approval, and the sales user who owns
 * the customer sees it released, in the queue and on the customer's Exposure tab.
 */
@BrowserTest
class CreditHoldBrowserTests {

	@Autowired
	Customers customers;

	@Autowired
	FinancialStatements statements;

	@Autowired
	Assessments assessments;

	@Autowired
	Users users;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	CreditLines lines;

	@Autowired
	CreditChecks checks;

	@Autowired
	Clock clock;

	@Test
	@BrowserLocale(BrowserLocale.ENGLISH)
	void aBlockedOrderAppearsInTheHoldQueueTheManagerReleasesItAndTheSalesUserSeesItReleased(BrowserSession browser,
			Page page) {
		Account sales = browser.newUser(Role.SALES);
		Account manager = browser.newUser(Role.CREDIT_MANAGER);
		String code = new ApplicationFixtures(this.customers, this.statements, this.assessments, this.users,
				this.currentUser)
			.rated(sales.username())
			.code();
		ExposurePageFixtures.grantLine(this.lines, this.currentUser, this.clock, code, "1000000");
		String orderRef = ExposurePageFixtures.orderRef();
		CreditCheck blocked = ExposurePageFixtures.check(this.checks, code, orderRef, "1200000");
		assertThat(blocked.decision()).isEqualTo(Decision.BLOCKED);
		assertThat(blocked.reasons()).extracting(r -> r.code()).contains(ReasonCode.LIMIT_EXCEEDED);
		List<String> problems = new ArrayList<>();
		page.onPageError(problems::add);

		browser.logIn(manager.username(), manager.password());
		page.navigate("/");
		assertThat(page.locator("#nav-holds .nav-count")).isVisible();
		page.locator("#nav-holds").click();
		assertThat(page.locator("#status")).hasValue("PENDING");
		Locator hold = page.locator("tbody.hold[data-order='" + orderRef + "']");
		assertThat(hold).containsText("Pending");
		assertThat(hold).containsText("exceeds the limit 1,000,000.00 by 200,000.00");
		assertThat(hold).containsText(sales.username());
		hold.locator("summary").click();
		assertThat(hold.locator(".terms")).containsText("limit 1,000,000.00 CNY");
		assertThat(hold.locator(".terms")).containsText("Special approval (信用特批)");
		assertThat(hold.locator(".terms")).containsText("200,000.00 CNY above the limit");
		hold.locator("button.release").click();
		hold = page.locator("tbody.hold[data-order='" + orderRef + "']");
		assertThat(hold.locator(".release-form .invalid-feedback").first())
			.containsText("Give the reason for the decision.");
		hold.locator(".release-form textarea[name=reason]").fill("Year-end order of a long-standing customer");
		hold.locator(".release-form input[name=excessUntil]").fill(LocalDate.now(this.clock).plusDays(30).toString());
		browser.screenshot("release-form");
		hold.locator("button.release").click();
		assertThat(page.locator(".flash-area .alert-success"))
			.containsText("Order " + orderRef + " of " + code + " released: its credit check now reads Approved.");
		assertThat(page.locator("tbody.hold[data-order='" + orderRef + "']")).hasCount(0);

		CreditCheck[] released = new CreditCheck[1];
		SecurityContexts.runAs(manager.username(), List.of(Role.CREDIT_MANAGER),
				() -> released[0] = this.checks.get(orderRef));
		assertThat(released[0].decision()).isEqualTo(Decision.APPROVED);
		assertThat(released[0].holdStatus()).isEqualTo("RELEASED");

		page.navigate("/customers/" + code + "/exposure");
		assertThat(page.locator("#exposure-limit")).hasText("1,000,000.00 CNY");
		assertThat(page.locator("#exposure-total")).hasText("1,200,000.00 CNY");
		assertThat(page.locator("#exposure-available")).hasText("-200,000.00 CNY");
		assertThat(page.locator("#utilisation-text")).containsText("120.0%");
		assertThat(page.locator("#utilisation-text")).containsText("above the limit");
		assertThat(page.locator("#checks-table tr[data-order='" + orderRef + "']")).containsText("Approved");
		assertThat(page.locator("#checks-table tr[data-order='" + orderRef + "']"))
			.containsText("Special approval by " + manager.username());
		assertThat(page.locator(".fact-available")).containsText("-200,000.00 CNY");
		browser.screenshot("exposure-tab");

		BrowserSession salesBrowser = browser.anotherBrowser(BrowserLocale.CHINESE);
		salesBrowser.logIn(sales.username(), sales.password());
		Page salesPage = salesBrowser.page();
		salesPage.onPageError(problems::add);
		salesPage.navigate("/credit-holds");
		Locator salesHold = salesPage.locator("tbody.hold[data-order='" + orderRef + "']");
		assertThat(salesHold.locator(".hold-status")).hasText("已放行");
		assertThat(salesHold).containsText("Year-end order of a long-standing customer");
		assertThat(salesHold.locator("summary")).hasCount(0);
		salesBrowser.screenshot("sales-queue");

		salesPage.locator("tbody.hold[data-order='" + orderRef + "'] a").first().click();
		assertThat(salesPage.locator("#exposure-limit")).hasText("1,000,000.00 CNY");
		assertThat(salesPage.locator("#exposure-total")).hasText("1,200,000.00 CNY");
		assertThat(salesPage.locator("#customer-holds-table tr[data-order='" + orderRef + "'] .hold-status"))
			.hasText("已放行");
		assertThat(salesPage.locator("#checks-table tr[data-order='" + orderRef + "'] .decision")).hasText("通过");
		assertThat(problems).as("page errors").isEmpty();
	}

}
