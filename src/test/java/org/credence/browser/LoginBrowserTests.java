package org.credence.browser;

import com.microsoft.playwright.Page;
import org.credence.browser.BrowserSession.Account;
import org.credence.identity.Role;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@BrowserTest
class LoginBrowserTests {

	@Test
	@BrowserLocale(BrowserLocale.ENGLISH)
	void showsTheLoginPageInEnglishToAnEnglishBrowser(BrowserSession browser, Page page) {
		page.navigate("/login");

		assertThat(page).hasTitle("Log in · Credence");
		assertThat(page.locator("html")).hasAttribute("lang", "en");
		assertThat(page.locator("label[for=username]")).hasText("User name");
		assertThat(page.locator("label[for=password]")).hasText("Password");
		assertThat(page.locator("form button[type=submit]")).hasText("Log in");
		browser.screenshot("login-page-en");
	}

	@Test
	@BrowserLocale(BrowserLocale.CHINESE)
	void showsAWrongPasswordInChineseToAChineseBrowser(BrowserSession browser, Page page) {
		Account account = browser.newUser(Role.CREDIT_ANALYST);

		browser.submitLogin(account.username(), "not-" + account.password());

		assertThat(page.locator(".login-card [role=alert]")).hasText("用户名或密码错误。");
		assertThat(page).hasTitle("登录 · Credence");
		assertThat(page.locator("label[for=username]")).hasText("用户名");
		browser.screenshot("login-failed-zh");
	}

	@Test
	@BrowserLocale(BrowserLocale.ENGLISH)
	void showsAWrongPasswordInEnglishToAnEnglishBrowser(BrowserSession browser, Page page) {
		Account account = browser.newUser(Role.CREDIT_ANALYST);

		browser.submitLogin(account.username(), "not-" + account.password());

		assertThat(page.locator(".login-card [role=alert]")).hasText("Wrong user name or password.");
	}

}
