package org.credence.customer.timeline;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.credence.IntegrationTest;
import org.credence.customer.ActivityFixtures;
import org.credence.customer.Customers;
import org.credence.customer.communication.Channel;
import org.credence.customer.communication.CommunicationDraft;
import org.credence.customer.communication.Communications;
import org.credence.customer.contact.Contact;
import org.credence.customer.contact.ContactChange;
import org.credence.customer.contact.ContactDraft;
import org.credence.customer.contact.Contacts;
import org.credence.customer.document.DocumentType;
import org.credence.customer.document.DocumentUpload;
import org.credence.customer.document.Documents;
import org.credence.customer.report.ExternalReportDraft;
import org.credence.customer.report.ExternalReports;
import org.credence.customer.report.FeedbackDraft;
import org.credence.customer.report.FeedbackSource;
import org.credence.customer.report.PaymentExperience;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.customer.ActivityFixtures.as;

@IntegrationTest
class TimelineIntegrationTests {

	@Autowired
	Timeline timeline;

	@Autowired
	Contacts contacts;

	@Autowired
	Communications communications;

	@Autowired
	ExternalReports reports;

	@Autowired
	Documents documents;

	@Autowired
	Customers customers;

	@Autowired
	Users users;

	@Autowired
	CurrentUser currentUser;

	@Test
	void showsEveryKindOfRecordNewestFirst() {
		ActivityFixtures fixtures = new ActivityFixtures(this.users, this.customers, this.currentUser);
		String analyst = fixtures.user(Role.CREDIT_ANALYST);
		String code = fixtures.customer();
		as(analyst, Role.CREDIT_ANALYST, () -> {
			Contact contact = this.contacts.add(code,
					ContactDraft.of("李明").withConsent(LocalDate.of(2026, 1, 5), "credit assessment"));
			this.contacts.change(code, contact.id(),
					new ContactChange(null, "财务总监", null, null, null, null, null, null));
			this.communications.log(code, CommunicationDraft.of(LocalDate.of(2026, 1, 6), Channel.CALL, "first call"));
			this.reports.record(code, ExternalReportDraft.of("中诚信", LocalDate.of(2026, 1, 8)));
			this.reports.recordFeedback(code,
					FeedbackDraft.of(FeedbackSource.PEER, "同业公司", LocalDate.of(2026, 1, 7), PaymentExperience.PROMPT));
			this.documents.upload(code, DocumentUpload.of(DocumentType.BUSINESS_LICENCE, "营业执照", "营业执照.pdf",
					"%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII)));
		});

		List<TimelineEntry> entries = as(analyst, Role.CREDIT_ANALYST, () -> this.timeline.of(code));

		assertThat(entries).extracting(TimelineEntry::kind)
			.contains(TimelineKind.FILE_OPENED, TimelineKind.CONSENT_GIVEN, TimelineKind.COMMUNICATION,
					TimelineKind.EXTERNAL_REPORT, TimelineKind.FEEDBACK, TimelineKind.DOCUMENT, TimelineKind.CHANGE);
		assertThat(entries)
			.isSortedAccordingTo(Comparator.comparing(TimelineEntry::date).thenComparing(TimelineEntry::at).reversed());
		assertThat(entries.stream()
			.filter(e -> e.date().getYear() == 2026 && e.date().getMonthValue() == 1 && e.date().getDayOfMonth() <= 8))
			.extracting(TimelineEntry::kind)
			.containsExactly(TimelineKind.EXTERNAL_REPORT, TimelineKind.FEEDBACK, TimelineKind.COMMUNICATION,
					TimelineKind.CONSENT_GIVEN);
		TimelineEntry change = entries.stream().filter(e -> e.kind() == TimelineKind.CHANGE).findFirst().orElseThrow();
		assertThat(change.subject()).isEqualTo("contact");
		assertThat(change.action()).isEqualTo("CHANGED");
		assertThat(change.actor()).isEqualTo(analyst);
	}

}
