package org.credence.customer.communication;

import java.time.LocalDate;
import java.util.List;

import org.credence.IntegrationTest;
import org.credence.customer.ActivityFixtures;
import org.credence.customer.Customers;
import org.credence.customer.contact.Contact;
import org.credence.customer.contact.ContactDraft;
import org.credence.customer.contact.Contacts;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.shared.InvalidInputException;
import org.credence.shared.Paging;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.credence.customer.ActivityFixtures.as;

@IntegrationTest
class CommunicationsIntegrationTests {

	@Autowired
	Communications communications;

	@Autowired
	Contacts contacts;

	@Autowired
	Customers customers;

	@Autowired
	Users users;

	@Autowired
	CurrentUser currentUser;

	ActivityFixtures fixtures;

	String collector;

	String code;

	@BeforeEach
	void setUp() {
		this.fixtures = new ActivityFixtures(this.users, this.customers, this.currentUser);
		this.collector = this.fixtures.user(Role.COLLECTOR);
		this.code = this.fixtures.customer();
	}

	@Test
	void listsCommunicationsNewestFirst() {
		log(CommunicationDraft.of(LocalDate.of(2026, 1, 5), Channel.CALL, "first call"));
		log(CommunicationDraft.of(LocalDate.of(2026, 3, 1), Channel.VISIT, "visit"));
		log(CommunicationDraft.of(LocalDate.of(2026, 2, 1), Channel.EMAIL, "e-mail"));

		List<Communication> log = as(this.collector, Role.COLLECTOR,
				() -> this.communications.list(this.code, new Paging(0, 10)))
			.items();

		assertThat(log).extracting(Communication::summary).containsExactly("visit", "e-mail", "first call");
	}

	@Test
	void recordsTheCurrentUserAsAuthorAndNamesTheContact() {
		String analyst = this.fixtures.user(Role.CREDIT_ANALYST);
		Contact contact = as(analyst, Role.CREDIT_ANALYST,
				() -> this.contacts.add(this.code, ContactDraft.of("李明").withPhone("13812345678")));

		Communication logged = log(CommunicationDraft.of(LocalDate.of(2026, 1, 5), Channel.CALL, "asked for statements")
			.withContact(contact.id())
			.followUpOn(LocalDate.of(2026, 1, 20)));

		assertThat(logged.author()).isEqualTo(this.collector);
		assertThat(logged.contactName()).isEqualTo("李明");
		assertThat(logged.nextFollowUpOn()).isEqualTo(LocalDate.of(2026, 1, 20));
	}

	@Test
	void refusesAContactOfAnotherCustomerAndAFollowUpBeforeTheCall() {
		String analyst = this.fixtures.user(Role.CREDIT_ANALYST);
		String other = this.fixtures.customer();
		Contact stranger = as(analyst, Role.CREDIT_ANALYST, () -> this.contacts.add(other, ContactDraft.of("张伟")));

		assertThatThrownBy(() -> log(CommunicationDraft.of(LocalDate.of(2026, 1, 5), Channel.CALL, "call")
			.withContact(stranger.id())
			.followUpOn(LocalDate.of(2026, 1, 1)))).isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.problems()).extracting(InvalidInputException.FieldProblem::field)
						.containsExactlyInAnyOrder("contactId", "nextFollowUpOn"));
	}

	@Test
	void refusesAnEmptySummary() {
		assertThatThrownBy(() -> log(new CommunicationDraft(LocalDate.of(2026, 1, 5), Channel.CALL, null, "  ", null)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.problems()).extracting(InvalidInputException.FieldProblem::field)
						.containsExactly("summary"));
	}

	@Test
	void anAuditorCannotLogCommunications() {
		String auditor = this.fixtures.user(Role.AUDITOR);

		assertThatThrownBy(() -> as(auditor, Role.AUDITOR,
				() -> this.communications.log(this.code,
						CommunicationDraft.of(LocalDate.of(2026, 1, 5), Channel.CALL, "call"))))
			.isInstanceOf(AccessDeniedException.class);
	}

	private Communication log(CommunicationDraft draft) {
		return as(this.collector, Role.COLLECTOR, () -> this.communications.log(this.code, draft));
	}

}
