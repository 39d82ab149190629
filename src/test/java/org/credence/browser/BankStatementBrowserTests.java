package org.credence.browser;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.credence.browser.BrowserSession.Account;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.receivable.BankReceipt;
import org.credence.receivable.BankReceiptStatus;
import org.credence.receivable.BankReceipts;
import org.credence.receivable.InvoiceStatus;
import org.credence.receivable.ReceivableFixtures;
import org.credence.receivable.Receivables;
import org.credence.shared.Paging;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finance imports a bank statement in the browser: one receipt matches an invoice by its
 * number, the other waits in the unmatched receipts queue and is assigned by hand.
 */
@BrowserTest
class BankStatementBrowserTests {

	@Autowired
	Users users;

	@Autowired
	Customers customers;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	Receivables receivables;

	@Autowired
	BankReceipts receipts;

	@Test
	@BrowserLocale(BrowserLocale.CHINESE)
	void financeImportsAStatementAndAssignsTheUnmatchedReceipt(BrowserSession browser, Page page) {
		ReceivableFixtures fixtures = new ReceivableFixtures(this.users, this.customers, this.currentUser,
				this.receivables);
		String customer = fixtures.customer();
		String matched = fixtures.invoiceOf(customer, "1200.00", "2026-02-01", "2026-03-01");
		String assigned = fixtures.invoiceOf(customer, "691.34", "2026-02-05", "2026-03-05");
		String unique = ReceivableFixtures.unique("BR");
		String statement = String.join("\r\n", ":20:" + unique, ":25:CN00BROWSER" + unique.substring(3), ":28C:1/1",
				":60F:C260301CNY0,00", ":61:2603100310C1200,00NTRFNONREF//R1" + unique,
				":86:/CNTP/CN1234567890123/ICBKCNBJ/SOME BUYER///REMI/USTD//" + matched + "/",
				":61:2603100310C345,67NTRFNONREF//R2" + unique, ":86:CASH DEPOSIT BRANCH 12",
				":61:2603100310D12,00NTRFNONREF//R3" + unique, ":86:BANK FEE", ":62F:C260310CNY1533,67", "-");
		Account finance = browser.newUser(Role.FINANCE);
		List<String> problems = new ArrayList<>();
		page.onPageError(problems::add);
		browser.logIn(finance.username(), finance.password());

		page.navigate("/imports/bank-statements");
		page.setInputFiles("#import-file",
				new FilePayload("statement.sta", "text/plain", statement.getBytes(StandardCharsets.UTF_8)));
		page.locator("#import-page form button[type=submit]").click();
		assertThat(page.locator("#kpi-entries")).hasText("3");
		assertThat(page.locator("#kpi-credits")).hasText("2");
		assertThat(page.locator("#kpi-matched")).hasText("1");
		assertThat(page.locator("#kpi-unmatched")).hasText("1");
		assertThat(page.locator("#kpi-debits")).hasText("1");
		assertThat(page.locator("main")).containsText("按发票号");
		browser.screenshot("import-zh");

		// only this statement's receipt waits, so that it is on the queue's first page
		fixtures.asFinance(() -> {
			for (BankReceipt other : this.receipts.receipts(BankReceiptStatus.UNMATCHED, new Paging(0, 500)).items()) {
				if (!unique.equals(other.statementReference())) {
					this.receipts.dismiss(other.id(), "cleared by a test");
				}
			}
			return null;
		});
		page.navigate("/receivables/unmatched");
		page.locator("tr", new Page.LocatorOptions().setHasText("CASH DEPOSIT BRANCH 12"))
			.locator("input[name=customerCode]")
			.fill(customer);
		page.locator("tr", new Page.LocatorOptions().setHasText("CASH DEPOSIT BRANCH 12"))
			.locator("input[name=invoiceNumbers]")
			.fill(assigned);
		browser.screenshot("queue-zh");
		page.locator("tr", new Page.LocatorOptions().setHasText("CASH DEPOSIT BRANCH 12"))
			.locator("button", new Locator.LocatorOptions().setHasText("分配"))
			.click();
		assertThat(page.locator(".alert-success")).containsText(customer);
		assertThat(page.locator("main")).not().containsText("CASH DEPOSIT BRANCH 12");

		assertThat(fixtures.invoice(matched).status()).isEqualTo(InvoiceStatus.PAID);
		assertThat(fixtures.invoice(assigned).openAmount()).isEqualByComparingTo("345.67");
		assertThat(problems).as("page errors").isEmpty();
	}

}
