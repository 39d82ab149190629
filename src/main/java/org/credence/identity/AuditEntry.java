package org.credence.identity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One stored entry of the audit trail. {@code before} and {@code after} are JSON text
 * exactly as hashed; {@code hash} covers every field and the previous entry's hash.
 */
public record AuditEntry(long seq, Instant at, String actor, @Nullable String subject, String entityType,
		String entityId, String action, @Nullable String before, @Nullable String after, @Nullable String reason,
		String previousHash, String hash) {
}
