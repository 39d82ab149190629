package org.credence.browser;

import com.microsoft.playwright.Page;
import org.credence.browser.BrowserSession.Account;
import org.credence.customer.CustomerDetails;
import org.credence.customer.CustomerDraft;
import org.credence.customer.Customers;
import org.credence.customer.Uscc;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@BrowserTest
class CustomerBrowserTests {

	@Autowired
	Customers customers;

	@Autowired
	CurrentUser currentUser;

	@Test
	@BrowserLocale(BrowserLocale.CHINESE)
	void analystFixesAnInvalidUsccSavesFindsTheCustomerAndSwitchesToEnglish(BrowserSession browser, Page page) {
		Account analyst = browser.newUser(Role.CREDIT_ANALYST);
		String code = "BR-" + Long.toString(System.nanoTime(), 36).toUpperCase();
		String first17 = "91310000MA1FL" + String.format("%04d", (int) (System.nanoTime() % 10_000));
		String valid = first17 + Uscc.checkCharacter(first17);
		String wrong = first17 + (valid.charAt(17) == '0' ? '1' : '0');
		browser.logIn(analyst.username(), analyst.password());

		page.locator(".sidebar a", new Page.LocatorOptions().setHasText("新建客户")).click();
		page.fill("#code", code);
		page.fill("#name", "浏览器测试建材有限公司");
		page.fill("#uscc", wrong);
		assertThat(page.locator("#uscc-live")).hasText("统一社会信用代码校验位错误");
		page.locator("button[type=submit]", new Page.LocatorOptions().setHasText("保存")).click();

		assertThat(page.locator("#uscc-error")).hasText("统一社会信用代码校验位错误");
		assertThat(page.locator("#name")).hasValue("浏览器测试建材有限公司");
		browser.screenshot("invalid-uscc");
		page.fill("#uscc", valid);
		assertThat(page.locator("#uscc-live")).isHidden();
		page.selectOption("#industry", "C");
		page.locator("button[type=submit]", new Page.LocatorOptions().setHasText("保存")).click();

		assertThat(page.locator(".customer-header h1")).hasText("浏览器测试建材有限公司");
		assertThat(page.locator(".flash-area")).containsText(code);

		page.locator(".sidebar a", new Page.LocatorOptions().setHasText("客户")).first().click();
		page.fill("#q", code);
		page.locator("form.filters button[type=submit]").click();
		assertThat(page.locator("#customer-table tbody tr")).hasCount(1);
		assertThat(page.locator("#customer-table tbody")).containsText("浏览器测试建材有限公司");
		assertThat(page.locator("#customer-table tbody")).containsText("制造业");

		page.locator(".lang-switch a", new Page.LocatorOptions().setHasText("English")).click();
		assertThat(page.locator("#customer-table thead")).containsText("Customer code");
		assertThat(page.locator("#customer-table tbody")).containsText("Manufacturing");
		assertThat(page.locator("#q")).hasValue(code);
		browser.screenshot("customer-list-en");
	}

	@Test
	@BrowserLocale(BrowserLocale.ENGLISH)
	void salesSeeTheirOwnCustomersButNotAnotherOwners(BrowserSession browser, Page page) {
		Account wang = browser.newUser(Role.SALES);
		Account zhao = browser.newUser(Role.SALES);
		CustomerDetails own = register("王的客户浏览器测试有限公司", wang.username());
		CustomerDetails others = register("赵的客户浏览器测试有限公司", zhao.username());
		browser.logIn(wang.username(), wang.password());

		page.navigate("/customers/" + own.code());
		assertThat(page.locator(".customer-header h1")).hasText(own.name());
		page.navigate("/customers/" + others.code());
		assertThat(page.locator("main")).containsText("does not exist");
		assertThat(page.locator("body")).not().containsText(others.name());
		page.navigate("/customers?q=" + others.code());
		assertThat(page.locator("main")).containsText("No customers match");
	}

	private CustomerDetails register(String name, String owner) {
		String code = "BR-" + Long.toString(System.nanoTime(), 36).toUpperCase();
		CustomerDraft draft = new CustomerDraft(code, name, null, null, "CN", null, null, null, null, null, null, null,
				null, null, owner, null, null, null);
		return this.currentUser.asSystem(() -> this.customers.register(draft)).customer();
	}

	@Test
	@BrowserLocale(BrowserLocale.CHINESE)
	void aUsccTypedBeforeTheScriptsLoadedIsCheckedAllTheSame(BrowserSession browser, Page page) {
		Account analyst = browser.newUser(Role.CREDIT_ANALYST);
		browser.logIn(analyst.username(), analyst.password());
		String first17 = "91310000MA1FL" + String.format("%04d", (int) (System.nanoTime() % 10_000));
		char check = Uscc.checkCharacter(first17);
		String wrong = first17 + (check == '0' ? '1' : '0');
		// The page's script arrives only after the field is filled, as on a slow
		// connection
		// or when the browser fills the form in from its history.
		java.util.concurrent.CountDownLatch filled = new java.util.concurrent.CountDownLatch(1);
		page.route("**/js/credence.js", route -> {
			try {
				filled.await(5, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			route.resume();
		});
		page.navigate(browser.baseUrl() + "/customers/new",
				new Page.NavigateOptions().setWaitUntil(com.microsoft.playwright.options.WaitUntilState.COMMIT));
		page.fill("#uscc", wrong);
		filled.countDown();

		assertThat(page.locator("#uscc-live")).hasText("统一社会信用代码校验位错误");
		page.unrouteAll();
	}

}
