package org.credence.receivable.bank;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a remittance text that might be invoice numbers: each word as written and
 * upper case, with its surrounding punctuation removed, and also its parts between
 * punctuation ({@code INV-2026-0001/2} gives {@code INV-2026-0001/2},
 * {@code INV-2026-0001}, {@code 2026} …). Words shorter than three characters and without
 * a digit are left out: an invoice number has a digit.
 */
public final class InvoiceNumberCandidates {

	private static final int MAX_CANDIDATES = 200;

	private InvoiceNumberCandidates() {
	}

	public static Set<String> of(String text) {
		Set<String> candidates = new LinkedHashSet<>();
		for (String word : text.split("[\\s,;:()\\[\\]{}\"'<>]+")) {
			String trimmed = word.replaceAll("^[^\\p{Alnum}]+|[^\\p{Alnum}]+$", "");
			add(candidates, trimmed);
			for (String part : trimmed.split("[/.]")) {
				add(candidates, part);
			}
			for (String part : trimmed.split("[^\\p{Alnum}]+")) {
				add(candidates, part);
			}
			if (candidates.size() >= MAX_CANDIDATES) {
				break;
			}
		}
		return candidates;
	}

	private static void add(Set<String> candidates, String word) {
		if (word.length() >= 3 && word.length() <= 64 && word.chars().anyMatch(Character::isDigit)) {
			candidates.add(word);
			candidates.add(word.toUpperCase(Locale.ROOT));
		}
	}

}
