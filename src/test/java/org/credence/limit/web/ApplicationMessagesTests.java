package org.credence.limit.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The application messages with arguments: apostrophes kept, ids without separators. */
class ApplicationMessagesTests {

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	ApplicationMessagesTests() {
		this.messages.setBasenames("messages/limit");
		this.messages.setDefaultEncoding("UTF-8");
		this.messages.setFallbackToSystemLocale(false);
	}

	private String en(String code, Object... args) {
		return this.messages.getMessage(code, args, Locale.ENGLISH);
	}

	private String zh(String code, Object... args) {
		return this.messages.getMessage(code, args, Locale.SIMPLIFIED_CHINESE);
	}

	@Test
	void keepsTheApostropheAndSubstitutesTheArgument() {
		assertThat(en("limit.application.flag.above-terms", 90)).isEqualTo("Terms longer than the policy's 90 days.");
	}

	@Test
	void writesIdsWithoutThousandsSeparators() {
		assertThat(en("limit.application.title", 1234L)).isEqualTo("Credit application 1234");
		assertThat(zh("limit.application.title", 1234L)).isEqualTo("授信申请 1234");
		assertThat(en("limit.reminder.mail.subject", 12345L, "客户")).contains("application 12345 for");
		assertThat(en("limit.application.not-found", 1234567L)).contains("1234567");
	}

}
