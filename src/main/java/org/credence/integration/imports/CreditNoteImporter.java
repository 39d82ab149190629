package org.credence.integration.imports;

import java.util.List;
import java.util.Set;

import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.receivable.CreditNoteEntry;
import org.credence.receivable.Receivables;
import org.jspecify.annotations.Nullable;

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
class CreditNoteImporter implements Importer<CreditNoteEntry> {

	static final String KIND = "credit-notes";

	private static final List<String> FIELDS = List.of("externalId", "customerCode", "number", "amount", "currency",
			"issueDate", "invoiceNumber");

	private static final Set<String> REQUIRED = Set.of("externalId", "customerCode", "number", "amount", "currency",
			"issueDate");

	private final Receivables receivables;

	private final CurrentUser currentUser;

	private final List<ImportColumn> columns;

	CreditNoteImporter(Receivables receivables, CurrentUser currentUser, MessageSource messages) {
		this.receivables = receivables;
		this.currentUser = currentUser;
		this.columns = LedgerColumns.of(messages, KIND, FIELDS, REQUIRED);
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public List<ImportColumn> columns() {
		return this.columns;
	}

	@Override
	public int maxRows() {
		return 1_000_000;
	}

	@Override
	public void authorise() {
		this.currentUser.require(Permission.RECEIVABLE_WRITE);
	}

	@Override
	public CreditNoteEntry read(ImportRow row) {
		return new CreditNoteEntry(row.text("externalId"), row.text("customerCode"), row.text("number"),
				row.decimal("amount"), row.text("currency"), row.date("issueDate"), row.text("invoiceNumber"));
	}

	/** The receivable module checks every field when the row is written. */
	@Override
	public List<org.credence.shared.InvalidInputException.FieldProblem> problems(CreditNoteEntry item) {
		return List.of();
	}

	/**
	 * None: a row repeating another's external id is for the receivable module to judge
	 * (the same content changes nothing, other content is a conflict).
	 */
	@Override
	public @Nullable String key(CreditNoteEntry item) {
		return null;
	}

	@Override
	public String keyField() {
		return "externalId";
	}

	@Override
	public List<ImportWarning> write(CreditNoteEntry item) {
		return store(item).warnings();
	}

	@Override
	public Stored store(CreditNoteEntry item) {
		return new Stored(this.receivables.recordCreditNote(item).created(), List.of());
	}

	@Override
	public @Nullable String column(@Nullable String field, String messageCode) {
		return LedgerColumns.column(field, messageCode);
	}

}
