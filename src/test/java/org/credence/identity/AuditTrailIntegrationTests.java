package org.credence.identity;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.credence.IntegrationTest;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@IntegrationTest
class AuditTrailIntegrationTests {

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	Users users;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void recordsUserChangesWithoutPasswordsAndTheChainVerifiesIntact() {
		String username = TestUsers.uniqueName();
		this.currentUser.asSystem(() -> this.users
			.create(new NewUser(username, "王芳", "wang.fang@example.com", Set.of(Role.SALES), "first-password-1")));
		this.currentUser.asSystem(() -> this.users.change(username,
				new UserChange("王芳芳", null, Set.of(Role.SALES, Role.COLLECTOR), null, "second-password-2")));

		var entries = this.auditTrail.entries(new AuditQuery(null, "user", CurrentUser.SYSTEM, null, null),
				new Paging(0, 500));
		var mine = entries.items().stream().filter(e -> e.entityId().equals(username)).toList();

		assertThat(mine).extracting(AuditEntry::action).containsExactly("CHANGED", "CREATED");
		assertThat(mine.get(0).before()).contains("\"displayName\":\"王芳\"");
		assertThat(mine.get(0).after()).contains("\"displayName\":\"王芳芳\"").contains("COLLECTOR");
		assertThat(mine.get(0).reason()).isEqualTo("password changed");
		assertThat(mine).allSatisfy(entry -> assertThat(entry.before() + entry.after()).doesNotContain("password-")
			.doesNotContain("bcrypt"));
		assertThat(this.auditTrail.verify().intact()).isTrue();
	}

	@Test
	void listsASubjectsEntriesNewestFirst() {
		String subject = "customer/" + TestUsers.uniqueName();
		AuditEntry first = this.auditTrail.record(AuditRecord.created(subject, "customer", "X", Map.of("name", "A")));
		AuditEntry second = this.auditTrail
			.record(AuditRecord.changed(subject, "customer", "X", Map.of("name", "A"), Map.of("name", "B")));

		PageResult<AuditEntry> page = this.auditTrail.entries(AuditQuery.forSubject(subject), new Paging(0, 10));

		assertThat(page.total()).isEqualTo(2);
		assertThat(page.items()).extracting(AuditEntry::seq).containsExactly(second.seq(), first.seq());
	}

	@Test
	void aBatchAppendsInOrderAsSingleAppendsWouldAndTheChainVerifiesIntact() {
		String subject = "customer/" + TestUsers.uniqueName();
		AuditEntry before = this.auditTrail.record(AuditRecord.created(subject, "customer", "X", Map.of("name", "A")));

		List<AuditEntry> batch = this.auditTrail
			.recordAll(List.of(AuditRecord.changed(subject, "customer", "X", Map.of("name", "A"), Map.of("name", "B")),
					AuditRecord.created(subject, "assessment", "1", Map.of("grade", "BBB")).because("nightly"),
					AuditRecord.deleted(subject, "contact", "7", Map.of("name", "张三"))));
		AuditEntry after = this.auditTrail.record(AuditRecord.created(subject, "customer", "Y", null));

		assertThat(batch).extracting(AuditEntry::entityType).containsExactly("customer", "assessment", "contact");
		assertThat(batch.get(0).previousHash()).isEqualTo(before.hash());
		assertThat(batch.get(1).previousHash()).isEqualTo(batch.get(0).hash());
		assertThat(batch.get(2).previousHash()).isEqualTo(batch.get(1).hash());
		assertThat(after.previousHash()).isEqualTo(batch.get(2).hash());
		assertThat(after.seq()).isEqualTo(before.seq() + 4);
		PageResult<AuditEntry> stored = this.auditTrail.entries(AuditQuery.forSubject(subject), new Paging(0, 10));
		assertThat(stored.items()).extracting(AuditEntry::seq)
			.containsExactly(after.seq(), batch.get(2).seq(), batch.get(1).seq(), batch.get(0).seq(), before.seq());
		assertThat(stored.items().get(2)).isEqualTo(batch.get(1));
		assertThat(this.auditTrail.verify().intact()).isTrue();
	}

	@Test
	void aBatchThatRollsBackLeavesNoTraceAndTheChainGoesOnIntact() {
		String subject = "customer/" + TestUsers.uniqueName();
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> transaction.executeWithoutResult(tx -> {
			this.auditTrail.recordAll(List.of(AuditRecord.created(subject, "assessment", "1", Map.of("grade", "A")),
					AuditRecord.created(subject, "assessment", "2", Map.of("grade", "B"))));
			throw new IllegalStateException("the chunk failed after its audit entries");
		}));
		AuditEntry next = this.auditTrail.record(AuditRecord.created(subject, "assessment", "3", null));

		assertThat(this.auditTrail.entries(AuditQuery.forSubject(subject), new Paging(0, 10)).items())
			.containsExactly(next);
		assertThat(this.auditTrail.verify().intact()).isTrue();
	}

	@Test
	void detectsAnEntryChangedBehindTheTriggersBack() throws SQLException {
		AuditEntry entry = this.auditTrail
			.record(AuditRecord.created(null, "test", TestUsers.uniqueName(), Map.of("limit", "2000000.00")));
		try {
			AuditTampering.setReason(this.dataSource, entry.seq(), "quietly changed");

			ChainVerification verification = this.auditTrail.verify();

			assertThat(verification.intact()).isFalse();
			assertThat(verification.brokenAt()).isEqualTo(entry.seq());
			assertThat(verification.problem()).isEqualTo("HASH_MISMATCH");
		}
		finally {
			AuditTampering.setReason(this.dataSource, entry.seq(), entry.reason());
		}
		assertThat(this.auditTrail.verify().intact()).isTrue();
	}

	@Test
	void refusesAPlainUpdateOfAnEntry() {
		AuditEntry entry = this.auditTrail.record(AuditRecord.created(null, "test", TestUsers.uniqueName(), null));

		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("update identity.audit_entry set actor = 'someone' where seq = :seq")
				.param("seq", entry.seq())
				.update())
			.withMessageContaining("append-only");
		assertThat(actorOf(entry.seq())).isEqualTo(CurrentUser.SYSTEM);
	}

	@Test
	void refusesToDeleteAnEntry() {
		AuditEntry entry = this.auditTrail.record(AuditRecord.created(null, "test", TestUsers.uniqueName(), null));

		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("delete from identity.audit_entry where seq = :seq")
				.param("seq", entry.seq())
				.update())
			.withMessageContaining("append-only");
		assertThat(actorOf(entry.seq())).isEqualTo(CurrentUser.SYSTEM);
	}

	private String actorOf(long seq) {
		return this.jdbc.sql("select actor from identity.audit_entry where seq = :seq")
			.param("seq", seq)
			.query(String.class)
			.single();
	}

}
