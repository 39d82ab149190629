package org.credence.receivable.bank;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a remittance text that might be invoice numbers: each whole word (split at
 * spaces and at {@code , ; : ( ) [ ] { } " ' < >}) with the punctuation around it
 * removed, as written, in upper case and in lower case, so that the number matches a
 * stored number written in any one case. A word is never cut into parts: in
 * {@code INV-2026-0001} neither {@code 2026} nor {@code 0001} is a candidate. Words
 * shorter than three characters or without a digit are left out: an invoice number has a
 * digit.
 */
public final class InvoiceNumberCandidates {

	private static final int MAX_CANDIDATES = 300;

	private InvoiceNumberCandidates() {
	}

	public static Set<String> of(String text) {
		Set<String> candidates = new LinkedHashSet<>();
		for (String word : text.split("[\\s,;:()\\[\\]{}\"'<>]+")) {
			String trimmed = word.replaceAll("^[^\\p{Alnum}]+|[^\\p{Alnum}]+$", "");
			if (trimmed.length() >= 3 && trimmed.length() <= 64 && trimmed.chars().anyMatch(Character::isDigit)) {
				candidates.add(trimmed);
				candidates.add(trimmed.toUpperCase(Locale.ROOT));
				candidates.add(trimmed.toLowerCase(Locale.ROOT));
			}
			if (candidates.size() >= MAX_CANDIDATES) {
				break;
			}
		}
		return candidates;
	}

}
