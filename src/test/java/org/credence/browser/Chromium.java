package org.credence.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.jspecify.annotations.Nullable;

/**
 * Where the browser tests find Chromium and whether they must run. The executable is
 * {@code CREDENCE_CHROMIUM} (or the system property {@code credence.chromium}), by
 * default Debian's {@code /usr/bin/chromium}. With
 * {@code CREDENCE_BROWSER_TESTS=required} (or {@code -Dcredence.browser-tests=required})
 * a missing Chromium fails the tests; otherwise it skips them.
 *
 * @param executable the Chromium to launch
 * @param required whether a missing Chromium is a failure rather than a reason to skip
 */
record Chromium(Path executable, boolean required) {

	static final String DEFAULT_EXECUTABLE = "/usr/bin/chromium";

	/**
	 * Chromium's flags on these machines: the last five stop it calling out to a network
	 * that is closed.
	 */
	static final List<String> ARGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
			"--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
			"--disable-sync", "--disable-quic", "--no-first-run");

	/** The Node driver inside the Playwright jar must never download a browser. */
	static final Map<String, String> DRIVER_ENV = Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");

	static Chromium fromEnvironment() {
		return from(System::getenv, System::getProperty);
	}

	static Chromium from(UnaryOperator<@Nullable String> env, UnaryOperator<@Nullable String> properties) {
		String executable = firstNonBlank(properties.apply("credence.chromium"), env.apply("CREDENCE_CHROMIUM"),
				DEFAULT_EXECUTABLE);
		String mode = firstNonBlank(properties.apply("credence.browser-tests"), env.apply("CREDENCE_BROWSER_TESTS"),
				"optional");
		return new Chromium(Path.of(executable), "required".equals(mode.trim().toLowerCase(Locale.ROOT)));
	}

	boolean isAvailable() {
		return Files.isRegularFile(this.executable) && Files.isExecutable(this.executable);
	}

	String missingMessage() {
		if (this.required) {
			return "Browser tests are required (CREDENCE_BROWSER_TESTS=required) but there is no executable Chromium at "
					+ this.executable + " (install Debian's chromium package or set CREDENCE_CHROMIUM)";
		}
		return "Browser tests skipped: no Chromium at " + this.executable
				+ " (set CREDENCE_CHROMIUM, or CREDENCE_BROWSER_TESTS=required to make them mandatory)";
	}

	Browser launch(Playwright playwright) {
		return playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(this.executable)
				.setHeadless(true)
				.setArgs(ARGS)
				.setTimeout(60_000));
	}

	private static String firstNonBlank(@Nullable String... candidates) {
		for (String candidate : candidates) {
			if (candidate != null && !candidate.isBlank()) {
				return candidate.trim();
			}
		}
		throw new IllegalArgumentException("No value");
	}

}
