package org.credence.exposure;

/**
 * Why a credit check decided as it did; the codes of {@code shared/API.md}. Each rule of
 * {@link CheckRuleSet} is off, warns or blocks; {@link #WITHIN_TOLERANCE} always warns
 * and {@link #RELEASED_BY_MANAGER} only tells that a manager released a held order.
 */
public enum ReasonCode {

	NO_CREDIT_LINE, CREDIT_LINE_EXPIRED, LIMIT_EXCEEDED, WITHIN_TOLERANCE, OVERDUE_DAYS, OVERDUE_AMOUNT, BLACKLISTED,
	CUSTOMER_SUSPENDED, GRADE_BELOW_MINIMUM, REVIEW_OVERDUE, SEVERE_ALERT_OPEN, GROUP_LIMIT_EXCEEDED, UTILISATION_HIGH,
	OLDEST_ITEM_TOO_OLD, RELEASED_BY_MANAGER, REJECTED_BY_MANAGER

}
