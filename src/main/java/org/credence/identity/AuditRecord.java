package org.credence.identity;

import org.jspecify.annotations.Nullable;

/**
 * What a write tells the audit trail: which entity, what was done, the state before and
 * after (any object that serialises to JSON; personal data already masked), and why.
 *
 * @param subject the credit file the entry belongs to, for instance
 * {@code customer/HD-0001}, so a customer's audit tab shows the changes to its contacts
 * and documents too
 * @param entityType the kind of entity, for instance {@code customer} or {@code contact}
 * @param entityId its business key or id
 * @param action a verb in capitals, for instance {@code CREATED}, {@code CHANGED},
 * {@code DELETED}
 */
public record AuditRecord(@Nullable String subject, String entityType, String entityId, String action,
		@Nullable Object before, @Nullable Object after, @Nullable String reason) {

	public static AuditRecord created(String subject, String entityType, String entityId, Object after) {
		return new AuditRecord(subject, entityType, entityId, "CREATED", null, after, null);
	}

	public static AuditRecord changed(String subject, String entityType, String entityId, Object before, Object after) {
		return new AuditRecord(subject, entityType, entityId, "CHANGED", before, after, null);
	}

	public static AuditRecord deleted(String subject, String entityType, String entityId, Object before) {
		return new AuditRecord(subject, entityType, entityId, "DELETED", before, null, null);
	}

	public AuditRecord because(@Nullable String why) {
		return new AuditRecord(this.subject, this.entityType, this.entityId, this.action, this.before, this.after, why);
	}

}
