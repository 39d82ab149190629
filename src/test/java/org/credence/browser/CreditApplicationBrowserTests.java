package org.credence.browser;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Page;
import org.credence.assessment.Assessments;
import org.credence.assessment.statement.FinancialStatements;
import org.credence.browser.BrowserSession.Account;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.limit.application.ApplicationFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credit applications in the browser: an analyst applies for 3,000,000 for a rated
 * customer, a manager and two committee members approve from their inboxes, and the
 * customer's credit line shows 3,000,000; and a rejection with its reason.
 */
@BrowserTest
class CreditApplicationBrowserTests {

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

	private ApplicationFixtures fixtures() {
		return new ApplicationFixtures(this.customers, this.statements, this.assessments, this.users, this.currentUser);
	}

	@Test
	@BrowserLocale(BrowserLocale.ENGLISH)
	void analystAppliesManagerAndTwoCommitteeMembersApproveAndTheLineShowsTheLimit(BrowserSession browser, Page page) {
		String code = fixtures().rated(null).code();
		Account analyst = browser.newUser(Role.CREDIT_ANALYST);
		Account reviewer = browser.newUser(Role.CREDIT_ANALYST);
		Account manager = browser.newUser(Role.CREDIT_MANAGER);
		Account member1 = browser.newUser(Role.COMMITTEE_MEMBER);
		Account member2 = browser.newUser(Role.COMMITTEE_MEMBER);
		List<String> problems = new ArrayList<>();
		page.onPageError(problems::add);
		browser.logIn(analyst.username(), analyst.password());

		page.navigate("/customers/" + code + "/credit-line");
		page.locator("#apply-for-credit").click();
		assertThat(page.locator("#fact-grade")).containsText("BBB");
		assertThat(page.locator("#fact-grade")).containsText("Medium");
		assertThat(page.locator("#fact-recommendation")).not().isEmpty();
		page.locator("#amount").fill("3000000");
		assertThat(page.locator("#flag-above-maximum")).isVisible();
		page.locator("#termsDays").fill("60");
		page.locator("#reason").fill("Annual credit line for the new plant");
		page.locator("#submit-application").click();
		assertThat(page.locator("#notice")).isVisible();
		assertThat(page.locator("#route-table tbody tr")).hasCount(3);
		assertThat(page.locator("#route-table")).containsText("Credit committee");
		assertThat(page.locator("#waiting")).containsText("cannot approve it yourself");
		String url = page.url();
		String id = url.substring(url.lastIndexOf('/') + 1);
		browser.screenshot("submitted");

		approve(browser, reviewer, id, "Financials are sound");
		approve(browser, manager, id, "Agreed");
		approve(browser, member1, id, "Agreed in committee");
		Page last = approve(browser, member2, id, "Agreed in committee");
		assertThat(last.locator("#application-status")).hasText("Approved");
		assertThat(last.locator("#route-table")).containsText("Agreed in committee");
		browser.screenshot("approved");

		page.navigate("/customers/" + code + "/credit-line");
		assertThat(page.locator(".fact-credit-line")).containsText("3,000,000.00 CNY");
		assertThat(problems).as("page errors").isEmpty();
	}

	@Test
	@BrowserLocale(BrowserLocale.CHINESE)
	void anAnalystRejectsAnApplicationWithAReason(BrowserSession browser, Page page) {
		String code = fixtures().rated(null).code();
		Account requester = browser.newUser(Role.SALES, Role.CREDIT_ANALYST);
		Account analyst = browser.newUser(Role.CREDIT_ANALYST);
		browser.logIn(requester.username(), requester.password());
		page.navigate("/limits/applications/new?customer=" + code);
		page.locator("#amount").fill("800000");
		page.locator("#termsDays").fill("45");
		page.locator("#reason").fill("新客户首次授信");
		page.locator("#submit-application").click();
		assertThat(page.locator("#application-status")).hasText("审批中");
		String url = page.url();
		String id = url.substring(url.lastIndexOf('/') + 1);

		BrowserSession other = browser.anotherBrowser(BrowserLocale.CHINESE);
		other.logIn(analyst.username(), analyst.password());
		Page approver = other.page();
		approver.navigate("/limits/inbox");
		approver.locator("#inbox-table a[href='/limits/applications/" + id + "']").click();
		approver.locator("#reject").click();
		assertThat(approver.locator("#decision .invalid-feedback")).containsText("审批意见");
		approver.locator("#comment").fill("资产负债率过高，暂不授信");
		approver.locator("#reject").click();
		assertThat(approver.locator("#application-status")).hasText("已否决");
		assertThat(approver.locator("#route-table")).containsText("已跳过");
		assertThat(approver.locator("#route-table")).containsText("资产负债率过高，暂不授信");
		other.screenshot("rejected");

		page.navigate("/limits/applications?status=REJECTED&customer=" + code);
		assertThat(page.locator("#applications-table tbody tr")).hasCount(1);
		assertThat(page.locator("#applications-table")).containsText("已否决");
	}

	private static Page approve(BrowserSession browser, Account user, String id, String comment) {
		BrowserSession session = browser.anotherBrowser(BrowserLocale.ENGLISH);
		session.logIn(user.username(), user.password());
		Page page = session.page();
		page.navigate("/limits/inbox");
		assertThat(page.locator("#nav-inbox .nav-count")).isVisible();
		page.locator("#inbox-table a[href='/limits/applications/" + id + "']").click();
		assertThat(page.locator("#basis")).containsText("Recommendation");
		page.locator("#comment").fill(comment);
		page.locator("#approve").click();
		assertThat(page.locator("#notice")).isVisible();
		return page;
	}

}
