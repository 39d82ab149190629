package org.credence.exposure;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.credence.exposure.check.RulesRepository;
import org.credence.identity.AuditRecord;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credit check rules (part of the credit policy), versioned: a change is a new
 * version, in force at once, audited; the versions before it are kept. Until a credit
 * manager saves a version the {@linkplain CheckRuleSet#defaults() defaults} apply.
 */
@Service
public class CheckRuleVersions {

	private final RulesRepository repository;

	private final CurrentUser currentUser;

	private final AuditTrail auditTrail;

	private final Clock clock;

	CheckRuleVersions(RulesRepository repository, CurrentUser currentUser, AuditTrail auditTrail, Clock clock) {
		this.repository = repository;
		this.currentUser = currentUser;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/**
	 * A version of the rules.
	 *
	 * @param version 0 for the built-in defaults, before any was saved
	 */
	public record Version(int version, CheckRuleSet rules, @Nullable String note, String createdBy, Instant createdAt) {
	}

	/** The rules in force, without a permission check: every credit check reads them. */
	@Transactional(readOnly = true)
	public Version inForce() {
		return inForce(this.repository.latestNumber());
	}

	/**
	 * The rules of a version whose number the caller read as the latest (the order path
	 * reads it with the customer's lock, in one round trip).
	 */
	Version inForce(int number) {
		if (number == 0) {
			return new Version(0, CheckRuleSet.defaults(), null, CurrentUser.SYSTEM, Instant.EPOCH);
		}
		return this.repository.cached(number).orElseThrow();
	}

	/** The rules in force, for a reader of exposure. */
	@Transactional(readOnly = true)
	public Version current() {
		this.currentUser.require(Permission.EXPOSURE_READ);
		return inForce();
	}

	/** Every saved version, newest first. */
	@Transactional(readOnly = true)
	public List<Version> versions() {
		this.currentUser.require(Permission.EXPOSURE_READ);
		return this.repository.versions();
	}

	/**
	 * Saves the rules as a new version, in force at once; audited with what changed.
	 * @throws org.credence.shared.InvalidInputException naming each wrong field
	 */
	@Transactional
	public Version save(@Nullable CheckRuleSet rules, @Nullable String note) {
		this.currentUser.require(Permission.CHECK_RULES_MANAGE);
		if (rules == null) {
			throw new org.credence.shared.InvalidInputException("rules", "exposure.rules.required");
		}
		rules.validated();
		if (note != null && note.strip().length() > 1000) {
			throw new org.credence.shared.InvalidInputException("note", "exposure.rules.note.too-long", 1000);
		}
		Version before = inForce();
		String cleanNote = note == null || note.isBlank() ? null : note.strip();
		int version = this.repository.insert(rules, cleanNote, this.currentUser.username(), this.clock.instant());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("version", version);
		after.put("rules", rules);
		Map<String, Object> was = new LinkedHashMap<>();
		was.put("version", before.version());
		was.put("rules", before.rules());
		this.auditTrail.record(new AuditRecord("exposure/check-rules", "check-rules", String.valueOf(version),
				"CHANGED", was, after, cleanNote));
		return this.repository.version(version).orElseThrow();
	}

}
