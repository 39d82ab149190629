package org.credence.identity;

import org.credence.identity.crypto.PersonalDataCipher;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Personal data of contact persons (names, phones, e-mails): encrypted before it is
 * stored, and shown in clear only to users with {@link Permission#PERSONAL_DATA_READ};
 * everyone else sees it masked. The key comes from configuration and never reaches the
 * database.
 */
@Service
public class PersonalData {

	private final PersonalDataCipher cipher;

	private final CurrentUser currentUser;

	PersonalData(PersonalDataCipher cipher, CurrentUser currentUser) {
		this.cipher = cipher;
		this.currentUser = currentUser;
	}

	/** The ciphertext to store for a value; {@code null} stays {@code null}. */
	public @Nullable String protect(@Nullable String plain) {
		return plain == null ? null : this.cipher.encrypt(plain);
	}

	/**
	 * The clear value of stored ciphertext, for the few places that must use it (sending
	 * mail).
	 */
	public @Nullable String reveal(@Nullable String stored) {
		return stored == null ? null : this.cipher.decrypt(stored);
	}

	/** What the current user may see of a stored value: clear, or masked. */
	public @Nullable String show(PersonalDataKind kind, @Nullable String stored) {
		if (stored == null) {
			return null;
		}
		String plain = this.cipher.decrypt(stored);
		return this.currentUser.has(Permission.PERSONAL_DATA_READ) ? plain : mask(kind, plain);
	}

	/** Whether the current user sees personal data unmasked. */
	public boolean isVisibleInClear() {
		return this.currentUser.has(Permission.PERSONAL_DATA_READ);
	}

	/** Masks a clear value so that a reader can recognise it without learning it. */
	public static @Nullable String mask(PersonalDataKind kind, @Nullable String plain) {
		if (plain == null || plain.isEmpty()) {
			return plain;
		}
		return switch (kind) {
			case NAME -> maskName(plain);
			case PHONE -> maskPhone(plain);
			case EMAIL -> maskEmail(plain);
		};
	}

	private static String maskName(String name) {
		String trimmed = name.strip();
		if (trimmed.codePoints().anyMatch(Character::isIdeographic)) {
			// Chinese names: keep the family name, hide the given name (李明 → 李*)
			int first = trimmed.offsetByCodePoints(0, 1);
			return trimmed.substring(0, first)
					+ "*".repeat(Math.max(1, trimmed.codePointCount(first, trimmed.length())));
		}
		StringBuilder masked = new StringBuilder();
		for (String part : trimmed.split("\\s+")) {
			if (masked.length() > 0) {
				masked.append(' ');
			}
			masked.append(part.charAt(0)).append("*".repeat(Math.max(1, part.length() - 1)));
		}
		return masked.toString();
	}

	private static String maskPhone(String phone) {
		String digits = phone.replaceAll("[^0-9+]", "");
		if (digits.length() <= 4) {
			return "*".repeat(digits.length());
		}
		if (digits.length() < 8) {
			return "*".repeat(digits.length() - 2) + digits.substring(digits.length() - 2);
		}
		return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
	}

	private static String maskEmail(String email) {
		int at = email.indexOf('@');
		if (at <= 0) {
			return "*".repeat(email.length());
		}
		return email.charAt(0) + "*".repeat(Math.max(1, at - 1)) + email.substring(at);
	}

}
