package org.credence.customer.communication;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.customer.communication.CommunicationRepository.StoredCommunication;
import org.credence.customer.contact.Contacts;
import org.credence.identity.AuditRecord;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.identity.PersonalData;
import org.credence.identity.PersonalDataKind;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.NotFoundException;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The communication log of a customer, newest first. Reading needs the right to read the
 * customer; logging needs {@link Permission#COMMUNICATION_WRITE}. The author is always
 * the current user.
 */
@Service
public class Communications {

	static final int SUMMARY_MAX = 4000;

	private final CommunicationRepository repository;

	private final Customers customers;

	private final Contacts contacts;

	private final PersonalData personalData;

	private final CurrentUser currentUser;

	private final AuditTrail auditTrail;

	private final Clock clock;

	Communications(CommunicationRepository repository, Customers customers, Contacts contacts,
			PersonalData personalData, CurrentUser currentUser, AuditTrail auditTrail, Clock clock) {
		this.repository = repository;
		this.customers = customers;
		this.contacts = contacts;
		this.personalData = personalData;
		this.currentUser = currentUser;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/**
	 * One page of a customer's communication log, newest first (by date, then by when it
	 * was logged).
	 * @throws NotFoundException when the customer is not in the caller's scope
	 */
	@Transactional(readOnly = true)
	public PageResult<Communication> list(String customerCode, Paging paging) {
		CustomerDetails customer = this.customers.get(customerCode);
		List<Communication> items = this.repository.findAll(customer.id(), paging.size(), paging.offset())
			.stream()
			.map(stored -> shown(customer, stored))
			.toList();
		return new PageResult<>(items, paging.page(), paging.size(), this.repository.count(customer.id()));
	}

	/**
	 * Logs a communication with a customer, authored by the current user.
	 * @throws InvalidInputException when fields are invalid or the contact is not one of
	 * the customer's
	 * @throws NotFoundException when the customer is not in the caller's scope
	 */
	@Transactional
	public Communication log(String customerCode, CommunicationDraft draft) {
		this.currentUser.require(Permission.COMMUNICATION_WRITE);
		CustomerDetails customer = this.customers.get(customerCode);
		CommunicationDraft communication = new CommunicationDraft(draft.occurredOn(), draft.channel(),
				draft.contactId(),
				draft.summary() == null || draft.summary().isBlank() ? null : draft.summary().strip(),
				draft.nextFollowUpOn());
		List<FieldProblem> problems = problems(customerCode, communication);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = this.repository.insert(customer.id(), communication, this.currentUser.username(),
				this.clock.instant());
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("occurredOn", String.valueOf(communication.occurredOn()));
		state.put("channel", String.valueOf(communication.channel()));
		state.put("contactId", communication.contactId());
		state.put("summary", communication.summary());
		state.put("nextFollowUpOn",
				communication.nextFollowUpOn() == null ? null : communication.nextFollowUpOn().toString());
		this.auditTrail.record(AuditRecord.created(customer.auditSubject(), "communication", Long.toString(id), state));
		return shown(customer, this.repository.find(customer.id(), id).orElseThrow());
	}

	private List<FieldProblem> problems(String customerCode, CommunicationDraft draft) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate today = LocalDate.now(this.clock);
		if (draft.occurredOn() == null) {
			problems.add(new FieldProblem("occurredOn", "customer.activity.date.required"));
		}
		else if (draft.occurredOn().isAfter(today)) {
			problems.add(new FieldProblem("occurredOn", "customer.activity.date.future"));
		}
		if (draft.channel() == null) {
			problems.add(new FieldProblem("channel", "customer.communication.channel.required"));
		}
		if (draft.summary() == null) {
			problems.add(new FieldProblem("summary", "customer.communication.summary.required"));
		}
		else if (draft.summary().length() > SUMMARY_MAX) {
			problems.add(new FieldProblem("summary", "customer.activity.too-long", SUMMARY_MAX));
		}
		if (draft.nextFollowUpOn() != null && draft.occurredOn() != null
				&& draft.nextFollowUpOn().isBefore(draft.occurredOn())) {
			problems.add(new FieldProblem("nextFollowUpOn", "customer.communication.follow-up.before"));
		}
		if (draft.contactId() != null) {
			try {
				this.contacts.get(customerCode, draft.contactId());
			}
			catch (NotFoundException ex) {
				problems.add(new FieldProblem("contactId", "customer.communication.contact.unknown"));
			}
		}
		return problems;
	}

	private Communication shown(CustomerDetails customer, StoredCommunication stored) {
		return new Communication(stored.id(), customer.code(), stored.occurredOn(), stored.channel(),
				stored.contactId(), this.personalData.show(PersonalDataKind.NAME, stored.contactName()),
				stored.summary(), stored.nextFollowUpOn(), stored.author(), stored.createdAt());
	}

}
