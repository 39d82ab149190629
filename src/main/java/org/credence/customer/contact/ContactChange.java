package org.credence.customer.contact;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Some fields of a contact to change ({@code PATCH}): an absent ({@code null}) field
 * stays as it is; an empty text clears an optional one.
 */
public record ContactChange(@Nullable String name, @Nullable String title, @Nullable String phone,
		@Nullable String email, @Nullable Boolean primary, @Nullable LocalDate consentGivenOn,
		@Nullable String consentPurpose, @Nullable LocalDate consentWithdrawnOn) {

	/** The draft that results from applying this change to the current clear values. */
	ContactDraft applyTo(ContactDraft current) {
		return new ContactDraft(this.name != null ? this.name : current.name(), text(this.title, current.title()),
				text(this.phone, current.phone()), text(this.email, current.email()),
				this.primary != null ? this.primary : current.primary(),
				this.consentGivenOn != null ? this.consentGivenOn : current.consentGivenOn(),
				text(this.consentPurpose, current.consentPurpose()),
				this.consentWithdrawnOn != null ? this.consentWithdrawnOn : current.consentWithdrawnOn());
	}

	private static @Nullable String text(@Nullable String changed, @Nullable String current) {
		if (changed == null) {
			return current;
		}
		return changed.isBlank() ? null : changed;
	}

}
