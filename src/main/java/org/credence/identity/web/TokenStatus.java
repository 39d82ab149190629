package org.credence.identity.web;

import java.time.LocalDate;

import org.credence.identity.ApiTokenSummary;

/** Whether an API token still opens the API, and if not, why. */
enum TokenStatus {

	ACTIVE, EXPIRED, REVOKED;

	static TokenStatus of(ApiTokenSummary token, LocalDate today) {
		if (token.revokedAt() != null) {
			return REVOKED;
		}
		return token.isActive(today) ? ACTIVE : EXPIRED;
	}

}
