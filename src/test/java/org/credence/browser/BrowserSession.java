package org.credence.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.credence.identity.CurrentUser;
import org.credence.identity.NewUser;
import org.credence.identity.Role;
import org.credence.identity.Users;

import org.springframework.context.ApplicationContext;

/**
 * One test's browser: a fresh context and page on the application's base URL, so
 * {@code page.navigate("/login")} works, and the steps most browser tests share.
 */
public final class BrowserSession {

	/** The administrator's password in tests ({@code application-test.yml}). */
	public static final String ADMIN_PASSWORD = "admin-password-for-tests";

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final BrowserContext context;

	private final Page page;

	private final String baseUrl;

	private final String testName;

	private final ApplicationContext application;

	private final List<BrowserSession> others = new ArrayList<>();

	private BrowserSession(BrowserContext context, String baseUrl, String testName, ApplicationContext application) {
		this.context = context;
		this.page = context.newPage();
		this.baseUrl = baseUrl;
		this.testName = testName;
		this.application = application;
	}

	static BrowserSession open(Browser browser, String locale, String baseUrl, String testName,
			ApplicationContext application) {
		BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl)
			.setLocale(locale)
			.setViewportSize(1280, 800)
			.setTimezoneId("Asia/Shanghai"));
		context.setDefaultTimeout(30_000);
		return new BrowserSession(context, baseUrl, testName, application);
	}

	/**
	 * A second browser on the application, with no cookies of this one: another device of
	 * the same user, or another user. Closed with this one.
	 */
	public BrowserSession anotherBrowser(String locale) {
		BrowserSession other = open(this.context.browser(), locale, this.baseUrl, this.testName, this.application);
		this.others.add(other);
		return other;
	}

	void close() {
		this.others.forEach(BrowserSession::close);
		this.context.close();
	}

	public Page page() {
		return this.page;
	}

	public BrowserContext context() {
		return this.context;
	}

	/** The application's root URL, without a trailing slash. */
	public String baseUrl() {
		return this.baseUrl;
	}

	/** Opens the login page and submits the form, without waiting for the outcome. */
	public void submitLogin(String username, String password) {
		this.page.navigate("/login");
		this.page.locator("#username").fill(username);
		this.page.locator("#password").fill(password);
		this.page.locator("form button[type=submit]").click();
	}

	/**
	 * Logs in and waits until the application lets the user in.
	 * @throws AssertionError when the login page comes back instead
	 */
	public void logIn(String username, String password) {
		submitLogin(username, password);
		this.page.waitForLoadState();
		if (this.page.url().startsWith(this.baseUrl + "/login")) {
			String alert = this.page.locator(".login-card [role=alert]").allInnerTexts().toString();
			throw new AssertionError("Login as " + username + " failed: " + alert);
		}
	}

	public void logInAsAdmin() {
		logIn("admin", ADMIN_PASSWORD);
	}

	/**
	 * Creates an enabled user with a unique name and the given roles, so a test can fail
	 * logins or change preferences without touching anyone else's account.
	 */
	public Account newUser(Role role, Role... more) {
		String username = "browser-" + UUID.randomUUID().toString().substring(0, 8);
		String password = "password-" + UUID.randomUUID();
		Set<Role> roles = EnumSet.of(role, more);
		Users users = this.application.getBean(Users.class);
		this.application.getBean(CurrentUser.class)
			.asSystem(() -> users.create(new NewUser(username, "Browser test " + username, null, roles, password)));
		return new Account(username, password);
	}

	/**
	 * Saves a full-page screenshot as {@code target/screenshots/<TestClass>-<name>.png}
	 * for a human to look at.
	 */
	public Path screenshot(String name) {
		return screenshot(this.page, this.testName.substring(0, this.testName.indexOf('.')) + "-" + name);
	}

	static Path screenshot(Page page, String fileName) {
		try {
			Files.createDirectories(SCREENSHOTS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Path file = SCREENSHOTS.resolve(fileName.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
		page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
		return file;
	}

	/** A user a test created, with its password. */
	public record Account(String username, String password) {
	}

}
