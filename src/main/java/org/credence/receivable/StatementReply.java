package org.credence.receivable;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The customer's answer to an issued statement, as finance records it: CONFIRMED, or
 * DISPUTED with the numbers of the lines the customer disagrees with and a note.
 *
 * @param status {@code CONFIRMED} or {@code DISPUTED}
 * @param disputedLines the lines disputed (only with DISPUTED), by the number printed on
 * the statement
 * @param note what the customer said; required for a dispute
 */
public record StatementReply(IssuedStatement.@Nullable Status status, @Nullable List<DisputedLine> disputedLines,
		@Nullable String note) {

	/** A disputed line and, optionally, why. */
	public record DisputedLine(@Nullable Integer line, @Nullable String comment) {
	}

}
