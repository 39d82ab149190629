package org.credence.identity;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Filters for reading the audit trail; every one may be absent. Dates are in the company
 * time zone.
 */
public record AuditQuery(@Nullable String subject, @Nullable String entityType, @Nullable String actor,
		@Nullable LocalDate from, @Nullable LocalDate to) {

	public static AuditQuery forSubject(String subject) {
		return new AuditQuery(subject, null, null, null, null);
	}

	public static AuditQuery all() {
		return new AuditQuery(null, null, null, null, null);
	}

}
