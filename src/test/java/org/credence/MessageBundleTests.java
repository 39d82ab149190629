package org.credence;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both languages are complete: every message key exists in English and in Simplified
 * Chinese.
 */
class MessageBundleTests {

	@ParameterizedTest
	@ValueSource(strings = { "app", "identity", "customer", "customer-activity", "integration", "receivable",
			"receivable-statement", "assessment-model", "assessment-statement", "assessment", "limit", "limit-policy",
			"limit-line", "exposure", "exposure-pages" })
	void everyKeyExistsInBothLanguages(String bundle) throws IOException {
		Properties english = load("messages/" + bundle + ".properties");
		Properties chinese = load("messages/" + bundle + "_zh_CN.properties");

		assertThat(english).as("%s has messages", bundle).isNotEmpty();
		assertThat(keys(chinese)).as("keys of %s_zh_CN against %s", bundle, bundle).isEqualTo(keys(english));
		assertThat(chinese.stringPropertyNames()).as("Chinese messages of %s that are left in English", bundle)
			.filteredOn(key -> isUntranslated(english.getProperty(key), chinese.getProperty(key)))
			.isEmpty();
	}

	private static boolean isUntranslated(String english, String chinese) {
		// the same text in both is fine for names, codes and units (Credence, English,
		// 万元)
		return english.equals(chinese) && english.matches(".*[a-z]{3,}\\s+[a-z]{3,}\\s+[a-z]{3,}.*");
	}

	private static Set<String> keys(Properties properties) {
		return new TreeSet<>(properties.stringPropertyNames());
	}

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundleTests.class.getClassLoader().getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
