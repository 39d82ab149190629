package org.credence.limit.policy;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import org.credence.identity.AuditRecord;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.shared.ConflictException;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.NotFoundException;
import org.credence.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versions of the credit policy. A new version is a DRAFT copied from the active one
 * (at most one draft at a time); it changes only while a draft; a credit manager
 * activates it, which retires the active version in the same transaction. Active and
 * retired versions never change again. Every change is audited.
 * <p>
 * Reading needs {@link Permission#LIMIT_READ}; every change needs
 * {@link Permission#POLICY_MANAGE}.
 */
@Service
public class CreditPolicyVersions {

	static final String ENTITY = "credit-policy";

	private final CreditPolicyRepository repository;

	private final AuditTrail audit;

	private final CurrentUser currentUser;

	private final Clock clock;

	CreditPolicyVersions(CreditPolicyRepository repository, AuditTrail audit, CurrentUser currentUser, Clock clock) {
		this.repository = repository;
		this.audit = audit;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/**
	 * The active version.
	 * @throws NotFoundException when none is active (only before the built-in policy is
	 * installed)
	 */
	@Transactional(readOnly = true)
	public CreditPolicy active() {
		this.currentUser.require(Permission.LIMIT_READ);
		return activeVersion();
	}

	/** The active version, if there is one, read as the system. */
	Optional<CreditPolicy> activeIfAny() {
		return this.repository.withStatus(CreditPolicy.ACTIVE);
	}

	/** The active version, read as the system (for recommendations). */
	CreditPolicy activeVersion() {
		return this.repository.withStatus(CreditPolicy.ACTIVE)
			.orElseThrow(() -> new NotFoundException("limit.policy.not-found", "ACTIVE"));
	}

	/** The draft, when one is being edited. */
	@Transactional(readOnly = true)
	public java.util.Optional<CreditPolicy> draft() {
		this.currentUser.require(Permission.LIMIT_READ);
		return this.repository.withStatus(CreditPolicy.DRAFT);
	}

	/**
	 * One version, whatever its status.
	 * @throws NotFoundException when there is no such version
	 */
	@Transactional(readOnly = true)
	public CreditPolicy version(int version) {
		this.currentUser.require(Permission.LIMIT_READ);
		return this.repository.find(version)
			.orElseThrow(() -> new NotFoundException("limit.policy.not-found", "v" + version));
	}

	/** Every version, newest first, without their rules. */
	@Transactional(readOnly = true)
	public List<CreditPolicy> versions() {
		this.currentUser.require(Permission.LIMIT_READ);
		return this.repository.versions();
	}

	/**
	 * The draft to edit: the one being edited, or a new one copied from the active
	 * version.
	 */
	@Transactional
	public CreditPolicy startDraft() {
		this.currentUser.require(Permission.POLICY_MANAGE);
		this.repository.lock();
		java.util.Optional<CreditPolicy> existing = this.repository.withStatus(CreditPolicy.DRAFT);
		if (existing.isPresent()) {
			return existing.get();
		}
		CreditPolicy active = activeVersion();
		int version = this.repository.nextVersion();
		this.repository.insert(version, CreditPolicy.DRAFT, null, active.rules(), this.currentUser.username(), now());
		this.audit
			.record(AuditRecord.created(null, ENTITY, id(version), summary(version, CreditPolicy.DRAFT, active.rules()))
				.because("copied from v" + active.version()));
		return this.repository.find(version).orElseThrow();
	}

	/** The problems of a draft's rules, without saving anything. */
	public List<FieldProblem> problems(List<RuleDraft> rules, @Nullable String note) {
		List<FieldProblem> problems = new java.util.ArrayList<>(PolicyRules.check(rules).problems());
		if (note != null && note.strip().length() > 2000) {
			problems.add(new FieldProblem("note", "limit.policy.note.too-long", 2000));
		}
		return problems;
	}

	/**
	 * Replaces a draft's rules and note.
	 * @throws RuleViolationException ({@code POLICY_NOT_DRAFT}) for an active or retired
	 * version
	 * @throws InvalidInputException with every problem of the rules
	 * ({@code rules[i].field})
	 */
	@Transactional
	public CreditPolicy updateDraft(int version, List<RuleDraft> rules, @Nullable String note) {
		return updateDraft(version, rules, note, null);
	}

	/**
	 * {@link #updateDraft(int, List, String)} of the draft as it was when last read:
	 * {@code updatedAt} is the draft's {@link CreditPolicy#updatedAt()} then (null: not
	 * checked).
	 * @throws ConflictException (409) when the draft was saved by someone else meanwhile
	 */
	@Transactional
	public CreditPolicy updateDraft(int version, List<RuleDraft> rules, @Nullable String note,
			@Nullable Instant updatedAt) {
		this.currentUser.require(Permission.POLICY_MANAGE);
		this.repository.lock();
		CreditPolicy before = this.repository.find(version)
			.orElseThrow(() -> new NotFoundException("limit.policy.not-found", "v" + version));
		requireDraft(before);
		requireUnchanged(before, updatedAt);
		List<FieldProblem> problems = problems(rules, note);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		List<PolicyRule> checked = PolicyRules.requireValid(rules);
		String cleanNote = note == null || note.isBlank() ? null : note.strip();
		this.repository.updateDraft(version, cleanNote, checked, this.currentUser.username(), now());
		CreditPolicy after = this.repository.find(version).orElseThrow();
		this.audit.record(AuditRecord.changed(null, ENTITY, id(version), content(before), content(after)));
		return after;
	}

	/**
	 * Makes the draft the active version; the previous one is retired. Audited.
	 * @throws RuleViolationException ({@code POLICY_NOT_DRAFT}) unless the version is the
	 * draft
	 */
	@Transactional
	public CreditPolicy activate(int version) {
		return activate(version, null);
	}

	/**
	 * {@link #activate(int)} of the draft as it was when last read ({@code updatedAt},
	 * null: not checked), so a draft changed meanwhile is not activated unseen.
	 * @throws ConflictException (409) when the draft was saved by someone else meanwhile
	 */
	@Transactional
	public CreditPolicy activate(int version, @Nullable Instant updatedAt) {
		this.currentUser.require(Permission.POLICY_MANAGE);
		this.repository.lock();
		CreditPolicy draft = this.repository.find(version)
			.orElseThrow(() -> new NotFoundException("limit.policy.not-found", "v" + version));
		requireDraft(draft);
		requireUnchanged(draft, updatedAt);
		PolicyRules.requireValid(draft.rules().stream().map(RuleDraft::of).toList());
		Instant now = now();
		CreditPolicy previous = this.repository.withStatus(CreditPolicy.ACTIVE).orElse(null);
		if (previous != null) {
			this.repository.retire(previous.version(), now);
			this.audit.record(new AuditRecord(null, ENTITY, id(previous.version()), "RETIRED",
					Map.of("status", CreditPolicy.ACTIVE), Map.of("status", CreditPolicy.RETIRED),
					"replaced by v" + version));
		}
		this.repository.activate(version, this.currentUser.username(), now);
		this.audit.record(new AuditRecord(null, ENTITY, id(version), "ACTIVATED", Map.of("status", CreditPolicy.DRAFT),
				Map.of("status", CreditPolicy.ACTIVE, "replaces", previous == null ? "—" : "v" + previous.version()),
				draft.note()));
		return this.repository.find(version).orElseThrow();
	}

	/** Installs the built-in policy as active version 1 when there is no version yet. */
	@Transactional
	boolean install(List<PolicyRule> rules) {
		this.repository.lock();
		if (!this.repository.isEmpty()) {
			return false;
		}
		List<PolicyRule> checked = PolicyRules.requireValid(rules.stream().map(RuleDraft::of).toList());
		this.repository.insert(1, CreditPolicy.ACTIVE, null, checked, CurrentUser.SYSTEM, now());
		this.audit.record(new AuditRecord(null, ENTITY, id(1), "ACTIVATED", null,
				summary(1, CreditPolicy.ACTIVE, checked), "built-in policy installed on first start"));
		return true;
	}

	private static void requireUnchanged(CreditPolicy policy, @Nullable Instant updatedAt) {
		if (updatedAt != null && !updatedAt.equals(policy.updatedAt())) {
			throw new ConflictException("limit.policy.changed-meanwhile", "v" + policy.version());
		}
	}

	private static void requireDraft(CreditPolicy policy) {
		if (!policy.isDraft()) {
			throw new RuleViolationException("POLICY_NOT_DRAFT", "limit.policy.not-draft", "v" + policy.version());
		}
	}

	static String id(int version) {
		return "v" + version;
	}

	private static Map<String, Object> summary(int version, String status, List<PolicyRule> rules) {
		return Map.of("version", version, "status", status, "rules", rules.size());
	}

	private static Map<String, Object> content(CreditPolicy policy) {
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("note", policy.note() == null ? "" : policy.note());
		content.put("rules", policy.rules());
		return content;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
