package org.credence.browser;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Page;
import org.credence.browser.BrowserSession.Account;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.assessment.AssessmentFixtures.customer;

/**
 * The analyst's path of SCENARIOS.md §2 in the browser: a demo-like customer, the 2025
 * statement entered on the Financials tab, an assessment run with the qualitative
 * answers, and the grade, the factor table and the reasons in Chinese and in English.
 */
@BrowserTest
class AssessmentBrowserTests {

	@Autowired
	Customers customers;

	@Autowired
	CurrentUser currentUser;

	@Test
	@BrowserLocale(BrowserLocale.CHINESE)
	void analystEntersTheStatementRunsAnAssessmentAndReadsGradeFactorsAndReasonsInBothLanguages(BrowserSession browser,
			Page page) {
		CustomerDetails customer = customer(this.customers, this.currentUser, null,
				org.credence.customer.CustomerStatus.PROSPECT);
		Account analyst = browser.newUser(Role.CREDIT_ANALYST);
		List<String> problems = new ArrayList<>();
		page.onConsoleMessage(message -> {
			if ("error".equals(message.type())) {
				problems.add(message.text());
			}
		});
		page.onPageError(problems::add);
		browser.logIn(analyst.username(), analyst.password());

		page.navigate("/customers/" + customer.code() + "/financials");
		page.locator("#statements-empty a", new Page.LocatorOptions().setHasText("录入报表")).click();
		page.fill("#periodEnd", "2025-12-31");
		page.fill("#line-totalAssets", "10000000");
		page.fill("#line-totalLiabilities", "6000000");
		page.fill("#line-equity", "4000000");
		page.fill("#line-currentAssets", "5000000");
		page.fill("#line-currentLiabilities", "3000000");
		page.fill("#line-inventory", "1000000");
		page.fill("#line-revenue", "12000000");
		page.fill("#line-netProfit", "800000");
		page.fill("#line-ebit", "1100000");
		page.fill("#line-interestExpense", "200000");
		page.fill("#line-retainedEarnings", "1500000");
		page.fill("#line-operatingCashFlow", "900000");
		page.locator("button[type=submit]", new Page.LocatorOptions().setHasText("保存报表")).click();
		assertThat(page.locator("tr[data-ratio=DEBT_RATIO] td")).hasText("60.0%");

		page.locator(".nav-tabs a", new Page.LocatorOptions().setHasText("信用评估")).click();
		assertThat(page.locator("#current-rating")).containsText("尚未评估");
		page.locator("#run-assessment").click();
		page.selectOption("#q-MANAGEMENT", "4");
		page.selectOption("#q-BANK_CERTIFICATE", "1");
		page.locator("#assessment-form button[type=submit]").click();

		assertThat(page.locator("#grade")).hasText("BBB");
		assertThat(page.locator("#risk-class")).hasText("中风险");
		assertThat(page.locator("#factor-table tr[data-factor=DEBT_RATIO]")).containsText("资产负债率");
		assertThat(page.locator("#factor-table tr[data-factor=DEBT_RATIO]")).containsText("60.0%");
		assertThat(page.locator("#factor-table tr[data-factor=MANAGEMENT]")).containsText("良好");
		assertThat(page.locator("#factor-table tr[data-factor=AVG_DAYS_LATE]")).containsText("缺失：中性分");
		assertThat(page.locator("#reasons li").first()).containsText("扣");
		assertThat(page.locator("#reasons")).containsText("付款行为数据缺失");
		assertThat(page.locator("#override-form")).isVisible();
		browser.screenshot("assessment-zh");

		page.locator(".lang-switch a", new Page.LocatorOptions().setHasText("English")).click();
		assertThat(page.locator("#factor-table thead")).containsText("Contribution");
		assertThat(page.locator("#factor-table tr[data-factor=DEBT_RATIO]")).containsText("Debt ratio");
		assertThat(page.locator("#factor-table tr[data-factor=AVG_DAYS_LATE]")).containsText("missing: neutral");
		assertThat(page.locator("#reasons")).containsText("Payment behaviour missing");
		assertThat(page.locator("#reasons li").first()).containsText("cost");
		browser.screenshot("assessment-en");

		page.locator(".nav-tabs a", new Page.LocatorOptions().setHasText("Assessments")).click();
		assertThat(page.locator("#current-grade")).hasText("BBB");
		page.waitForFunction(
				"() => window.Chart && Chart.getChart(document.getElementById('assessment-history-chart'))");
		assertThat(page.locator("#assessment-history tbody tr")).hasCount(1);
		browser.screenshot("assessments-en");
		assertThat(problems).as("console errors (CSP, scripts)").isEmpty();
	}

}
