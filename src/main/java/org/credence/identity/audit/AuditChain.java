package org.credence.identity.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * The hash chain of the audit trail: each entry's SHA-256 covers its own fields and the
 * hash of the entry before it, so changing, removing or re-ordering a stored entry breaks
 * the chain from that entry on. The first entry links to {@link #GENESIS}.
 */
public final class AuditChain {

	public static final String GENESIS = "0".repeat(64);

	private static final char SEPARATOR = '\u001f';

	private AuditChain() {
	}

	public static String hash(long seq, Instant at, String actor, @Nullable String subject, String entityType,
			String entityId, String action, @Nullable String before, @Nullable String after, @Nullable String reason,
			String previousHash) {
		StringBuilder content = new StringBuilder(256);
		append(content, Long.toString(seq));
		append(content, at.toString());
		append(content, actor);
		append(content, subject);
		append(content, entityType);
		append(content, entityId);
		append(content, action);
		append(content, before);
		append(content, after);
		append(content, reason);
		append(content, previousHash);
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(content.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private static void append(StringBuilder content, @Nullable String field) {
		// a marker keeps an absent field apart from an empty one
		content.append(field == null ? "\u2400" : field).append(SEPARATOR);
	}

}
