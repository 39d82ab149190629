package org.credence.customer.contact;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.customer.contact.ContactRepository.StoredContact;
import org.credence.identity.AuditRecord;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.identity.PersonalData;
import org.credence.identity.PersonalDataKind;
import org.credence.shared.ConflictException;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.NotFoundException;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact persons of a customer. Reading needs the right to read the customer (sales
 * see only their own customers' contacts); adding, changing and deleting need
 * {@link Permission#CUSTOMER_WRITE}. Names, phones and e-mails are encrypted before they
 * are stored; the audit trail receives them masked only. Deleting a contact erases its
 * personal data: the row is removed, communications that named it keep their text.
 */
@Service
public class Contacts {

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()\\-]{4,29}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final ContactRepository repository;

	private final Customers customers;

	private final PersonalData personalData;

	private final CurrentUser currentUser;

	private final AuditTrail auditTrail;

	private final Clock clock;

	Contacts(ContactRepository repository, Customers customers, PersonalData personalData, CurrentUser currentUser,
			AuditTrail auditTrail, Clock clock) {
		this.repository = repository;
		this.customers = customers;
		this.personalData = personalData;
		this.currentUser = currentUser;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/**
	 * One page of a customer's contacts, the primary one first.
	 * @throws NotFoundException when the customer is not in the caller's scope
	 */
	@Transactional(readOnly = true)
	public PageResult<Contact> list(String customerCode, Paging paging) {
		CustomerDetails customer = this.customers.get(customerCode);
		List<Contact> items = this.repository.findAll(customer.id(), paging.size(), paging.offset())
			.stream()
			.map(stored -> shown(customer, stored))
			.toList();
		return new PageResult<>(items, paging.page(), paging.size(), this.repository.count(customer.id()));
	}

	/** Every contact of a customer (at most 500), the primary one first. */
	@Transactional(readOnly = true)
	public List<Contact> all(String customerCode) {
		return list(customerCode, new Paging(0, Paging.MAX_SIZE)).items();
	}

	/**
	 * One contact of a customer, as the caller may see it.
	 * @throws NotFoundException when the customer or the contact is unknown to the caller
	 */
	@Transactional(readOnly = true)
	public Contact get(String customerCode, long id) {
		CustomerDetails customer = this.customers.get(customerCode);
		return shown(customer, stored(customer, id));
	}

	/**
	 * A contact's fields in clear, to edit them. Needs the right to change customers and
	 * to see personal data.
	 */
	@Transactional(readOnly = true)
	public ContactDraft draft(String customerCode, long id) {
		this.currentUser.require(Permission.CUSTOMER_WRITE);
		this.currentUser.require(Permission.PERSONAL_DATA_READ);
		CustomerDetails customer = this.customers.get(customerCode);
		return clear(stored(customer, id));
	}

	/** What is wrong with a contact, field by field; empty when it may be saved. */
	public List<FieldProblem> problems(ContactDraft draft) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate today = LocalDate.now(this.clock);
		String name = blankToNull(draft.name());
		if (name == null) {
			problems.add(new FieldProblem("name", "customer.contact.name.required"));
		}
		else if (name.length() > 100) {
			problems.add(new FieldProblem("name", "customer.activity.too-long", 100));
		}
		String title = blankToNull(draft.title());
		if (title != null && title.length() > 100) {
			problems.add(new FieldProblem("title", "customer.activity.too-long", 100));
		}
		String phone = blankToNull(draft.phone());
		if (phone != null && !PHONE.matcher(phone).matches()) {
			problems.add(new FieldProblem("phone", "customer.contact.phone.invalid"));
		}
		String email = blankToNull(draft.email());
		if (email != null && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
			problems.add(new FieldProblem("email", "customer.contact.email.invalid"));
		}
		String purpose = blankToNull(draft.consentPurpose());
		if (draft.consentGivenOn() != null) {
			if (draft.consentGivenOn().isAfter(today)) {
				problems.add(new FieldProblem("consentGivenOn", "customer.activity.date.future"));
			}
			if (purpose == null) {
				problems.add(new FieldProblem("consentPurpose", "customer.contact.consent.purpose.required"));
			}
		}
		if (purpose != null && purpose.length() > 500) {
			problems.add(new FieldProblem("consentPurpose", "customer.activity.too-long", 500));
		}
		if (draft.consentWithdrawnOn() != null) {
			if (draft.consentGivenOn() == null) {
				problems
					.add(new FieldProblem("consentWithdrawnOn", "customer.contact.consent.withdrawn-without-consent"));
			}
			else if (draft.consentWithdrawnOn().isBefore(draft.consentGivenOn())) {
				problems.add(new FieldProblem("consentWithdrawnOn", "customer.contact.consent.withdrawn-before-given"));
			}
			if (draft.consentWithdrawnOn().isAfter(today)) {
				problems.add(new FieldProblem("consentWithdrawnOn", "customer.activity.date.future"));
			}
		}
		return problems;
	}

	/**
	 * Adds a contact person to a customer. A primary contact takes that place from the
	 * previous one.
	 * @throws InvalidInputException when fields are invalid
	 * @throws NotFoundException when the customer is not in the caller's scope
	 */
	@Transactional
	public Contact add(String customerCode, ContactDraft draft) {
		this.currentUser.require(Permission.CUSTOMER_WRITE);
		CustomerDetails customer = this.customers.get(customerCode);
		ContactDraft contact = normalised(draft);
		requireValid(contact);
		if (contact.primary()) {
			// one primary contact per customer: the new one takes the place
			this.repository.clearPrimary(customer.id(), 0);
		}
		long id = this.repository.insert(customer.id(), protect(contact), this.clock.instant());
		this.auditTrail
			.record(AuditRecord.created(customer.auditSubject(), "contact", Long.toString(id), auditState(contact)));
		return get(customerCode, id);
	}

	/**
	 * Changes some fields of a contact.
	 * @throws InvalidInputException when the result is invalid
	 * @throws NotFoundException when the customer or the contact is unknown to the caller
	 */
	@Transactional
	public Contact change(String customerCode, long id, ContactChange change) {
		return change(customerCode, id, change, null);
	}

	/**
	 * Changes some fields of a contact that the user saw as of {@code seenVersion} (its
	 * {@code updatedAt}), so a form cannot overwrite a change made meanwhile.
	 * @throws ConflictException when the contact changed after {@code seenVersion}
	 */
	@Transactional
	public Contact change(String customerCode, long id, ContactChange change, @Nullable Instant seenVersion) {
		this.currentUser.require(Permission.CUSTOMER_WRITE);
		CustomerDetails customer = this.customers.get(customerCode);
		StoredContact current = stored(customer, id);
		if (seenVersion != null && !current.updatedAt().equals(seenVersion)) {
			throw new ConflictException("customer.contact.changed-meanwhile", current.id());
		}
		ContactDraft before = clear(current);
		ContactDraft after = normalised(change.applyTo(before));
		requireValid(after);
		if (!before.equals(after)) {
			if (after.primary()) {
				this.repository.clearPrimary(customer.id(), id);
			}
			if (!this.repository.update(customer.id(), id, protect(after), current.updatedAt(), this.clock.instant())) {
				throw new ConflictException("customer.contact.changed-meanwhile", id);
			}
			this.auditTrail.record(AuditRecord.changed(customer.auditSubject(), "contact", Long.toString(id),
					auditState(before), auditState(after)));
		}
		return get(customerCode, id);
	}

	/**
	 * Deletes a contact and with it the person's personal data; the audit trail keeps its
	 * masked state and the reason.
	 * @throws NotFoundException when the customer or the contact is unknown to the caller
	 */
	@Transactional
	public void delete(String customerCode, long id, @Nullable String reason) {
		this.currentUser.require(Permission.CUSTOMER_WRITE);
		CustomerDetails customer = this.customers.get(customerCode);
		ContactDraft before = clear(stored(customer, id));
		this.repository.delete(customer.id(), id);
		this.auditTrail
			.record(AuditRecord.deleted(customer.auditSubject(), "contact", Long.toString(id), auditState(before))
				.because(blankToNull(reason)));
	}

	private StoredContact stored(CustomerDetails customer, long id) {
		return this.repository.find(customer.id(), id)
			.orElseThrow(() -> new NotFoundException("customer.contact.not-found", id));
	}

	private Contact shown(CustomerDetails customer, StoredContact stored) {
		return new Contact(stored.id(), customer.code(),
				Objects.requireNonNull(this.personalData.show(PersonalDataKind.NAME, stored.name())), stored.title(),
				this.personalData.show(PersonalDataKind.PHONE, stored.phone()),
				this.personalData.show(PersonalDataKind.EMAIL, stored.email()), stored.primary(),
				stored.consentGivenOn(), stored.consentPurpose(), stored.consentWithdrawnOn(), stored.createdAt(),
				stored.updatedAt());
	}

	private ContactDraft clear(StoredContact stored) {
		return new ContactDraft(Objects.requireNonNull(this.personalData.reveal(stored.name())), stored.title(),
				this.personalData.reveal(stored.phone()), this.personalData.reveal(stored.email()), stored.primary(),
				stored.consentGivenOn(), stored.consentPurpose(), stored.consentWithdrawnOn());
	}

	private StoredContact protect(ContactDraft contact) {
		return new StoredContact(0, Objects.requireNonNull(this.personalData.protect(contact.name())), contact.title(),
				this.personalData.protect(contact.phone()), this.personalData.protect(contact.email()),
				contact.primary(), contact.consentGivenOn(), contact.consentPurpose(), contact.consentWithdrawnOn(),
				this.clock.instant(), this.clock.instant());
	}

	private void requireValid(ContactDraft draft) {
		List<FieldProblem> problems = problems(draft);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static ContactDraft normalised(ContactDraft draft) {
		String name = blankToNull(draft.name());
		return new ContactDraft(name == null ? "" : name, blankToNull(draft.title()), blankToNull(draft.phone()),
				blankToNull(draft.email()), draft.primary(), draft.consentGivenOn(),
				blankToNull(draft.consentPurpose()), draft.consentWithdrawnOn());
	}

	/** The audited state of a contact: personal data masked, never clear. */
	private static Map<String, Object> auditState(ContactDraft contact) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("name", PersonalData.mask(PersonalDataKind.NAME, contact.name()));
		state.put("title", contact.title());
		state.put("phone", PersonalData.mask(PersonalDataKind.PHONE, contact.phone()));
		state.put("email", PersonalData.mask(PersonalDataKind.EMAIL, contact.email()));
		state.put("primary", contact.primary());
		state.put("consentGivenOn", contact.consentGivenOn() == null ? null : contact.consentGivenOn().toString());
		state.put("consentPurpose", contact.consentPurpose());
		state.put("consentWithdrawnOn",
				contact.consentWithdrawnOn() == null ? null : contact.consentWithdrawnOn().toString());
		return state;
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
