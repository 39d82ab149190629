package org.credence.integration.imports;

import org.jspecify.annotations.Nullable;

/**
 * What is wrong with one row of a file, as a message code for the user's language.
 *
 * @param row the row number as Excel shows it
 * @param field the field (column) at fault, {@code null} when the row as a whole is
 */
public record ImportProblem(int row, @Nullable String field, String messageCode, Object... arguments) {
}
