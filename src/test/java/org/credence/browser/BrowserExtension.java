package org.credence.browser;

import java.lang.reflect.AnnotatedElement;
import java.nio.file.Path;
import java.util.Optional;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.AssertionFailedError;

import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Runs {@link BrowserTest}s: checks for Chromium before the Spring context starts (skip
 * or fail, see {@link Chromium}), starts Playwright and Chromium once per JVM, and gives
 * each test a fresh browser context that is closed after it, with a screenshot when the
 * test failed.
 */
class BrowserExtension
		implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(BrowserExtension.class);

	/**
	 * Skips every test of the class without Chromium, unless they are required. A
	 * condition rather than an assumption: no Spring context starts, and Surefire counts
	 * each test as skipped (an assumption failing in {@code @BeforeAll} shows as "Tests
	 * run: 0").
	 */
	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		Chromium chromium = Chromium.fromEnvironment();
		if (chromium.isAvailable() || chromium.required()) {
			return ConditionEvaluationResult.enabled("Chromium at " + chromium.executable());
		}
		if (context.getTestMethod().isEmpty()) {
			System.out.println("[WARNING] " + context.getDisplayName() + ": " + chromium.missingMessage());
		}
		return ConditionEvaluationResult.disabled(chromium.missingMessage());
	}

	/** Fails the class when Chromium is required but missing; starts it otherwise. */
	@Override
	public void beforeAll(ExtensionContext context) {
		Chromium chromium = Chromium.fromEnvironment();
		if (!chromium.isAvailable()) {
			throw new AssertionFailedError(chromium.missingMessage());
		}
		sharedBrowser(context, chromium);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		Browser browser = sharedBrowser(context, Chromium.fromEnvironment()).browser();
		ApplicationContext application = SpringExtension.getApplicationContext(context);
		String port = application.getEnvironment().getProperty("local.server.port");
		if (port == null) {
			throw new IllegalStateException("No server port: annotate the test class with @BrowserTest");
		}
		String testName = context.getRequiredTestClass().getSimpleName() + "."
				+ context.getRequiredTestMethod().getName();
		context.getStore(NAMESPACE)
			.put(BrowserSession.class,
					BrowserSession.open(browser, locale(context), "http://127.0.0.1:" + port, testName, application));
	}

	@Override
	public void afterEach(ExtensionContext context) {
		BrowserSession session = context.getStore(NAMESPACE).remove(BrowserSession.class, BrowserSession.class);
		if (session == null) {
			return;
		}
		try {
			if (context.getExecutionException().isPresent() && !session.page().isClosed()) {
				Path file = BrowserSession.screenshot(session.page(), context.getRequiredTestClass().getSimpleName()
						+ "-" + context.getRequiredTestMethod().getName() + "-FAILED");
				System.out.println("[INFO] Screenshot of the failed test: " + file.toAbsolutePath());
			}
		}
		catch (RuntimeException ex) {
			System.out.println("[WARNING] No screenshot of the failed test: " + ex.getMessage());
		}
		finally {
			session.close();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return type == Page.class || type == BrowserContext.class || type == BrowserSession.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		BrowserSession session = context.getStore(NAMESPACE).get(BrowserSession.class, BrowserSession.class);
		if (session == null) {
			throw new ParameterResolutionException("No browser for " + parameter.getParameter()
					+ ": browser objects are available to test methods only, not to constructors or @BeforeAll");
		}
		Class<?> type = parameter.getParameter().getType();
		return type == Page.class ? session.page() : type == BrowserContext.class ? session.context() : session;
	}

	private static String locale(ExtensionContext context) {
		return Optional.of(context.getRequiredTestMethod())
			.map(method -> findLocale(method))
			.or(() -> Optional.ofNullable(findLocale(context.getRequiredTestClass())))
			.orElse(BrowserLocale.CHINESE);
	}

	private static String findLocale(AnnotatedElement element) {
		BrowserLocale locale = AnnotatedElementUtils.findMergedAnnotation(element, BrowserLocale.class);
		return locale != null ? locale.value() : null;
	}

	/**
	 * Playwright and Chromium, started once for the JVM and closed when all tests ran.
	 */
	private static SharedBrowser sharedBrowser(ExtensionContext context, Chromium chromium) {
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(SharedBrowser.class, (type) -> SharedBrowser.start(chromium), SharedBrowser.class);
	}

	record SharedBrowser(Playwright playwright, Browser browser) implements AutoCloseable {

		static SharedBrowser start(Chromium chromium) {
			long started = System.nanoTime();
			Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Chromium.DRIVER_ENV));
			try {
				Browser browser = chromium.launch(playwright);
				System.out.printf("[INFO] Chromium %s from %s started for the browser tests in %d ms%n",
						browser.version(), chromium.executable(), (System.nanoTime() - started) / 1_000_000);
				return new SharedBrowser(playwright, browser);
			}
			catch (RuntimeException ex) {
				playwright.close();
				throw new IllegalStateException(
						"Could not launch Chromium at " + chromium.executable() + ": " + ex.getMessage(), ex);
			}
		}

		@Override
		public void close() {
			try {
				this.browser.close();
			}
			finally {
				this.playwright.close();
			}
		}

	}

}
