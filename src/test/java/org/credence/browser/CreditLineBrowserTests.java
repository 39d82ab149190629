package org.credence.browser;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import com.microsoft.playwright.Page;
import org.credence.browser.BrowserSession.Account;
import org.credence.customer.CustomerFixtures;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.limit.ApplicationType;
import org.credence.limit.CreditApplicationApproved;
import org.credence.limit.CreditLines;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A credit manager on the customer's Credit line tab: records a guarantee, requires cover
 * and sees the shortfall, suspends the line with a reason and sees it in the header.
 */
@BrowserTest
class CreditLineBrowserTests {

	@Autowired
	Customers customers;

	@Autowired
	CreditLines lines;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	Clock clock;

	@Test
	@BrowserLocale(BrowserLocale.ENGLISH)
	void aManagerRecordsCollateralRequiresCoverAndSuspendsTheLine(BrowserSession browser, Page page) {
		Account manager = browser.newUser(Role.CREDIT_MANAGER);
		String code = CustomerFixtures.customer(this.customers, this.currentUser, "华东精密建材有限公司", null).code();
		LocalDate today = LocalDate.now(this.clock);
		this.currentUser.asSystem(() -> this.lines.applyApproved(new CreditApplicationApproved(11, code,
				ApplicationType.NEW, new BigDecimal("2000000.00"), "CNY", 60, today, null, "analyst", "manager")));
		browser.logIn(manager.username(), manager.password());

		page.navigate("/customers/" + code + "/credit-line");
		assertThat(page.locator(".fact-credit-line")).containsText("2,000,000.00 CNY");
		assertThat(page.locator("#line-status")).hasText("Active");

		page.locator("#collateral summary").first().click();
		page.locator("#c-type").selectOption("BANK_GUARANTEE");
		page.locator("#c-value").fill("500000");
		page.locator("#c-haircut").fill("10");
		page.locator("#c-provider").fill("中国银行上海分行");
		page.locator("#collateral-form button[type=submit]").click();
		assertThat(page.locator("#collateral")).containsText("450,000.00 CNY");

		page.locator("#cover-ratio").fill("0.5");
		page.locator("#cover-reason").fill("Downgraded to B");
		page.locator("#cover-ratio").press("Enter");
		assertThat(page.locator("#cover-shortfall")).containsText("1,000,000.00 CNY");

		page.locator("#suspend-reason").fill("Two invoices more than 60 days overdue");
		page.getByText("Suspend now").click();
		assertThat(page.locator("#line-status")).hasText("Suspended");
		assertThat(page.locator(".fact-credit-line")).containsText("Suspended");
		assertThat(page.locator("#line-history")).containsText("Two invoices more than 60 days overdue");
		browser.screenshot("suspended");
	}

}
