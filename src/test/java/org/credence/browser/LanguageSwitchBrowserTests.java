package org.credence.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.credence.browser.BrowserSession.Account;
import org.credence.identity.Role;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@BrowserTest
class LanguageSwitchBrowserTests {

	@Test
	@BrowserLocale(BrowserLocale.CHINESE)
	void adminReachesTheWorkbenchAfterLoggingIn(BrowserSession browser, Page page) {
		browser.logInAsAdmin();

		assertThat(page).hasURL(browser.baseUrl() + "/");
		assertThat(page.locator("h1.page-title")).containsText("Administrator");
		assertThat(page.locator(".topbar .user")).hasText("admin");
		assertThat(workbenchLink(page)).isVisible();
		browser.screenshot("workbench");
	}

	@Test
	@BrowserLocale(BrowserLocale.CHINESE)
	void switchesTheNavigationBetweenChineseAndEnglishAndRemembersTheChoice(BrowserSession browser, Page page) {
		browser.logInAsAdmin();

		page.locator(".lang-switch a", new Page.LocatorOptions().setHasText("English")).click();
		assertThat(workbenchLink(page)).hasText("Workbench");
		assertThat(page.locator("html")).hasAttribute("lang", "en");
		page.navigate("/");
		assertThat(workbenchLink(page)).hasText("Workbench");
		page.reload();
		assertThat(workbenchLink(page)).hasText("Workbench");
		browser.screenshot("workbench-en");

		page.locator(".lang-switch a", new Page.LocatorOptions().setHasText("简体中文")).click();
		assertThat(workbenchLink(page)).hasText("工作台");
		assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
		page.navigate("/");
		page.reload();
		assertThat(workbenchLink(page)).hasText("工作台");
	}

	@Test
	@BrowserLocale(BrowserLocale.CHINESE)
	void remembersTheChosenLanguageOnTheUserInAnotherBrowser(BrowserSession browser, Page page) {
		Account account = browser.newUser(Role.CREDIT_ANALYST);
		browser.logIn(account.username(), account.password());
		assertThat(workbenchLink(page)).hasText("工作台");
		page.locator(".lang-switch a", new Page.LocatorOptions().setHasText("English")).click();
		assertThat(workbenchLink(page)).hasText("Workbench");

		BrowserSession otherBrowser = browser.anotherBrowser(BrowserLocale.CHINESE);
		otherBrowser.page().navigate("/login");
		assertThat(otherBrowser.page().locator("label[for=username]")).hasText("用户名");
		otherBrowser.logIn(account.username(), account.password());

		assertThat(workbenchLink(otherBrowser.page())).hasText("Workbench");
	}

	private static Locator workbenchLink(Page page) {
		return page.locator("nav.sidebar .nav-list > li > a[href='/'] span");
	}

}
