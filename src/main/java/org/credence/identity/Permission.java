package org.credence.identity;

/**
 * What a user may do. Roles grant permissions ({@link Role}); code checks permissions,
 * never role names, so a role's rights live in one place. The README's permission matrix
 * lists them.
 */
public enum Permission {

	/** Read every customer's credit file. */
	CUSTOMER_READ_ALL("customer:read-all"),
	/** Read the credit files of customers one owns (sales). */
	CUSTOMER_READ_OWN("customer:read-own"),
	/** Create and change credit files (within one's data scope). */
	CUSTOMER_WRITE("customer:write"),
	/** Import customers from files. */
	CUSTOMER_IMPORT("customer:import"),
	/** Put customers on the blacklist and take them off. */
	BLACKLIST_MANAGE("customer:blacklist"),
	/** See contact persons' names, phones and e-mails unmasked. */
	PERSONAL_DATA_READ("customer:personal-data"),
	/** Log calls, visits and other communication with a customer. */
	COMMUNICATION_WRITE("customer:communication"),
	/** Manage users, roles and API tokens. */
	USER_MANAGE("identity:users"),
	/** Read the whole audit trail and verify its chain. */
	AUDIT_READ("identity:audit"),
	/**
	 * Add and remove the bank accounts a customer pays from: they decide which customer a
	 * bank receipt is booked to, so finance and credit staff keep them, not sales.
	 */
	BANK_ACCOUNT_MANAGE("customer:bank-accounts"),
	/**
	 * Read orders, invoices, payments, aging and payment behaviour (within one's customer
	 * data scope).
	 */
	RECEIVABLE_READ("receivable:read"),
	/**
	 * Record orders, invoices, payments and credit notes, reverse payments, enter FX
	 * rates and propose write-offs.
	 */
	RECEIVABLE_WRITE("receivable:write"),
	/** Approve or reject another person's write-off proposal. */
	WRITE_OFF_APPROVE("receivable:write-off-approve"),
	/** Mark invoices disputed and resolve disputes. */
	DISPUTE_MANAGE("receivable:dispute"),
	/**
	 * Maintain scoring models and rating scales: drafts, activation, import and export.
	 */
	MODEL_MANAGE("assessment:models"),
	/** Enter statements and run assessments. */
	ASSESSMENT_RUN("assessment:run"),
	/** Approve or reject an analyst's proposed grade override (the second person). */
	ASSESSMENT_OVERRIDE_APPROVE("assessment:override-approve"),
	/**
	 * Read credit lines, collateral, the credit policy's recommendations and credit
	 * applications (within one's customer data scope).
	 */
	LIMIT_READ("limit:read"),
	/** Apply for a credit limit (new, increase, decrease, renewal, temporary). */
	LIMIT_APPLY("limit:apply"),
	/**
	 * Decide a step of a credit application; which steps a user may decide follows the
	 * roles the approval matrix names.
	 */
	LIMIT_APPROVE("limit:approve"),
	/** Maintain the credit policy and the approval matrix. */
	POLICY_MANAGE("limit:policy"),
	/** Suspend and reinstate credit lines; set group limits. */
	CREDIT_LINE_MANAGE("limit:lines"),
	/** Record collateral and guarantees and release them. */
	COLLATERAL_MANAGE("limit:collateral"),
	/** A customer's exposure and credit checks, and the credit-hold queue (read). */
	EXPOSURE_READ("exposure:read"),
	/** Asking for a credit check of an order, and cancelling one. */
	CREDIT_CHECK("exposure:check"),
	/** Releasing and rejecting held orders, special approvals (信用特批). */
	HOLD_DECIDE("exposure:holds"),
	/** Setting the credit check rules. */
	CHECK_RULES_MANAGE("exposure:rules");

	private final String authority;

	Permission(String authority) {
		this.authority = authority;
	}

	/** The authority string Spring Security carries for this permission. */
	public String authority() {
		return this.authority;
	}

}
