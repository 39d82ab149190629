package org.credence.customer.contact;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A contact person as entered. Only {@code name} is required. Consent needs a purpose; a
 * withdrawal needs a consent before it.
 *
 * @param name the person's name (personal data)
 * @param title the position, e.g. 财务总监
 * @param phone digits with an optional leading +, spaces, dashes and brackets (personal
 * data)
 * @param email an e-mail address (personal data)
 */
public record ContactDraft(String name, @Nullable String title, @Nullable String phone, @Nullable String email,
		boolean primary, @Nullable LocalDate consentGivenOn, @Nullable String consentPurpose,
		@Nullable LocalDate consentWithdrawnOn) {

	/** A contact with a name only. */
	public static ContactDraft of(String name) {
		return new ContactDraft(name, null, null, null, false, null, null, null);
	}

	public ContactDraft withTitle(@Nullable String title) {
		return new ContactDraft(this.name, title, this.phone, this.email, this.primary, this.consentGivenOn,
				this.consentPurpose, this.consentWithdrawnOn);
	}

	public ContactDraft withPhone(@Nullable String phone) {
		return new ContactDraft(this.name, this.title, phone, this.email, this.primary, this.consentGivenOn,
				this.consentPurpose, this.consentWithdrawnOn);
	}

	public ContactDraft withEmail(@Nullable String email) {
		return new ContactDraft(this.name, this.title, this.phone, email, this.primary, this.consentGivenOn,
				this.consentPurpose, this.consentWithdrawnOn);
	}

	public ContactDraft asPrimary() {
		return new ContactDraft(this.name, this.title, this.phone, this.email, true, this.consentGivenOn,
				this.consentPurpose, this.consentWithdrawnOn);
	}

	public ContactDraft withConsent(LocalDate givenOn, String purpose) {
		return new ContactDraft(this.name, this.title, this.phone, this.email, this.primary, givenOn, purpose,
				this.consentWithdrawnOn);
	}

}
