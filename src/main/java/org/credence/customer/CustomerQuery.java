package org.credence.customer;

import org.jspecify.annotations.Nullable;

/**
 * Filters and order for the customer list; every filter may be absent. {@code q} matches
 * code, name, short name or USCC. The caller's data scope applies on top.
 *
 * @param sort one of code, name, status, industry, region, owner, grade, updated
 * @param descending whether to sort descending
 */
public record CustomerQuery(@Nullable String q, @Nullable CustomerStatus status, @Nullable Industry industry,
		@Nullable String region, @Nullable String ownerUsername, @Nullable Boolean blacklisted, @Nullable String grade,
		@Nullable String riskClass, @Nullable String groupCode, @Nullable String sort, boolean descending) {

	public static CustomerQuery all() {
		return new CustomerQuery(null, null, null, null, null, null, null, null, null, null, false);
	}

}
