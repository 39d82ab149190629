package org.credence.integration.imports;

import java.util.List;
import java.util.Locale;

import org.credence.shared.InvalidInputException.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * How one kind of data ({@code customers}, later {@code invoices}, {@code payments} …) is
 * imported: the columns of its files, how a row becomes an item for the owning module,
 * how an item is checked and written. {@link FileImports} does the rest: reading the
 * file, matching the header, collecting problems, the one transaction, the report. An
 * importer is a Spring bean; adding one makes its kind importable through the API, the
 * page and the template.
 *
 * @param <T> what a row becomes, typically the owning module's draft record
 */
public interface Importer<T> {

	/** The kind as the URL names it, for instance {@code customers}. */
	String kind();

	/** The columns a file may have, in template order. */
	List<ImportColumn> columns();

	/** The most data rows a file may have. */
	default int maxRows() {
		return 100_000;
	}

	/**
	 * Refuses unless the current user may import this kind.
	 * @throws org.springframework.security.access.AccessDeniedException when not
	 */
	void authorise();

	/**
	 * The item a row describes. Values that do not parse are recorded on the row (its
	 * typed readers do so) and left {@code null} in the item.
	 */
	T read(ImportRow row);

	/**
	 * What the owning module would refuse in this item, field by field, without writing
	 * it.
	 */
	List<FieldProblem> problems(T item);

	/**
	 * The key that must not repeat within one file (a customer code, an invoice number),
	 * {@code null} when the item has none.
	 */
	@Nullable String key(T item);

	/** The field the {@linkplain #key(Object) key} comes from. */
	String keyField();

	/**
	 * Writes one item through the owning module's API, inside the import's transaction.
	 * An exception rolls the whole import back.
	 * @return what the user should know about the written item
	 */
	List<ImportWarning> write(T item);

	/**
	 * Writes one item as {@link #write} does, and says whether that changed anything: a
	 * document sent again with the same external id and content changes nothing.
	 */
	default Stored store(T item) {
		return new Stored(true, write(item));
	}

	/**
	 * The column a refusal of the owning module concerns: a refusal names no field (an
	 * unknown customer, a conflicting external id), but the report should name the
	 * column; and a field of the owning module's body may be a column of another name.
	 * @param field the field the refusal names, {@code null} when none
	 * @param messageCode the refusal's message code
	 */
	default @Nullable String column(@Nullable String field, String messageCode) {
		return field;
	}

	/**
	 * What writing an item did.
	 *
	 * @param changed whether anything was written
	 * @param warnings what the user should know about it
	 */
	record Stored(boolean changed, List<ImportWarning> warnings) {

		public Stored {
			warnings = List.copyOf(warnings);
		}

	}

	/**
	 * The values a column accepts, for the template's instructions (industry sections,
	 * statuses …); empty when the column's hint says enough.
	 */
	default List<String> allowedValues(String field, Locale locale) {
		return List.of();
	}

}
