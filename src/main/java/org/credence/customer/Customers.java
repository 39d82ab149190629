package org.credence.customer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.credence.identity.AuditRecord;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.shared.ConflictException;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.NotFoundException;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.credence.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credit files of customers: open, change, find and list them, and keep the
 * blacklist. Every read applies the caller's data scope (sales see only the customers
 * they own; to them another owner's customer does not exist), every write is audited in
 * its own transaction.
 */
@Service
public class Customers {

	private final CustomerRepository repository;

	private final CurrentUser currentUser;

	private final Users users;

	private final AuditTrail auditTrail;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Customers(CustomerRepository repository, CurrentUser currentUser, Users users, AuditTrail auditTrail,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.currentUser = currentUser;
		this.users = users;
		this.auditTrail = auditTrail;
		this.events = events;
		this.clock = clock;
	}

	/** A customer within the caller's data scope. */
	@Transactional(readOnly = true)
	public Optional<CustomerDetails> find(String code) {
		requireRead();
		return this.repository.find(code, today(), this.currentUser.ownerScope().orElse(null));
	}

	/**
	 * A customer within the caller's data scope.
	 * @throws NotFoundException when there is none, or the caller may not see it
	 */
	@Transactional(readOnly = true)
	public CustomerDetails get(String code) {
		return find(code).orElseThrow(() -> new NotFoundException("customer.not-found", code));
	}

	/** Customers matching the query within the caller's data scope, one page. */
	@Transactional(readOnly = true)
	public PageResult<CustomerDetails> search(CustomerQuery query, Paging paging) {
		requireRead();
		return this.repository.search(query, paging, today(), this.currentUser.ownerScope().orElse(null));
	}

	/**
	 * Every customer matching the query within the caller's data scope, up to
	 * {@code limit}, in the query's order: for exports, where a page of at most 500 would
	 * silently cut the list.
	 */
	@Transactional(readOnly = true)
	public List<CustomerDetails> searchAll(CustomerQuery query, int limit) {
		requireRead();
		return this.repository.searchAll(query, limit, today(), this.currentUser.ownerScope().orElse(null));
	}

	/**
	 * How many customers the caller sees per status, and how many of them are
	 * blacklisted.
	 */
	@Transactional(readOnly = true)
	public Map<String, Long> countsByStatus() {
		requireRead();
		return this.repository.countsByStatus(today(), this.currentUser.ownerScope().orElse(null));
	}

	/**
	 * What is wrong with a draft, field by field; empty when it may be saved. Does not
	 * look at the caller's rights.
	 */
	public List<FieldProblem> problems(CustomerDraft draft) {
		return CustomerRules.problems(draft, today(), this::isSalesUser, this::isAnalystUser);
	}

	/**
	 * Opens a credit file. Sales users own what they create. A customer resembling a
	 * blacklisted one is created with warnings.
	 * @throws InvalidInputException when fields are invalid (USCC check digit, unknown
	 * owner …)
	 * @throws ConflictException when the code exists already
	 */
	@Transactional
	public Registration register(CustomerDraft draft) {
		this.currentUser.require(Permission.CUSTOMER_WRITE);
		return open(draft);
	}

	private Registration open(CustomerDraft draft) {
		CustomerDraft scoped = withOwnerForSales(draft);
		requireValid(scoped);
		CustomerDraft customer = CustomerRules.normalise(scoped);
		if (this.repository.exists(customer.code())) {
			throw new ConflictException("customer.code.exists", customer.code());
		}
		Long groupId = groupId(customer);
		try {
			this.repository.insert(customer, groupId, this.clock.instant());
		}
		catch (DuplicateKeyException ex) {
			// another request opened the same code between the check and the insert
			throw new ConflictException("customer.code.exists", customer.code());
		}
		CustomerDetails created = this.repository.find(customer.code(), today(), null).orElseThrow();
		this.auditTrail.record(AuditRecord.created(created.auditSubject(), "customer", created.code(), state(created)));
		this.events.publishEvent(
				new CustomerRegistered(created.code(), created.name(), created.uscc(), created.ownerUsername()));
		return new Registration(created, blacklistMatches(created.uscc(), created.name(), created.code()));
	}

	/**
	 * Changes some fields of a credit file.
	 * @throws NotFoundException when the customer is not in the caller's scope
	 * @throws InvalidInputException when the result is invalid
	 */
	@Transactional
	public CustomerDetails change(String code, CustomerChange change) {
		this.currentUser.require(Permission.CUSTOMER_WRITE);
		CustomerDetails current = get(code);
		return save(current, change.applyTo(current.toDraft()), current.version());
	}

	/**
	 * Replaces the fields of a credit file from a form that showed version
	 * {@code version}.
	 * @throws ConflictException when someone else saved it in between
	 */
	@Transactional
	public CustomerDetails replace(String code, CustomerDraft draft, long version) {
		this.currentUser.require(Permission.CUSTOMER_WRITE);
		CustomerDetails current = get(code);
		if (current.version() != version) {
			throw new ConflictException("customer.changed-meanwhile", code);
		}
		return save(current, draft, version);
	}

	/**
	 * Opens a credit file or, when the code exists, changes the fields the draft gives
	 * (an import row). Allowed to users who may write or import customers. Returns the
	 * blacklist matches of the customer as saved.
	 */
	@Transactional
	public Registration upsert(CustomerDraft draft) {
		if (!this.currentUser.has(Permission.CUSTOMER_WRITE)) {
			this.currentUser.require(Permission.CUSTOMER_IMPORT);
		}
		Optional<CustomerDetails> current = find(draft.code());
		if (current.isEmpty()) {
			return open(draft);
		}
		CustomerChange change = new CustomerChange(draft.name(), draft.shortName(), draft.uscc(), draft.country(),
				draft.region(), draft.industry(), draft.registeredCapital(), draft.registeredCapitalCurrency(),
				draft.foundedOn(), draft.employees(), draft.ownershipType(), draft.groupCode(), draft.groupName(),
				draft.ownerUsername(), draft.analystUsername(), draft.status(), draft.tags());
		CustomerDetails saved = save(current.get(), change.applyTo(current.get().toDraft()), current.get().version());
		return new Registration(saved, blacklistMatches(saved.uscc(), saved.name(), saved.code()));
	}

	/**
	 * Records the customer's current rating as the assessment module decided it (a new
	 * assessment, or an approved override); audited. Not for people: the assessment
	 * module checks who may rate.
	 * @param riskClass LOW, MEDIUM or HIGH
	 */
	@Transactional
	public void recordRating(String code, String grade, String riskClass) {
		CustomerDetails customer = this.repository.find(code, today(), null)
			.orElseThrow(() -> new NotFoundException("customer.not-found", code));
		if (grade.equals(customer.grade()) && riskClass.equals(customer.riskClass())) {
			return;
		}
		this.repository.rate(customer.id(), grade, riskClass, this.clock.instant());
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("grade", customer.grade());
		before.put("riskClass", customer.riskClass());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("grade", grade);
		after.put("riskClass", riskClass);
		this.auditTrail
			.record(new AuditRecord(customer.auditSubject(), "customer", code, "RATED", before, after, null));
	}

	/**
	 * Records the ratings of many customers at once, as {@link #recordRating} does for
	 * one: only changed ratings are written and audited, in the order given; one
	 * statement for the reads, one for the writes and one audit append. Not for people.
	 * @throws NotFoundException when one of the customers does not exist; nothing is
	 * written then
	 */
	@Transactional
	public void recordRatings(List<Rating> ratings) {
		if (ratings.isEmpty()) {
			return;
		}
		Map<String, CustomerRepository.CurrentRating> current = this.repository
			.ratings(ratings.stream().map(Rating::code).toList());
		List<CustomerRepository.CurrentRating> changed = new java.util.ArrayList<>();
		List<AuditRecord> audit = new java.util.ArrayList<>();
		for (Rating rating : ratings) {
			CustomerRepository.CurrentRating customer = current.get(rating.code());
			if (customer == null) {
				throw new NotFoundException("customer.not-found", rating.code());
			}
			if (rating.grade().equals(customer.grade()) && rating.riskClass().equals(customer.riskClass())) {
				continue;
			}
			changed.add(new CustomerRepository.CurrentRating(customer.id(), rating.code(), rating.grade(),
					rating.riskClass()));
			Map<String, Object> before = new LinkedHashMap<>();
			before.put("grade", customer.grade());
			before.put("riskClass", customer.riskClass());
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("grade", rating.grade());
			after.put("riskClass", rating.riskClass());
			audit.add(new AuditRecord(CustomerDetails.auditSubject(rating.code()), "customer", rating.code(), "RATED",
					before, after, null));
		}
		this.repository.rateAll(changed, this.clock.instant());
		this.auditTrail.recordAll(audit);
	}

	/**
	 * Of these customer codes, those of customers that exist within the caller's data
	 * scope: one query, for work on many customers at once.
	 */
	@Transactional(readOnly = true)
	public java.util.Set<String> known(java.util.Collection<String> codes) {
		requireRead();
		return this.repository.known(codes, this.currentUser.ownerScope().orElse(null));
	}

	/**
	 * The codes of a group's members within the caller's data scope, in code order.
	 */
	@Transactional(readOnly = true)
	public List<String> groupMembers(String groupCode) {
		requireRead();
		return this.repository.groupMembers(groupCode, this.currentUser.ownerScope().orElse(null));
	}

	/**
	 * The codes of every customer within the caller's data scope, in code order: for work
	 * over the whole portfolio (rebuilding figures kept per customer).
	 */
	@Transactional(readOnly = true)
	public List<String> allCodes() {
		requireRead();
		return this.repository.codes(this.currentUser.ownerScope().orElse(null));
	}

	/**
	 * A customer's rating as the assessment module decided it.
	 *
	 * @param riskClass LOW, MEDIUM or HIGH
	 */
	public record Rating(String code, String grade, String riskClass) {
	}

	/**
	 * Blacklisted customers whose USCC or name equals these, other than
	 * {@code exceptCode}.
	 */
	@Transactional(readOnly = true)
	public List<BlacklistMatch> blacklistMatches(@Nullable String uscc, String name, @Nullable String exceptCode) {
		String normalisedUscc = uscc == null || uscc.isBlank() ? null : uscc.strip().toUpperCase(java.util.Locale.ROOT);
		List<BlacklistMatch> matches = this.repository.blacklistMatches(normalisedUscc, name, exceptCode, today());
		if (this.currentUser.ownerScope().isEmpty()) {
			return matches;
		}
		// users who see only their own customers learn that there is a match, not whose
		return matches.stream()
			.map(match -> this.repository.find(match.customerCode(), today(), this.currentUser.username()).isPresent()
					? match : new BlacklistMatch("", "", match.matchedOn(), ""))
			.distinct()
			.toList();
	}

	/**
	 * Puts a customer on the blacklist (credit managers).
	 * @throws RuleViolationException when it is on the blacklist already
	 */
	@Transactional
	public BlacklistEntry blacklist(String code, String reason, @Nullable String evidence,
			@Nullable LocalDate expiresOn) {
		this.currentUser.require(Permission.BLACKLIST_MANAGE);
		CustomerDetails customer = get(code);
		if (customer.blacklisted()) {
			throw new RuleViolationException("ALREADY_BLACKLISTED", "customer.blacklist.already", code);
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "customer.blacklist.reason.required");
		}
		if (expiresOn != null && expiresOn.isBefore(today())) {
			throw new InvalidInputException("expiresOn", "customer.blacklist.expires-in-past");
		}
		long id = this.repository.insertBlacklistEntry(customer.id(), customer.uscc(), customer.name(), reason.strip(),
				evidence, expiresOn, this.currentUser.username(), this.clock.instant());
		BlacklistEntry entry = this.repository.blacklistHistory(code)
			.stream()
			.filter(e -> e.id() == id)
			.findFirst()
			.orElseThrow();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("reason", entry.reason());
		after.put("evidence", entry.evidence());
		after.put("expiresOn", entry.expiresOn());
		this.auditTrail.record(new AuditRecord(customer.auditSubject(), "blacklist-entry", Long.toString(id),
				"BLACKLISTED", null, after, reason));
		this.events.publishEvent(new CustomerBlacklisted(code, entry.reason(), entry.expiresOn()));
		return entry;
	}

	/**
	 * Takes a customer off the blacklist (credit managers), with a reason.
	 * @throws RuleViolationException when it is not on the blacklist
	 */
	@Transactional
	public void removeFromBlacklist(String code, String reason) {
		this.currentUser.require(Permission.BLACKLIST_MANAGE);
		CustomerDetails customer = get(code);
		if (!customer.blacklisted() || customer.blacklistEntry() == null) {
			throw new RuleViolationException("NOT_BLACKLISTED", "customer.blacklist.not-on", code);
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "customer.blacklist.reason.required");
		}
		BlacklistEntry entry = customer.blacklistEntry();
		this.repository.removeBlacklistEntry(entry.id(), this.currentUser.username(), reason.strip(),
				this.clock.instant());
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("reason", entry.reason());
		before.put("expiresOn", entry.expiresOn());
		this.auditTrail.record(new AuditRecord(customer.auditSubject(), "blacklist-entry", Long.toString(entry.id()),
				"REMOVED_FROM_BLACKLIST", before, null, reason));
		this.events.publishEvent(new CustomerRemovedFromBlacklist(code, reason));
	}

	/** Every blacklist entry of a customer, current and past, newest first. */
	@Transactional(readOnly = true)
	public List<BlacklistEntry> blacklistHistory(String code) {
		get(code);
		return this.repository.blacklistHistory(code);
	}

	private CustomerDetails save(CustomerDetails current, CustomerDraft draft, long version) {
		if (!current.code().equals(draft.code())) {
			throw new InvalidInputException("code", "customer.code.immutable");
		}
		if (this.currentUser.ownerScope().isPresent() && draft.ownerUsername() != null
				&& !draft.ownerUsername().equals(current.ownerUsername())) {
			throw new AccessDeniedException("Sales cannot hand a customer to another owner");
		}
		// the owner and analyst on file stay valid when their accounts are disabled later
		List<FieldProblem> problems = CustomerRules.problems(draft, today(),
				user -> user.equals(current.ownerUsername()) || isSalesUser(user),
				user -> user.equals(current.analystUsername()) || isAnalystUser(user));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		CustomerDraft customer = CustomerRules.normalise(draft);
		if (!this.repository.update(customer, groupId(customer), version, this.clock.instant())) {
			throw new ConflictException("customer.changed-meanwhile", current.code());
		}
		CustomerDetails changed = this.repository.find(current.code(), today(), null).orElseThrow();
		Map<String, Object> before = state(current);
		Map<String, Object> after = state(changed);
		if (!before.equals(after)) {
			this.auditTrail
				.record(AuditRecord.changed(changed.auditSubject(), "customer", changed.code(), before, after));
			this.events.publishEvent(new CustomerChanged(changed.code(), changed.status(), changed.ownerUsername()));
		}
		return changed;
	}

	private CustomerDraft withOwnerForSales(CustomerDraft draft) {
		if (this.currentUser.ownerScope().isEmpty()) {
			return draft;
		}
		String self = this.currentUser.username();
		if (draft.ownerUsername() != null && !draft.ownerUsername().isBlank() && !draft.ownerUsername().equals(self)) {
			throw new InvalidInputException("ownerUsername", "customer.owner.only-self");
		}
		return new CustomerDraft(draft.code(), draft.name(), draft.shortName(), draft.uscc(), draft.country(),
				draft.region(), draft.industry(), draft.registeredCapital(), draft.registeredCapitalCurrency(),
				draft.foundedOn(), draft.employees(), draft.ownershipType(), draft.groupCode(), draft.groupName(), self,
				draft.analystUsername(), draft.status(), draft.tags());
	}

	private void requireValid(CustomerDraft draft) {
		List<FieldProblem> problems = problems(draft);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private @Nullable Long groupId(CustomerDraft customer) {
		if (customer.groupCode() == null) {
			return null;
		}
		return this.repository.groupId(customer.groupCode(), customer.groupName(), this.clock.instant());
	}

	private void requireRead() {
		if (!this.currentUser.has(Permission.CUSTOMER_READ_ALL)
				&& !this.currentUser.has(Permission.CUSTOMER_READ_OWN)) {
			throw new AccessDeniedException("Missing permission to read customers");
		}
	}

	private boolean isSalesUser(String username) {
		return this.users.find(username).filter(user -> user.enabled() && user.hasRole(Role.SALES)).isPresent();
	}

	private boolean isAnalystUser(String username) {
		return this.users.find(username)
			.filter(user -> user.enabled() && (user.hasRole(Role.CREDIT_ANALYST) || user.hasRole(Role.CREDIT_MANAGER)))
			.isPresent();
	}

	// codes in bulk

	/**
	 * Which of the given codes name customers within the caller's data scope: for writes
	 * of many documents at once (a ledger import of a million invoices), which check
	 * their customers in one query instead of one {@link #find} each.
	 */
	@Transactional(readOnly = true)
	public Set<String> visibleCodes(Collection<String> codes) {
		requireRead();
		return this.repository.existingCodes(codes, this.currentUser.ownerScope().orElse(null));
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/** The audited state of a customer: every field a person can change. */
	private static Map<String, Object> state(CustomerDetails customer) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("name", customer.name());
		state.put("shortName", customer.shortName());
		state.put("uscc", customer.uscc());
		state.put("country", customer.country());
		state.put("region", customer.region());
		state.put("industry", customer.industry() == null ? null : customer.industry().name());
		state.put("registeredCapital",
				customer.registeredCapital() == null ? null : customer.registeredCapital().toPlainString());
		state.put("registeredCapitalCurrency", customer.registeredCapitalCurrency());
		state.put("foundedOn", customer.foundedOn() == null ? null : customer.foundedOn().toString());
		state.put("employees", customer.employees());
		state.put("ownershipType", customer.ownershipType() == null ? null : customer.ownershipType().name());
		state.put("groupCode", customer.groupCode());
		state.put("groupName", customer.groupName());
		state.put("ownerUsername", customer.ownerUsername());
		state.put("analystUsername", customer.analystUsername());
		state.put("status", customer.status().name());
		state.put("tags", customer.tags());
		return state;
	}

}
