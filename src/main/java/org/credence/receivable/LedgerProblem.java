package org.credence.receivable;

import org.jspecify.annotations.Nullable;

/**
 * Why the ledger refused one row of a bulk write, as a message code for the user's
 * language.
 *
 * @param row the row's number in the file
 * @param field the field at fault, {@code null} when the row as a whole is
 */
public record LedgerProblem(int row, @Nullable String field, String messageCode, Object... arguments) {

}
