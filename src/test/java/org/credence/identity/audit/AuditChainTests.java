package org.credence.identity.audit;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChainTests {

	private static final Instant AT = Instant.parse("2026-01-05T02:03:04.123456Z");

	private static final String PREVIOUS = "a".repeat(64);

	/** The fields of one entry, so a test can vary one at a time. */
	private record Fields(long seq, Instant at, String actor, String subject, String entityType, String entityId,
			String action, String before, String after, String reason, String previousHash) {

		String hash() {
			return AuditChain.hash(this.seq, this.at, this.actor, this.subject, this.entityType, this.entityId,
					this.action, this.before, this.after, this.reason, this.previousHash);
		}

	}

	private static final Fields BASE = new Fields(7, AT, "wang.fang", "customer/HD-0001", "customer", "HD-0001",
			"CHANGED", "{\"name\":\"A\"}", "{\"name\":\"B\"}", "renamed", PREVIOUS);

	@Test
	void isAHexSha256ThatDependsOnlyOnTheFields() {
		assertThat(BASE.hash()).hasSize(64).matches("[0-9a-f]{64}").isEqualTo(BASE.hash());
	}

	@Test
	void changesWhenAnyFieldChanges() {
		List<Function<Fields, Fields>> changes = List.of(
				f -> new Fields(8, f.at, f.actor, f.subject, f.entityType, f.entityId, f.action, f.before, f.after,
						f.reason, f.previousHash),
				f -> new Fields(f.seq, f.at.plusNanos(1000), f.actor, f.subject, f.entityType, f.entityId, f.action,
						f.before, f.after, f.reason, f.previousHash),
				f -> new Fields(f.seq, f.at, "li.ming", f.subject, f.entityType, f.entityId, f.action, f.before,
						f.after, f.reason, f.previousHash),
				f -> new Fields(f.seq, f.at, f.actor, "customer/HD-0002", f.entityType, f.entityId, f.action, f.before,
						f.after, f.reason, f.previousHash),
				f -> new Fields(f.seq, f.at, f.actor, f.subject, "contact", f.entityId, f.action, f.before, f.after,
						f.reason, f.previousHash),
				f -> new Fields(f.seq, f.at, f.actor, f.subject, f.entityType, "HD-0002", f.action, f.before, f.after,
						f.reason, f.previousHash),
				f -> new Fields(f.seq, f.at, f.actor, f.subject, f.entityType, f.entityId, "DELETED", f.before, f.after,
						f.reason, f.previousHash),
				f -> new Fields(f.seq, f.at, f.actor, f.subject, f.entityType, f.entityId, f.action, "{\"name\":\"C\"}",
						f.after, f.reason, f.previousHash),
				f -> new Fields(f.seq, f.at, f.actor, f.subject, f.entityType, f.entityId, f.action, f.before,
						"{\"name\":\"C\"}", f.reason, f.previousHash),
				f -> new Fields(f.seq, f.at, f.actor, f.subject, f.entityType, f.entityId, f.action, f.before, f.after,
						"typo", f.previousHash),
				f -> new Fields(f.seq, f.at, f.actor, f.subject, f.entityType, f.entityId, f.action, f.before, f.after,
						f.reason, "b".repeat(64)));
		for (Function<Fields, Fields> change : changes) {
			Fields changed = change.apply(BASE);
			assertThat(changed.hash()).as("hash of %s", changed).isNotEqualTo(BASE.hash());
		}
	}

	@Test
	void tellsAnAbsentFieldFromAnEmptyOne() {
		String withNull = AuditChain.hash(1, AT, "system", null, "user", "x", "CREATED", null, "{}", null,
				AuditChain.GENESIS);
		String withEmpty = AuditChain.hash(1, AT, "system", "", "user", "x", "CREATED", null, "{}", null,
				AuditChain.GENESIS);
		assertThat(withNull).isNotEqualTo(withEmpty);
	}

	@Test
	void keepsNeighbouringFieldsApart() {
		String one = AuditChain.hash(1, AT, "system", null, "user", "ab", "CREATED", null, null, null,
				AuditChain.GENESIS);
		String other = AuditChain.hash(1, AT, "system", null, "usera", "b", "CREATED", null, null, null,
				AuditChain.GENESIS);
		assertThat(one).isNotEqualTo(other);
	}

}
