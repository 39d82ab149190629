package org.credence.customer.timeline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.credence.customer.BlacklistEntry;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.customer.communication.Communication;
import org.credence.customer.communication.Communications;
import org.credence.customer.contact.Contact;
import org.credence.customer.contact.Contacts;
import org.credence.customer.document.Document;
import org.credence.customer.document.Documents;
import org.credence.customer.report.ExternalReport;
import org.credence.customer.report.ExternalReports;
import org.credence.customer.report.Feedback;
import org.credence.identity.AuditEntry;
import org.credence.identity.AuditQuery;
import org.credence.identity.AuditTrail;
import org.credence.shared.NotFoundException;
import org.credence.shared.Paging;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The timeline of a credit file, gathered from its records: when it was opened, its
 * communications, external reports, feedback, documents, contact consents, blacklist
 * entries, and the changes in the audit trail (as "changed by" whom; the creations they
 * also record are already on the timeline as the records themselves).
 */
@Service
public class Timeline {

	/** Per kind of record; a credit file with more shows the latest ones. */
	private static final Paging LATEST = new Paging(0, Paging.MAX_SIZE);

	private static final Set<String> SHOWN_OTHERWISE = Set.of("CREATED", "BLACKLISTED", "REMOVED_FROM_BLACKLIST");

	private final Customers customers;

	private final Contacts contacts;

	private final Communications communications;

	private final ExternalReports reports;

	private final Documents documents;

	private final AuditTrail auditTrail;

	private final Clock clock;

	Timeline(Customers customers, Contacts contacts, Communications communications, ExternalReports reports,
			Documents documents, AuditTrail auditTrail, Clock clock) {
		this.customers = customers;
		this.contacts = contacts;
		this.communications = communications;
		this.reports = reports;
		this.documents = documents;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/**
	 * Everything that happened to a credit file, newest first (by date, then by when it
	 * was recorded).
	 * @throws NotFoundException when the customer is not in the caller's scope
	 */
	@Transactional(readOnly = true)
	public List<TimelineEntry> of(String customerCode) {
		CustomerDetails customer = this.customers.get(customerCode);
		List<TimelineEntry> entries = new ArrayList<>();
		entries.add(new TimelineEntry(day(customer.createdAt()), customer.createdAt(), TimelineKind.FILE_OPENED,
				customer.name(), null, null, null));
		for (Communication c : this.communications.list(customerCode, LATEST).items()) {
			entries.add(new TimelineEntry(c.occurredOn(), c.createdAt(), TimelineKind.COMMUNICATION, c.channel().name(),
					c.summary(), null, c.author()));
		}
		for (ExternalReport r : this.reports.reports(customerCode, LATEST).items()) {
			entries.add(new TimelineEntry(r.reportDate(), r.recordedAt(), TimelineKind.EXTERNAL_REPORT, r.agency(),
					r.summary(), null, r.recordedBy()));
		}
		for (Feedback f : this.reports.feedback(customerCode, LATEST).items()) {
			entries.add(new TimelineEntry(f.receivedOn(), f.recordedAt(), TimelineKind.FEEDBACK, f.sourceName(),
					f.comment(), f.paymentExperience().name(), f.recordedBy()));
		}
		for (Document d : this.documents.list(customerCode, LATEST).items()) {
			entries.add(new TimelineEntry(day(d.uploadedAt()), d.uploadedAt(), TimelineKind.DOCUMENT, d.title(),
					d.fileName(), d.type().name(), d.uploadedBy()));
		}
		for (Contact c : this.contacts.all(customerCode)) {
			if (c.consentGivenOn() != null) {
				entries.add(new TimelineEntry(c.consentGivenOn(), c.createdAt(), TimelineKind.CONSENT_GIVEN, c.name(),
						c.consentPurpose(), null, null));
			}
			if (c.consentWithdrawnOn() != null) {
				entries.add(new TimelineEntry(c.consentWithdrawnOn(), c.updatedAt(), TimelineKind.CONSENT_WITHDRAWN,
						c.name(), null, null, null));
			}
		}
		for (BlacklistEntry b : this.customers.blacklistHistory(customerCode)) {
			entries.add(new TimelineEntry(day(b.addedAt()), b.addedAt(), TimelineKind.BLACKLISTED, null, b.reason(),
					null, b.addedBy()));
			if (b.removedAt() != null) {
				entries.add(new TimelineEntry(day(b.removedAt()), b.removedAt(), TimelineKind.REMOVED_FROM_BLACKLIST,
						null, b.removalReason(), null, b.removedBy()));
			}
		}
		for (AuditEntry a : this.auditTrail.entries(AuditQuery.forSubject(customer.auditSubject()), LATEST).items()) {
			if (!SHOWN_OTHERWISE.contains(a.action())) {
				entries.add(new TimelineEntry(day(a.at()), a.at(), TimelineKind.CHANGE, a.entityType(), a.reason(),
						a.action(), a.actor()));
			}
		}
		entries.sort(Comparator.comparing(TimelineEntry::date)
			.thenComparing(TimelineEntry::at)
			.thenComparing(TimelineEntry::kind)
			.reversed());
		return entries;
	}

	private LocalDate day(Instant instant) {
		ZoneId zone = this.clock.getZone();
		return LocalDate.ofInstant(instant, zone);
	}

}
