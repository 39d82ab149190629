package org.credence.browser;

import java.io.IOException;
import java.nio.file.Files;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.credence.browser.BrowserSession.Account;
import org.credence.customer.ActivityFixtures;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.receivable.ReceivableFixtures;
import org.credence.receivable.Receivables;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class AccountStatementBrowserTests {

	@Autowired
	Customers customers;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	Receivables receivables;

	@Test
	@BrowserLocale(BrowserLocale.CHINESE)
	void financeDownloadsIssuesAndRecordsTheCustomersDispute(BrowserSession browser, Page page) throws IOException {
		Account finance = browser.newUser(Role.FINANCE);
		String code = new ActivityFixtures(null, this.customers, this.currentUser).customer();
		ActivityFixtures.as(finance.username(), Role.FINANCE, () -> {
			this.receivables.recordInvoice(ReceivableFixtures.invoice(code, ReceivableFixtures.unique("INV"),
					"800000.00", "2026-03-01", "2026-04-30"));
			this.receivables.recordPayment(ReceivableFixtures.payment(code, "500000.00", "2026-03-10"));
		});
		browser.logIn(finance.username(), finance.password());

		page.navigate("/customers/" + code + "/receivables");
		Locator section = page.locator("#statements");
		page.fill("#statementFrom", "2026-03-01");
		page.fill("#statementTo", "2026-03-31");
		Download pdf = page.waitForDownload(() -> section.locator("button[value=pdf]").click());
		assertThat(pdf.suggestedFilename()).isEqualTo("对账单-" + code + "-2026-03-01-2026-03-31.pdf");
		assertThat(new String(Files.readAllBytes(pdf.path()), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
			.isEqualTo("%PDF-");

		section.locator("button", new Locator.LocatorOptions().setHasText("出具并请客户确认")).click();
		assertThat(page.locator(".flash-area")).containsText("已出具");
		assertThat(page.locator("#issued-statements tbody tr")).hasCount(1);
		assertThat(page.locator("#issued-statements")).containsText("待回函");
		assertThat(page.locator("#issued-statements")).containsText("300,000.00");

		page.locator("#issued-statements summary").click();
		page.locator("#issued-statements input[value=DISPUTED]").check();
		page.locator("#issued-statements input[name=lines][value='2']").check();
		page.fill("#issued-statements textarea[name=note]", "3月10日收款应为 600,000.00");
		browser.screenshot("reply-form");
		page.locator("#issued-statements button[type=submit]").click();

		assertThat(page.locator("#issued-statements")).containsText("有异议");
		assertThat(page.locator("#issued-statements")).containsText("3月10日收款应为 600,000.00");
		browser.screenshot("disputed");
	}

}
