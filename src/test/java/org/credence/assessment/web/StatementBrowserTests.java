package org.credence.assessment.web;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Page;
import org.credence.browser.BrowserLocale;
import org.credence.browser.BrowserSession;
import org.credence.browser.BrowserSession.Account;
import org.credence.browser.BrowserTest;
import org.credence.customer.ActivityFixtures;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class StatementBrowserTests {

	@Autowired
	Users users;

	@Autowired
	Customers customers;

	@Autowired
	CurrentUser currentUser;

	@Test
	@BrowserLocale(BrowserLocale.CHINESE)
	void analystEntersAnUnbalancedStatementConfirmsItWithAReasonAndSeesRatiosAndTheChart(BrowserSession browser,
			Page page) {
		String customer = new ActivityFixtures(this.users, this.customers, this.currentUser).customer();
		Account analyst = browser.newUser(Role.CREDIT_ANALYST);
		List<String> problems = new ArrayList<>();
		page.onConsoleMessage(message -> {
			if ("error".equals(message.type())) {
				problems.add(message.text());
			}
		});
		page.onPageError(problems::add);
		browser.logIn(analyst.username(), analyst.password());

		page.navigate("/customers/" + customer + "/financials");
		assertThat(page.locator("#statements-empty")).containsText("尚无财务报表");
		page.locator("#statements-empty a", new Page.LocatorOptions().setHasText("录入报表")).click();
		page.fill("#periodEnd", "2025-12-31");
		page.selectOption("#unit", "TEN_THOUSAND");
		page.fill("#line-totalAssets", "1,000");
		page.fill("#line-totalLiabilities", "600");
		page.fill("#line-equity", "300");
		page.fill("#line-currentAssets", "500");
		page.fill("#line-currentLiabilities", "300");
		page.fill("#line-inventory", "100");
		page.fill("#line-retainedEarnings", "150");
		page.fill("#line-revenue", "1200");
		page.fill("#line-ebit", "110");
		page.fill("#line-interestExpense", "20");
		page.fill("#line-netProfit", "80");
		page.locator("button[type=submit]", new Page.LocatorOptions().setHasText("保存报表")).click();

		assertThat(page.locator("#balance-message")).hasText("资产总计 1,000 ≠ 负债合计 + 所有者权益 900（相差 10.0%，超过 0.5% 容差）");
		assertThat(page.locator("#line-equity")).hasValue("300");
		browser.screenshot("balance-check");
		page.fill("#balanceOverrideReason", "客户报送的报表即如此，待审计报告核实");
		page.locator("button[type=submit]", new Page.LocatorOptions().setHasText("保存报表")).click();

		assertThat(page.locator(".flash-area")).containsText("2025-12-31 年报 的报表已保存");
		assertThat(page.locator("tr[data-ratio=DEBT_RATIO] td")).hasText("60.0%");
		assertThat(page.locator("tr[data-ratio=CURRENT_RATIO] td")).hasText("1.67");
		assertThat(page.locator("#statements")).containsText("客户报送的报表即如此");
		page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('ratio-chart'))");
		Object datasets = page
			.evaluate("() => Chart.getChart(document.getElementById('ratio-chart')).data.datasets.map(d => d.label)");
		assertThat(datasets.toString()).contains("资产负债率", "流动比率", "Altman Z''");
		browser.screenshot("financials");
		assertThat(problems).as("console errors (CSP, scripts)").isEmpty();
	}

}
