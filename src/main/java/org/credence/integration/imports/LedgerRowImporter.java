package org.credence.integration.imports;

import java.util.List;
import java.util.Set;

import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;

/**
 * What the importers of ledger documents written one row at a time (orders, payments,
 * credit notes) share: finance imports them, up to a million rows, and the receivable
 * module judges every row when it is written — its field rules, and a repeated external
 * id (the same content changes nothing, other content is refused for that row). A
 * subclass says how a row becomes its entry and how the entry is recorded.
 *
 * @param <T> the receivable module's entry of the document
 */
abstract class LedgerRowImporter<T> implements Importer<T> {

	private final String kind;

	private final CurrentUser currentUser;

	private final List<ImportColumn> columns;

	LedgerRowImporter(String kind, List<String> fields, Set<String> required, CurrentUser currentUser,
			MessageSource messages) {
		this.kind = kind;
		this.currentUser = currentUser;
		this.columns = LedgerColumns.of(messages, kind, fields, required);
	}

	/** Records the entry through the receivable module; whether it changed the ledger. */
	abstract boolean record(T item);

	@Override
	public final String kind() {
		return this.kind;
	}

	@Override
	public final List<ImportColumn> columns() {
		return this.columns;
	}

	@Override
	public final int maxRows() {
		return 1_000_000;
	}

	@Override
	public final void authorise() {
		this.currentUser.require(Permission.RECEIVABLE_WRITE);
	}

	/** The receivable module checks every field when the row is written. */
	@Override
	public final List<FieldProblem> problems(T item) {
		return List.of();
	}

	/**
	 * None: a row repeating another's external id is for the receivable module to judge
	 * (the same content changes nothing, other content is a conflict).
	 */
	@Override
	public final @Nullable String key(T item) {
		return null;
	}

	@Override
	public final String keyField() {
		return "externalId";
	}

	@Override
	public final List<ImportWarning> write(T item) {
		return store(item).warnings();
	}

	@Override
	public final Stored store(T item) {
		return new Stored(record(item), List.of());
	}

	@Override
	public final @Nullable String column(@Nullable String field, String messageCode) {
		return LedgerColumns.column(field, messageCode);
	}

}
