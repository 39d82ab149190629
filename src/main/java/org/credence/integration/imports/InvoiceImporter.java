package org.credence.integration.imports;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.receivable.InvoiceEntry;
import org.credence.receivable.LedgerImport;
import org.credence.receivable.LedgerImports;
import org.credence.receivable.LedgerRow;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Invoices from a file, up to a million rows, written in bulk through
 * {@link LedgerImports#importInvoices}: the rows stream from the file into the receivable
 * module, which checks them set-based with the rules of a single invoice and records the
 * good ones in one transaction. A row repeating an invoice on file (same external id,
 * same content) changes nothing; other content under the same external id is refused for
 * that row, never overwritten.
 */
@Component
class InvoiceImporter implements BulkImporter<InvoiceEntry> {

	static final String KIND = "invoices";

	private static final List<String> FIELDS = List.of("externalId", "customerCode", "number", "amount", "currency",
			"issueDate", "dueDate", "orderNumber");

	private static final Set<String> REQUIRED = Set.of("externalId", "customerCode", "number", "amount", "currency",
			"issueDate", "dueDate");

	private final LedgerImports ledger;

	private final CurrentUser currentUser;

	private final List<ImportColumn> columns;

	InvoiceImporter(LedgerImports ledger, CurrentUser currentUser, MessageSource messages) {
		this.ledger = ledger;
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
	public InvoiceEntry read(ImportRow row) {
		return new InvoiceEntry(row.text("externalId"), row.text("customerCode"), row.text("number"),
				row.decimal("amount"), row.text("currency"), row.date("issueDate"), row.date("dueDate"),
				row.text("orderNumber"));
	}

	@Override
	public String keyField() {
		return "externalId";
	}

	@Override
	public Written writeAll(Consumer<Consumer<Read<InvoiceEntry>>> rows, ImportMode mode, String fileSha256,
			IntConsumer progress) {
		LedgerImport done = this.ledger.importInvoices(
				receiver -> rows.accept(read -> receiver.accept(new LedgerRow<>(read.row(), read.item()))),
				mode == ImportMode.ALL, fileSha256, progress);
		return new Written(done.written(), done.unchanged(), done.rejected(),
				done.problems()
					.stream()
					.map(p -> new ImportProblem(p.row(), LedgerColumns.column(p.field(), p.messageCode()),
							p.messageCode(), p.arguments()))
					.toList(),
				done.unlistedProblems());
	}

}
