package org.credence.exposure.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.credence.SecurityContexts;
import org.credence.customer.CustomerFixtures;
import org.credence.customer.Customers;
import org.credence.exposure.CreditCheck;
import org.credence.exposure.CreditCheckRequest;
import org.credence.exposure.CreditChecks;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.limit.ApplicationType;
import org.credence.limit.CreditApplicationApproved;
import org.credence.limit.CreditLines;
import org.jspecify.annotations.Nullable;

/**
 * Data for the exposure pages' tests, built through the modules' APIs: a credit line as
 * an approved application grants it, and credit checks asked by the order system.
 */
public final class ExposurePageFixtures {

	private static final AtomicLong APPLICATIONS = new AtomicLong(8_800_000);

	private ExposurePageFixtures() {
	}

	/**
	 * A customer (unrated) owned by {@code owner}, with a line of {@code limit} CNY from
	 * today.
	 */
	public static String customerWithLine(Customers customers, CreditLines lines, CurrentUser currentUser, Clock clock,
			@Nullable String owner, String limit) {
		String code = CustomerFixtures.customer(customers, currentUser, "敞口页面测试有限公司", owner).code();
		grantLine(lines, currentUser, clock, code, limit);
		return code;
	}

	/** Grants the customer a line of {@code limit} CNY for 60 days' terms from today. */
	public static void grantLine(CreditLines lines, CurrentUser currentUser, Clock clock, String code, String limit) {
		currentUser.asSystem(() -> lines.applyApproved(new CreditApplicationApproved(APPLICATIONS.incrementAndGet(),
				code, ApplicationType.NEW, new BigDecimal(limit), "CNY", 60, LocalDate.now(clock), null,
				"fixture-analyst", "fixture-manager")));
	}

	/** The order system checks an order of {@code amount} CNY. */
	public static CreditCheck check(CreditChecks checks, String code, String orderRef, String amount) {
		CreditCheck[] result = new CreditCheck[1];
		SecurityContexts.runAs("order-system", List.of(Role.ORDER_SYSTEM),
				() -> result[0] = checks.check(new CreditCheckRequest(code, orderRef, new BigDecimal(amount), "CNY")));
		return result[0];
	}

	/** A reference no other test uses. */
	public static String orderRef() {
		return CustomerFixtures.uniqueCode("SO");
	}

}
