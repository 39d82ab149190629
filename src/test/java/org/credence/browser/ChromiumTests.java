package org.credence.browser;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChromiumTests {

	static final UnaryOperator<String> NONE = (name) -> null;

	@Test
	void usesDebiansChromiumAndSkipsWithoutIt() {
		Chromium chromium = Chromium.from(NONE, NONE);

		assertThat(chromium.executable()).isEqualTo(Path.of("/usr/bin/chromium"));
		assertThat(chromium.required()).isFalse();
	}

	@Test
	void takesTheExecutableAndRequirementFromTheEnvironment() {
		Chromium chromium = Chromium
			.from(Map.of("CREDENCE_CHROMIUM", "/opt/chromium/chrome", "CREDENCE_BROWSER_TESTS", "required")::get, NONE);

		assertThat(chromium.executable()).isEqualTo(Path.of("/opt/chromium/chrome"));
		assertThat(chromium.required()).isTrue();
	}

	@Test
	void prefersSystemPropertiesToTheEnvironment() {
		Chromium chromium = Chromium.from(Map.of("CREDENCE_CHROMIUM", "/env/chromium")::get,
				Map.of("credence.chromium", "/property/chromium", "credence.browser-tests", "REQUIRED")::get);

		assertThat(chromium.executable()).isEqualTo(Path.of("/property/chromium"));
		assertThat(chromium.required()).isTrue();
	}

	@Test
	void treatsABlankSettingAsUnset() {
		Chromium chromium = Chromium.from(Map.of("CREDENCE_CHROMIUM", " ", "CREDENCE_BROWSER_TESTS", "")::get, NONE);

		assertThat(chromium.executable()).isEqualTo(Path.of("/usr/bin/chromium"));
		assertThat(chromium.required()).isFalse();
	}

	@Test
	void explainsHowToSkipOrRequireWhenChromiumIsMissing() {
		Chromium missing = new Chromium(Path.of("/nonexistent/chromium"), false);

		assertThat(missing.isAvailable()).isFalse();
		assertThat(missing.missingMessage()).isEqualTo("Browser tests skipped: no Chromium at /nonexistent/chromium "
				+ "(set CREDENCE_CHROMIUM, or CREDENCE_BROWSER_TESTS=required to make them mandatory)");
		assertThat(new Chromium(Path.of("/nonexistent/chromium"), true).missingMessage()).startsWith(
				"Browser tests are required (CREDENCE_BROWSER_TESTS=required) but there is no executable Chromium");
	}

}
