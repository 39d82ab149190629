package org.credence.receivable;

import org.jspecify.annotations.Nullable;

/** One customer's row of the portfolio aging. */
public record CustomerAging(String customerCode, String customerName, @Nullable String ownerUsername,
		@Nullable String industry, AgingReport aging) {

}
