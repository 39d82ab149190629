package org.credence.limit;

import org.credence.limit.policy.Recommender;

import org.springframework.stereotype.Service;

/**
 * The credit policy's advice for a customer: the limit and terms its grade allows and
 * recommends, with the basis in words and numbers.
 */
@Service
public class CreditPolicies {

	private final Recommender recommender;

	CreditPolicies(Recommender recommender) {
		this.recommender = recommender;
	}

	/**
	 * The recommendation for a customer today under the active policy version.
	 * <ul>
	 * <li>Unrated ({@code rated=false}, amount zero, {@code creditAllowed=false}, no
	 * grade) when the customer has no assessment, or its latest assessment is past its
	 * next review date (a review due today still counts that day).</li>
	 * <li>{@code creditAllowed=false}, amount zero, terms zero for a grade whose rule
	 * allows prepayment only.</li>
	 * <li>Otherwise the rule of the customer's grade (refined by its risk class and/or
	 * industry when the policy has such a rule) gives the formula; its result is rounded
	 * down to whole 1,000 of company currency (never below zero) and capped at the grade
	 * maximum. When a figure the formula needs is missing (no financial statement behind
	 * the current assessment) the amount is zero and the basis names the missing
	 * figure.</li>
	 * </ul>
	 * Needs {@code limit:read}; sales see only their own customers.
	 * @throws org.credence.shared.NotFoundException (404) when the customer does not
	 * exist or is outside the caller's data scope
	 * @throws org.springframework.security.access.AccessDeniedException without
	 * {@code limit:read}
	 */
	public Recommendation recommend(String customerCode) {
		return this.recommender.recommend(customerCode);
	}

	/**
	 * {@link #recommend} as the system, within the caller's transaction, for the credit
	 * lines: empty when there is no active policy or no such customer. Throws nothing of
	 * its own, so it cannot spoil the caller's transaction.
	 */
	public java.util.Optional<Recommendation> recommendIfActive(String customerCode) {
		return this.recommender.recommendIfActive(customerCode);
	}

}
