package org.credence.integration.imports;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an import did: the answer of {@code POST /api/v1/imports/{kind}}.
 *
 * @param rows the non-empty data rows in the file
 * @param accepted the rows written
 * @param rejected the rows not written: the bad rows, or every row when the mode is
 * {@code all} and one was bad, or when the write failed
 * @param errors the problems, row by row in file order (at most
 * {@value FileImports#MAX_LISTED_ERRORS})
 * @param unlistedErrors how many more problems there were
 * @param warnings notes on rows that were imported
 * @param unchanged of the accepted rows, those that changed nothing: a ledger document
 * sent again with the same external id and content (an idempotent re-import)
 */
public record ImportResult(int rows, int accepted, int rejected, List<RowError> errors, int unlistedErrors,
		List<RowWarning> warnings, int unchanged) {

	public ImportResult {
		errors = List.copyOf(errors);
		warnings = List.copyOf(warnings);
	}

	/** A report of an import where every accepted row changed something. */
	public ImportResult(int rows, int accepted, int rejected, List<RowError> errors, int unlistedErrors,
			List<RowWarning> warnings) {
		this(rows, accepted, rejected, errors, unlistedErrors, warnings, 0);
	}

	/**
	 * A problem of one row.
	 *
	 * @param row the row number as Excel shows it (the header is row 1)
	 * @param field the field (column) at fault, {@code null} when the row as a whole is
	 */
	public record RowError(int row, @Nullable String field, String message) {
	}

	/** A note on an imported row. */
	public record RowWarning(int row, String message) {
	}

}
