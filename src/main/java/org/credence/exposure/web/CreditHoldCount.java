package org.credence.exposure.web;

import org.credence.exposure.CreditHolds;

import org.springframework.stereotype.Component;

/**
 * The count beside 信用冻结 in the navigation ({@code ${@creditHoldCount.pending()}}): held
 * orders waiting for a decision, for those who decide them; zero for everyone else.
 */
@Component("creditHoldCount")
public class CreditHoldCount {

	private final CreditHolds holds;

	CreditHoldCount(CreditHolds holds) {
		this.holds = holds;
	}

	public long pending() {
		return this.holds.countPending();
	}

}
