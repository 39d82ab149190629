package org.credence.limit.policy;

import java.util.List;

/**
 * The credit policy Credence starts with (version 1), in company currency. The
 * recommended limit is a share of the customer's equity (the net-worth method) and, once
 * the customer buys from us, no more than a few months of its average monthly invoiced
 * sales (the sales method), so that a limit follows both the customer's strength and the
 * business we actually do with it. Better grades get a larger share, more months, a
 * higher maximum and longer terms; BB and B need collateral; CCC and below buy on
 * prepayment only. See docs/credit-policy.md for the table and the reasons.
 */
public final class BuiltInPolicy {

	private BuiltInPolicy() {
	}

	/** The rules of the built-in policy, best grade first. */
	public static List<PolicyRule> rules() {
		return List.of(PolicyRule.credit("AAA", "10000000", formula("0.40", "4"), 60, 90, null),
				PolicyRule.credit("AA", "10000000", formula("0.35", "3"), 60, 90, null),
				PolicyRule.credit("A", "5000000", formula("0.30", "3"), 60, 90, null),
				PolicyRule.credit("BBB", "2000000", formula("0.25", "2"), 45, 60, null),
				PolicyRule.credit("BB", "1000000", formula("0.20", "2"), 45, 60, "0.5"),
				PolicyRule.credit("B", "300000", formula("0.10", "1"), 30, 45, "1"), PolicyRule.prepaymentOnly("CCC"),
				PolicyRule.prepaymentOnly("CC"), PolicyRule.prepaymentOnly("C"), PolicyRule.prepaymentOnly("D"));
	}

	/**
	 * A share of equity, and for a customer with sales in the last 12 months no more than
	 * that many months of them.
	 */
	static String formula(String equityShare, String months) {
		return "IF(avgMonthlySales > 0, MIN(equity * " + equityShare + ", avgMonthlySales * " + months + "), equity * "
				+ equityShare + ")";
	}

}
