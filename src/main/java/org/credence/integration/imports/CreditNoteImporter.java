package org.credence.integration.imports;

import java.util.List;
import java.util.Set;

import org.credence.identity.CurrentUser;
import org.credence.receivable.CreditNoteEntry;
import org.credence.receivable.Receivables;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Credit notes from a file, one per row, written through
 * {@link Receivables#recordCreditNote}: applied to the invoice the row names, or else
 * oldest due first; the same checks, audit and events as a credit note sent through the
 * API. A row repeating a credit note on file (same external id, same content) changes
 * nothing; other content under the same external id is refused for that row.
 */
@Component
class CreditNoteImporter extends LedgerRowImporter<CreditNoteEntry> {

	static final String KIND = "credit-notes";

	private static final List<String> FIELDS = List.of("externalId", "customerCode", "number", "amount", "currency",
			"issueDate", "invoiceNumber");

	private static final Set<String> REQUIRED = Set.of("externalId", "customerCode", "number", "amount", "currency",
			"issueDate");

	private final Receivables receivables;

	CreditNoteImporter(Receivables receivables, CurrentUser currentUser, MessageSource messages) {
		super(KIND, FIELDS, REQUIRED, currentUser, messages);
		this.receivables = receivables;
	}

	@Override
	public CreditNoteEntry read(ImportRow row) {
		return new CreditNoteEntry(row.text("externalId"), row.text("customerCode"), row.text("number"),
				row.decimal("amount"), row.text("currency"), row.date("issueDate"), row.text("invoiceNumber"));
	}

	@Override
	boolean record(CreditNoteEntry item) {
		return this.receivables.recordCreditNote(item).created();
	}

}
