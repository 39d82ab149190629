package org.credence.customer;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * One fact in the 客户360 header: a label and its value, which is an amount (formatted by
 * the page with the reader's settings: thousands separators, 元 or 万元), a text, or both
 * (the text after the amount, e.g. a status).
 *
 * @param label already in the reader's language
 * @param cssClass extra CSS classes for the fact, e.g. {@code fact-credit-line}
 * @param textClass CSS classes for the text, e.g. a badge
 */
public record HeaderFact(String label, @Nullable BigDecimal amount, @Nullable String currency, @Nullable String text,
		@Nullable String cssClass, @Nullable String textClass) {

	public static HeaderFact amount(String label, BigDecimal amount, String currency, @Nullable String cssClass) {
		return new HeaderFact(label, amount, currency, null, cssClass, null);
	}

	public static HeaderFact text(String label, String text, @Nullable String cssClass) {
		return new HeaderFact(label, null, null, text, cssClass, null);
	}

}
