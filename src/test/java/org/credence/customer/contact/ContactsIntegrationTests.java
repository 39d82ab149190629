package org.credence.customer.contact;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.credence.IntegrationTest;
import org.credence.customer.ActivityFixtures;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.identity.AuditEntry;
import org.credence.identity.AuditQuery;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.shared.InvalidInputException;
import org.credence.shared.NotFoundException;
import org.credence.shared.Paging;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.credence.customer.ActivityFixtures.as;

@IntegrationTest
class ContactsIntegrationTests {

	static final ContactDraft LI_MING = ContactDraft.of("李明")
		.withTitle("财务总监")
		.withPhone("13812345678")
		.withEmail("li.ming@example.com")
		.asPrimary()
		.withConsent(LocalDate.of(2026, 1, 5), "credit assessment and account management");

	@Autowired
	Contacts contacts;

	@Autowired
	Customers customers;

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Users users;

	@Autowired
	CurrentUser currentUser;

	ActivityFixtures fixtures;

	String analyst;

	String code;

	@BeforeEach
	void setUp() {
		this.fixtures = new ActivityFixtures(this.users, this.customers, this.currentUser);
		this.analyst = this.fixtures.user(Role.CREDIT_ANALYST);
		this.code = this.fixtures.customer();
	}

	@Test
	void storesNamePhoneAndEmailOnlyAsCiphertext() {
		Contact added = as(this.analyst, Role.CREDIT_ANALYST, () -> this.contacts.add(this.code, LI_MING));

		Map<String, Object> row = this.jdbc.sql("select name, phone, email from customer.contact where id = :id")
			.param("id", added.id())
			.query()
			.singleRow();
		assertThat(row.values()).allSatisfy(value -> assertThat((String) value).startsWith("v1:")
			.doesNotContain("李明")
			.doesNotContain("13812345678")
			.doesNotContain("li.ming"));
	}

	@Test
	void refusesASaveOverAChangeMadeSinceTheUserOpenedTheContact() {
		Contact added = as(this.analyst, Role.CREDIT_ANALYST, () -> this.contacts.add(this.code, LI_MING));
		java.time.Instant seen = added.updatedAt();
		as(this.analyst, Role.CREDIT_ANALYST, () -> this.contacts.change(this.code, added.id(),
				new ContactChange(null, null, "13900000001", null, null, null, null, null), seen));

		org.assertj.core.api.Assertions.assertThatExceptionOfType(org.credence.shared.ConflictException.class)
			.isThrownBy(() -> as(this.analyst, Role.CREDIT_ANALYST, () -> this.contacts.change(this.code, added.id(),
					new ContactChange(null, "总经理", null, null, null, null, null, null), seen)));
		Contact stored = as(this.analyst, Role.CREDIT_ANALYST, () -> this.contacts.get(this.code, added.id()));
		assertThat(stored.phone()).isEqualTo("13900000001");
		assertThat(stored.title()).isEqualTo("财务总监");
	}

	@Test
	void showsPersonalDataInClearToAnAnalyst() {
		as(this.analyst, Role.CREDIT_ANALYST, () -> this.contacts.add(this.code, LI_MING));

		Contact shown = as(this.analyst, Role.CREDIT_ANALYST, () -> this.contacts.all(this.code)).get(0);

		assertThat(shown.name()).isEqualTo("李明");
		assertThat(shown.phone()).isEqualTo("13812345678");
		assertThat(shown.email()).isEqualTo("li.ming@example.com");
		assertThat(shown.title()).isEqualTo("财务总监");
		assertThat(shown.hasConsentOn(LocalDate.of(2026, 1, 5))).isTrue();
	}

	@Test
	void showsPersonalDataMaskedToAnAuditor() {
		as(this.analyst, Role.CREDIT_ANALYST, () -> this.contacts.add(this.code, LI_MING));
		String auditor = this.fixtures.user(Role.AUDITOR);

		Contact shown = as(auditor, Role.AUDITOR, () -> this.contacts.all(this.code)).get(0);

		assertThat(shown.name()).isEqualTo("李*");
		assertThat(shown.phone()).isEqualTo("138****5678");
		assertThat(shown.email()).isEqualTo("l******@example.com");
	}

	@Test
	void auditsContactsWithMaskedPersonalDataOnly() {
		Contact added = as(this.analyst, Role.CREDIT_ANALYST, () -> this.contacts.add(this.code, LI_MING));
		as(this.analyst, Role.CREDIT_ANALYST, () -> this.contacts.change(this.code, added.id(),
				new ContactChange(null, null, "13987654321", null, null, null, null, null)));

		List<AuditEntry> entries = this.auditTrail
			.entries(AuditQuery.forSubject(CustomerDetails.auditSubject(this.code)), new Paging(0, 50))
			.items()
			.stream()
			.filter(entry -> entry.entityType().equals("contact"))
			.toList();

		assertThat(entries).extracting(AuditEntry::action).containsExactly("CHANGED", "CREATED");
		assertThat(entries).allSatisfy(entry -> {
			String recorded = entry.before() + " " + entry.after();
			assertThat(recorded).doesNotContain("李明", "13812345678", "13987654321", "li.ming@");
		});
		assertThat(entries.get(1).after()).contains("李*", "138****5678", "l******@example.com");
		assertThat(entries.get(0).after()).contains("139****4321");
	}

	@Test
	void aNewPrimaryContactTakesThePlaceOfThePreviousOne() {
		as(this.analyst, Role.CREDIT_ANALYST, () -> this.contacts.add(this.code, LI_MING));
		as(this.analyst, Role.CREDIT_ANALYST, () -> this.contacts.add(this.code, ContactDraft.of("王芳").asPrimary()));

		List<Contact> all = as(this.analyst, Role.CREDIT_ANALYST, () -> this.contacts.all(this.code));

		assertThat(all).extracting(Contact::name, Contact::primary)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("王芳", true),
					org.assertj.core.groups.Tuple.tuple("李明", false));
	}

	@Test
	void deletingAContactErasesItAndAuditsTheReason() {
		Contact added = as(this.analyst, Role.CREDIT_ANALYST, () -> this.contacts.add(this.code, LI_MING));

		as(this.analyst, Role.CREDIT_ANALYST, () -> this.contacts.delete(this.code, added.id(), "left the company"));

		assertThat(this.jdbc.sql("select count(*) from customer.contact where id = :id")
			.param("id", added.id())
			.query(Long.class)
			.single()).isZero();
		AuditEntry deleted = this.auditTrail
			.entries(AuditQuery.forSubject(CustomerDetails.auditSubject(this.code)), new Paging(0, 1))
			.items()
			.get(0);
		assertThat(deleted.action()).isEqualTo("DELETED");
		assertThat(deleted.reason()).isEqualTo("left the company");
		assertThat(deleted.before()).contains("李*").doesNotContain("李明");
		assertThatThrownBy(() -> as(this.analyst, Role.CREDIT_ANALYST, () -> this.contacts.get(this.code, added.id())))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void refusesAConsentWithoutPurposeAndAMalformedPhone() {
		ContactDraft draft = ContactDraft.of("李明").withPhone("call me").withConsent(LocalDate.of(2026, 1, 5), " ");

		assertThatThrownBy(() -> as(this.analyst, Role.CREDIT_ANALYST, () -> this.contacts.add(this.code, draft)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.problems()).extracting(InvalidInputException.FieldProblem::field)
						.containsExactlyInAnyOrder("phone", "consentPurpose"));
	}

	@Test
	void anAuditorCannotAddContacts() {
		String auditor = this.fixtures.user(Role.AUDITOR);

		assertThatThrownBy(() -> as(auditor, Role.AUDITOR, () -> this.contacts.add(this.code, LI_MING)))
			.isInstanceOf(AccessDeniedException.class);
	}

}
