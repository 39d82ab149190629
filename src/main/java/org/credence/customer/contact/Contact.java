package org.credence.customer.contact;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A contact person as the current reader may see it: {@code name}, {@code phone} and
 * {@code email} are clear for readers with the right to see personal data, masked for
 * everyone else (李*, 138****5678).
 *
 * @param primary whether this is the customer's main contact (at most one is)
 * @param consentGivenOn when the person agreed to be contacted and their data kept
 * @param consentPurpose what they agreed to, e.g. "credit assessment and account
 * management"
 * @param consentWithdrawnOn when they withdrew that consent
 */
public record Contact(long id, String customerCode, String name, @Nullable String title, @Nullable String phone,
		@Nullable String email, boolean primary, @Nullable LocalDate consentGivenOn, @Nullable String consentPurpose,
		@Nullable LocalDate consentWithdrawnOn, Instant createdAt, Instant updatedAt) {

	/** Whether the person's consent is in force on the given day. */
	public boolean hasConsentOn(LocalDate day) {
		return this.consentGivenOn != null && !this.consentGivenOn.isAfter(day)
				&& (this.consentWithdrawnOn == null || this.consentWithdrawnOn.isAfter(day));
	}

}
