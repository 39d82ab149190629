package org.credence.limit.line;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.credence.customer.CustomerDetails;
import org.credence.customer.CustomerFixtures;
import org.credence.customer.CustomerDraft;
import org.credence.customer.CustomerStatus;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.limit.ApplicationType;
import org.credence.limit.CreditApplicationApproved;
import org.credence.limit.CreditLine;
import org.credence.limit.CreditLines;
import org.jspecify.annotations.Nullable;

/** Customers and approved applications for the credit line tests. */
final class LineFixtures {

	private static long applications = 9_000_000;

	private LineFixtures() {
	}

	static String customer(Customers customers, CurrentUser currentUser, @Nullable String owner) {
		CustomerDetails customer = CustomerFixtures.customer(customers, currentUser, "授信测试有限公司", owner);
		return customer.code();
	}

	static String groupMember(Customers customers, CurrentUser currentUser, String groupCode, @Nullable String owner) {
		CustomerDraft draft = new CustomerDraft(CustomerFixtures.uniqueCode("G"), "集团成员有限公司", null,
				CustomerFixtures.uniqueUscc(), "CN", "上海", "C", null, null, null, null, null, groupCode, "测试集团", owner,
				null, CustomerStatus.ACTIVE, null);
		return currentUser.asSystem(() -> customers.register(draft).customer()).code();
	}

	static CreditApplicationApproved approved(String code, ApplicationType type, String amount, int terms,
			String effectiveFrom, @Nullable String validTo) {
		return new CreditApplicationApproved(++applications, code, type, new BigDecimal(amount), "CNY", terms,
				LocalDate.parse(effectiveFrom), validTo == null ? null : LocalDate.parse(validTo), "analyst.a",
				"manager.m");
	}

	static CreditLine apply(CreditLines lines, CurrentUser currentUser, String code, ApplicationType type,
			String amount, int terms, String effectiveFrom, @Nullable String validTo) {
		return currentUser
			.asSystem(() -> lines.applyApproved(approved(code, type, amount, terms, effectiveFrom, validTo)));
	}

}
