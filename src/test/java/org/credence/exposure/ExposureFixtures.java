package org.credence.exposure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Supplier;

import org.credence.customer.ActivityFixtures;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.limit.ApplicationType;
import org.credence.limit.CreditApplicationApproved;
import org.credence.limit.CreditLines;
import org.credence.receivable.ReceivableFixtures;
import org.credence.receivable.Receivables;

/**
 * Customers with credit lines, documents in their ledgers, and credit checks asked as the
 * order system.
 */
final class ExposureFixtures {

	private static long applications = 8_000_000;

	final ReceivableFixtures ledger;

	final CreditLines lines;

	final CreditChecks checks;

	final CurrentUser currentUser;

	final String orderSystem;

	final String manager;

	ExposureFixtures(Users users, Customers customers, CurrentUser currentUser, Receivables receivables,
			CreditLines lines, CreditChecks checks) {
		this.ledger = new ReceivableFixtures(users, customers, currentUser, receivables);
		this.lines = lines;
		this.checks = checks;
		this.currentUser = currentUser;
		this.orderSystem = this.ledger.user(Role.ORDER_SYSTEM);
		this.manager = this.ledger.user(Role.CREDIT_MANAGER);
	}

	/**
	 * A customer with an active line of {@code limit} CNY from {@code from} for a year.
	 */
	String customerWithLine(String limit, LocalDate from) {
		String code = this.ledger.customer();
		line(code, ApplicationType.NEW, limit, from);
		return code;
	}

	void line(String code, ApplicationType type, String amount, LocalDate from) {
		this.currentUser.asSystem(() -> this.lines.applyApproved(new CreditApplicationApproved(++applications, code,
				type, new BigDecimal(amount), "CNY", 60, from, null, "analyst.a", "manager.m")));
	}

	CreditCheck check(String customer, String orderRef, String amount) {
		return asOrderSystem(
				() -> this.checks.check(new CreditCheckRequest(customer, orderRef, new BigDecimal(amount), "CNY")));
	}

	<T> T asOrderSystem(Supplier<T> work) {
		return ActivityFixtures.as(this.orderSystem, Role.ORDER_SYSTEM, work);
	}

	<T> T asManager(Supplier<T> work) {
		return ActivityFixtures.as(this.manager, Role.CREDIT_MANAGER, work);
	}

	static String unique(String prefix) {
		return ActivityFixtures.unique(prefix);
	}

}
