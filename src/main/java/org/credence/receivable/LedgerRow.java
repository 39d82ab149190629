package org.credence.receivable;

import org.jspecify.annotations.Nullable;

/**
 * One row of a file of ledger documents on its way into a bulk write.
 *
 * @param row the row's number as the user sees it in the file
 * @param entry what the row describes, or {@code null} when the caller could not read it
 * (and reported why): such a row counts as rejected, so an all-or-nothing import writes
 * nothing
 */
public record LedgerRow<T>(int row, @Nullable T entry) {

}
