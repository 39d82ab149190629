package org.credence.browser;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Page;
import org.credence.assessment.AssessmentFixtures;
import org.credence.assessment.Assessments;
import org.credence.assessment.statement.FinancialStatements;
import org.credence.browser.BrowserSession.Account;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.limit.policy.BuiltInPolicy;
import org.credence.limit.policy.CreditPolicy;
import org.credence.limit.policy.CreditPolicyVersions;
import org.credence.limit.policy.RuleDraft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.SecurityContexts.runAs;

/**
 * A credit manager changes the credit policy in the browser: a draft from the active
 * version, a formula that does not parse refused beside its field, fixed, saved and
 * activated; the new version in the table and the old one in the history; the
 * recommendation worked out for a customer.
 */
@BrowserTest
class CreditPolicyBrowserTests {

	@Autowired
	CreditPolicyVersions versions;

	@Autowired
	Customers customers;

	@Autowired
	FinancialStatements statements;

	@Autowired
	Assessments assessments;

	@Autowired
	CurrentUser currentUser;

	@AfterEach
	void restoreBuiltInPolicy() {
		runAs("policy-manager", List.of(Role.CREDIT_MANAGER), () -> {
			if (!this.versions.active().rules().equals(BuiltInPolicy.rules())) {
				CreditPolicy draft = this.versions.startDraft();
				this.versions.updateDraft(draft.version(), BuiltInPolicy.rules().stream().map(RuleDraft::of).toList(),
						"built-in rules again (test)");
				this.versions.activate(draft.version());
			}
		});
	}

	@Test
	@BrowserLocale(BrowserLocale.CHINESE)
	void aManagerFixesARefusedFormulaAndActivatesTheDraft(BrowserSession browser, Page page) {
		CustomerDetails customer = AssessmentFixtures.scenarioCustomer(this.customers, this.statements,
				this.currentUser, null);
		runAs("policy-analyst", List.of(Role.CREDIT_ANALYST),
				() -> this.assessments.assess(customer.code(), null, java.util.Map.of()));
		Account manager = browser.newUser(Role.CREDIT_MANAGER);
		List<String> problems = new ArrayList<>();
		page.onConsoleMessage(message -> {
			if ("error".equals(message.type())) {
				problems.add(message.text());
			}
		});
		page.onPageError(problems::add);
		page.onDialog(dialog -> dialog.accept());
		browser.logIn(manager.username(), manager.password());

		page.locator(".sidebar a", new Page.LocatorOptions().setHasText("授信政策")).click();
		assertThat(page.locator("#rules tbody tr")).hasCount(10);
		assertThat(page.locator("#rules tbody tr").nth(6)).containsText("仅预付款");
		browser.screenshot("credit-policy-zh");
		if (page.locator("form[action$='/limits/policy/draft'] button").count() > 0) {
			page.locator("form[action$='/limits/policy/draft'] button").click();
		}
		else {
			page.locator("a[href$='/limits/policy/draft']").click();
		}

		page.fill("textarea[name='rules[2].formula']", "equity * 0.3 +");
		page.fill("textarea[name=note]", "A 级收紧");
		page.locator("#save").click();
		assertThat(page.locator("#problems")).containsText("草稿未保存");
		assertThat(page.locator("textarea[name='rules[2].formula']"))
			.hasClass(java.util.regex.Pattern.compile("is-invalid"));
		assertThat(page.locator("textarea[name='rules[2].formula'] + .invalid-feedback")).containsText("无法解析");
		assertThat(page.locator("textarea[name='rules[2].formula']")).hasValue("equity * 0.3 +");
		browser.screenshot("credit-policy-draft-zh");

		page.fill("textarea[name='rules[2].formula']", "equity * 0.3");
		page.locator("#save").click();
		assertThat(page.locator(".flash-area")).containsText("已保存");
		page.locator("#activate").click();

		assertThat(page.locator(".flash-area")).containsText("已生效");
		assertThat(page.locator("#rules tbody tr").nth(2)).containsText("equity * 0.3");
		assertThat(page.locator("#versions tbody tr").first()).containsText("生效");
		assertThat(page.locator("#versions")).containsText("已停用");
		page.locator(".lang-switch a", new Page.LocatorOptions().setHasText("English")).click();
		assertThat(page.locator("#rules thead")).containsText("Grade maximum");
		assertThat(page.locator("#versions")).containsText("A 级收紧");
		page.fill("#customer", customer.code());
		page.locator("#preview-form button").click();
		assertThat(page.locator("#recommended-amount")).hasText("1,000,000.00 CNY");
		assertThat(page.locator("#recommendation-basis")).containsText("Grade BBB under policy v");
		browser.screenshot("credit-policy-en");
		assertThat(problems).as("console errors (CSP, scripts)").isEmpty();
	}

}
