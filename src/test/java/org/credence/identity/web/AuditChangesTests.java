package org.credence.identity.web;

import java.time.Instant;

import org.credence.identity.AuditEntry;
import org.credence.identity.web.AuditChanges.Change;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChangesTests {

	private final AuditChanges changes = new AuditChanges();

	@Test
	void showsOnlyTheFieldsAChangeTouched() {
		AuditEntry entry = entry("{\"name\":\"旧名称\",\"status\":\"ACTIVE\",\"tags\":[\"a\"]}",
				"{\"name\":\"新名称\",\"status\":\"ACTIVE\",\"tags\":[\"a\",\"b\"]}");

		assertThat(this.changes.of(entry)).containsExactly(new Change("name", "旧名称", "新名称"),
				new Change("tags", "a", "a, b"));
	}

	@Test
	void listsEveryFieldOfACreationAndOfADeletion() {
		assertThat(this.changes.of(entry(null, "{\"code\":\"HD-0001\",\"grade\":null}")))
			.containsExactly(new Change("code", null, "HD-0001"));
		assertThat(this.changes.of(entry("{\"reason\":\"fraud\"}", null)))
			.containsExactly(new Change("reason", "fraud", null));
	}

	@Test
	void showsNothingForAnEntryWithoutState() {
		assertThat(this.changes.of(entry(null, null))).isEmpty();
	}

	private static AuditEntry entry(String before, String after) {
		return new AuditEntry(1, Instant.parse("2026-01-05T02:00:00Z"), "wang.fang", "customer/HD-0001", "customer",
				"HD-0001", "CHANGED", before, after, null, "0".repeat(64), "1".repeat(64));
	}

}
