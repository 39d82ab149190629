package org.credence.identity;

import java.util.EnumSet;
import java.util.Set;

import static org.credence.identity.Permission.ASSESSMENT_OVERRIDE_APPROVE;
import static org.credence.identity.Permission.ASSESSMENT_RUN;
import static org.credence.identity.Permission.BANK_ACCOUNT_MANAGE;
import static org.credence.identity.Permission.AUDIT_READ;
import static org.credence.identity.Permission.BLACKLIST_MANAGE;
import static org.credence.identity.Permission.CHECK_RULES_MANAGE;
import static org.credence.identity.Permission.COMMUNICATION_WRITE;
import static org.credence.identity.Permission.CREDIT_CHECK;
import static org.credence.identity.Permission.CUSTOMER_IMPORT;
import static org.credence.identity.Permission.CUSTOMER_READ_ALL;
import static org.credence.identity.Permission.CUSTOMER_READ_OWN;
import static org.credence.identity.Permission.CUSTOMER_WRITE;
import static org.credence.identity.Permission.DISPUTE_MANAGE;
import static org.credence.identity.Permission.EXPOSURE_READ;
import static org.credence.identity.Permission.HOLD_DECIDE;
import static org.credence.identity.Permission.MODEL_MANAGE;
import static org.credence.identity.Permission.PERSONAL_DATA_READ;
import static org.credence.identity.Permission.RECEIVABLE_READ;
import static org.credence.identity.Permission.LIMIT_READ;
import static org.credence.identity.Permission.LIMIT_APPLY;
import static org.credence.identity.Permission.LIMIT_APPROVE;
import static org.credence.identity.Permission.POLICY_MANAGE;
import static org.credence.identity.Permission.CREDIT_LINE_MANAGE;
import static org.credence.identity.Permission.COLLATERAL_MANAGE;
import static org.credence.identity.Permission.RECEIVABLE_WRITE;
import static org.credence.identity.Permission.WRITE_OFF_APPROVE;

/**
 * The roles of a credit department and the permissions each grants: least privilege, so a
 * role has only what its work needs. A user may hold several roles.
 */
public enum Role {

	/** Users, roles, tokens; every permission. */
	ADMIN(EnumSet.allOf(Permission.class)),
	/** Owns policy and approvals; manages the blacklist. */
	CREDIT_MANAGER(EnumSet.of(CUSTOMER_READ_ALL, CUSTOMER_WRITE, BANK_ACCOUNT_MANAGE, CUSTOMER_IMPORT, BLACKLIST_MANAGE,
			PERSONAL_DATA_READ, COMMUNICATION_WRITE, RECEIVABLE_READ, WRITE_OFF_APPROVE, DISPUTE_MANAGE, MODEL_MANAGE,
			ASSESSMENT_RUN, ASSESSMENT_OVERRIDE_APPROVE, LIMIT_READ, LIMIT_APPLY, LIMIT_APPROVE, POLICY_MANAGE,
			CREDIT_LINE_MANAGE, COLLATERAL_MANAGE, EXPOSURE_READ, CREDIT_CHECK, HOLD_DECIDE, CHECK_RULES_MANAGE)),
	/** Keeps credit files, runs assessments, proposes limits. */
	CREDIT_ANALYST(EnumSet.of(CUSTOMER_READ_ALL, CUSTOMER_WRITE, BANK_ACCOUNT_MANAGE, CUSTOMER_IMPORT,
			PERSONAL_DATA_READ, COMMUNICATION_WRITE, RECEIVABLE_READ, ASSESSMENT_RUN, LIMIT_READ, LIMIT_APPLY,
			LIMIT_APPROVE, COLLATERAL_MANAGE, EXPOSURE_READ, CREDIT_CHECK)),
	/** Approves large or risky limits; reads credit files. */
	COMMITTEE_MEMBER(EnumSet.of(CUSTOMER_READ_ALL, RECEIVABLE_READ, LIMIT_READ, LIMIT_APPROVE, EXPOSURE_READ)),
	/** Sees and changes only the customers they own. */
	SALES(EnumSet.of(CUSTOMER_READ_OWN, CUSTOMER_WRITE, PERSONAL_DATA_READ, COMMUNICATION_WRITE, RECEIVABLE_READ,
			LIMIT_READ, LIMIT_APPLY, EXPOSURE_READ, CREDIT_CHECK)),
	/** Works overdue accounts: reads every file, calls contacts, logs communication. */
	COLLECTOR(EnumSet.of(CUSTOMER_READ_ALL, PERSONAL_DATA_READ, COMMUNICATION_WRITE, RECEIVABLE_READ, DISPUTE_MANAGE,
			LIMIT_READ, EXPOSURE_READ)),
	/**
	 * Loads customers, invoices and payments; reverses payments, proposes write-offs,
	 * manages disputes.
	 */
	FINANCE(EnumSet.of(CUSTOMER_READ_ALL, CUSTOMER_IMPORT, BANK_ACCOUNT_MANAGE, RECEIVABLE_READ, RECEIVABLE_WRITE,
			DISPUTE_MANAGE, LIMIT_READ, COLLATERAL_MANAGE, EXPOSURE_READ)),
	/** Reads everything, changes nothing; sees personal data masked. */
	AUDITOR(EnumSet.of(CUSTOMER_READ_ALL, AUDIT_READ, RECEIVABLE_READ, LIMIT_READ, EXPOSURE_READ)),
	/**
	 * An order or ERP system calling the API: pushes orders, invoices and payments, asks
	 * for credit checks and reads exposure; no screens of its own.
	 */
	ORDER_SYSTEM(EnumSet.of(CUSTOMER_READ_ALL, RECEIVABLE_READ, RECEIVABLE_WRITE, EXPOSURE_READ, CREDIT_CHECK));

	private final Set<Permission> permissions;

	Role(Set<Permission> permissions) {
		this.permissions = Set.copyOf(permissions);
	}

	public Set<Permission> permissions() {
		return this.permissions;
	}

	/** The authority string Spring Security carries for this role. */
	public String authority() {
		return "ROLE_" + name();
	}

}
