package org.credence.limit.policy;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One version of the credit policy: its rules and its life cycle. A version is born a
 * DRAFT, changes only while a draft, and becomes ACTIVE when a credit manager activates
 * it; the version it replaces is RETIRED and kept, so a recommendation naming a version
 * can always be explained.
 */
public record CreditPolicy(int version, String status, @Nullable String note, List<PolicyRule> rules, Instant createdAt,
		String createdBy, Instant updatedAt, String updatedBy, @Nullable Instant activatedAt,
		@Nullable String activatedBy, @Nullable Instant retiredAt) {

	public static final String DRAFT = "DRAFT";

	public static final String ACTIVE = "ACTIVE";

	public static final String RETIRED = "RETIRED";

	public CreditPolicy {
		rules = List.copyOf(rules);
	}

	public boolean isDraft() {
		return DRAFT.equals(this.status);
	}

	public boolean isActive() {
		return ACTIVE.equals(this.status);
	}

	/**
	 * The rule for a customer: the narrowest rule of its grade that applies to its risk
	 * class and industry.
	 */
	public Optional<PolicyRule> ruleFor(String grade, @Nullable String riskClass, @Nullable String industry) {
		return this.rules.stream()
			.filter(rule -> rule.appliesTo(grade, riskClass, industry))
			.max(Comparator.comparingInt(PolicyRule::specificity));
	}

}
