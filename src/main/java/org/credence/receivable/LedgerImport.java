package org.credence.receivable;

import java.util.List;

/**
 * What a bulk write of ledger documents did.
 *
 * @param rows the rows offered, readable or not
 * @param written the documents recorded
 * @param unchanged the rows that repeat a document on file (same external id, same
 * content), or an earlier row of the same file: nothing to do
 * @param rejected the rows refused, the unreadable ones included
 * @param problems why rows were refused, in row order, at most
 * {@value LedgerImports#MAX_LISTED_PROBLEMS}
 * @param unlistedProblems how many more rows were refused
 * @param customerCodes the customers whose ledger changed
 */
public record LedgerImport(int rows, int written, int unchanged, int rejected, List<LedgerProblem> problems,
		int unlistedProblems, List<String> customerCodes) {

	public LedgerImport {
		problems = List.copyOf(problems);
		customerCodes = List.copyOf(customerCodes);
	}

}
