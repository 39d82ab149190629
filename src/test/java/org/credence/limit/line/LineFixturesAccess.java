package org.credence.limit.line;

import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;

/** The credit line fixtures for the web tests in another package. */
public final class LineFixturesAccess {

	private LineFixturesAccess() {
	}

	public static String groupMember(Customers customers, CurrentUser currentUser, String groupCode) {
		return LineFixtures.groupMember(customers, currentUser, groupCode, null);
	}

}
