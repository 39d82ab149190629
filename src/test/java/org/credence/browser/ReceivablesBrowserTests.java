package org.credence.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.credence.browser.BrowserSession.Account;
import org.credence.customer.ActivityFixtures;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finance's day with the ledger: a file of invoices from the ERP goes in through the
 * import page, the customer's aging shows it, and the account statement for the period
 * lists it.
 */
@BrowserTest
class ReceivablesBrowserTests {

	@Autowired
	Customers customers;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	Clock clock;

	@Test
	@BrowserLocale(BrowserLocale.CHINESE)
	void financeImportsInvoicesSeesTheAgingChangeAndDownloadsTheStatement(BrowserSession browser, Page page)
			throws IOException {
		Account finance = browser.newUser(Role.FINANCE);
		String code = new ActivityFixtures(null, this.customers, this.currentUser).customer();
		LocalDate today = LocalDate.now(this.clock);
		// one invoice 45 days overdue (bucket 31–60), one not yet due
		LocalDate overdueIssued = today.minusDays(75);
		LocalDate overdueDue = today.minusDays(45);
		String overdue = "INV-" + code + "-1";
		String current = "INV-" + code + "-2";
		String csv = "externalId,customerCode,number,amount,currency,issueDate,dueDate\n" + "erp-" + overdue + ","
				+ code + "," + overdue + ",120000.00,CNY," + overdueIssued + "," + overdueDue + "\n" + "erp-" + current
				+ "," + code + "," + current + ",30000.00,CNY," + today.minusDays(5) + "," + today.plusDays(25) + "\n";
		browser.logIn(finance.username(), finance.password());

		page.navigate("/customers/" + code + "/receivables");
		Locator agingTable = page.locator(".aging-table");
		assertThat(agingTable.locator("tfoot tr").nth(1)).containsText("0.00");

		page.navigate("/imports/invoices");
		page.locator("#import-file")
			.setInputFiles(new FilePayload("invoices.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
		page.locator("#import-background").check();
		page.locator("#import-page button[type=submit]").click();
		// the job page polls until the import is done
		assertThat(page.locator("#job-status")).hasText("已完成");
		assertThat(page.locator("#job-progress")).containsText("已从 invoices.csv 导入 2 行");
		browser.screenshot("import-done");

		page.navigate("/customers/" + code + "/receivables");
		assertThat(agingTable.locator("tbody tr").nth(2)).containsText("120,000.00");
		assertThat(agingTable.locator("tfoot tr").nth(0)).containsText("150,000.00");
		assertThat(agingTable.locator("tfoot tr").nth(1)).containsText("120,000.00");
		assertThat(page.locator("#open-items")).containsText(overdue);
		browser.screenshot("aging-after-import");

		Locator statement = page.locator("#statements");
		page.fill("#statementFrom", overdueIssued.withDayOfMonth(1).toString());
		page.fill("#statementTo", today.toString());
		Download pdf = page.waitForDownload(() -> statement.locator("button[value=pdf]").click());
		byte[] content = Files.readAllBytes(pdf.path());
		assertThat(new String(content, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		String text = text(content);
		assertThat(text).contains(overdue, current, "150,000.00");
	}

	private static String text(byte[] pdf) throws IOException {
		PdfReader reader = new PdfReader(pdf);
		try {
			PdfTextExtractor extractor = new PdfTextExtractor(reader);
			StringBuilder text = new StringBuilder();
			for (int number = 1; number <= reader.getNumberOfPages(); number++) {
				text.append(extractor.getTextFromPage(number)).append('\n');
			}
			return text.toString();
		}
		finally {
			reader.close();
		}
	}

}
