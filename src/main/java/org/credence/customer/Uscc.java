package org.credence.customer;

import java.util.Optional;

/**
 * 统一社会信用代码, China's Unified Social Credit Code (GB 32100-2015): 18 characters from the
 * alphabet {@code 0-9 A-H J-N P-R T U W X Y} (no I, O, S, V, Z). The 18th is a check
 * character: with weights 3<sup>i</sup> mod 31 for positions 1 to 17, it is
 * {@code 31 - (Σ value·weight mod 31)}, where 31 stands for 0.
 */
public record Uscc(String value) {

	private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	public Uscc {
		String problem = problem(value).orElse(null);
		if (problem != null) {
			throw new IllegalArgumentException("Not a valid USCC (" + problem + "): " + value);
		}
		value = normalise(value);
	}

	/**
	 * Whether a text is a valid USCC (upper or lower case, surrounding blanks ignored).
	 */
	public static boolean isValid(String text) {
		return problem(text).isEmpty();
	}

	/**
	 * What is wrong with a text as a USCC: {@code length}, {@code characters} or
	 * {@code check-digit}; empty when it is valid.
	 */
	public static Optional<String> problem(String text) {
		String code = normalise(text);
		if (code.length() != 18) {
			return Optional.of("length");
		}
		for (int i = 0; i < 18; i++) {
			if (ALPHABET.indexOf(code.charAt(i)) < 0) {
				return Optional.of("characters");
			}
		}
		return code.charAt(17) == checkCharacter(code.substring(0, 17)) ? Optional.empty() : Optional.of("check-digit");
	}

	/** The check character for the first 17 characters of a code. */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		return ALPHABET.charAt((31 - sum % 31) % 31);
	}

	private static String normalise(String text) {
		return text.strip().toUpperCase(java.util.Locale.ROOT);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
