package org.credence.integration.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * Which column of a file holds which field: the header matched against an importer's
 * columns. A header with an unknown or repeated column, or without a required one, is
 * refused as a whole, naming every such column at once.
 */
public final class ColumnMapping {

	/** The field of each column of the file, {@code null} for a column without a name. */
	private final List<@Nullable String> fields;

	private ColumnMapping(List<@Nullable String> fields) {
		this.fields = fields;
	}

	/**
	 * Matches a header row.
	 * @throws InvalidInputException (on the field {@code file}) naming each unknown,
	 * duplicate or missing column
	 */
	public static ColumnMapping match(List<String> header, List<ImportColumn> columns) {
		List<FieldProblem> problems = new ArrayList<>();
		List<@Nullable String> fields = new ArrayList<>();
		Map<String, String> seen = new HashMap<>();
		for (String name : header) {
			if (name.isBlank()) {
				fields.add(null);
				continue;
			}
			ImportColumn column = columns.stream().filter(c -> c.matches(name)).findFirst().orElse(null);
			if (column == null) {
				problems.add(new FieldProblem("file", "integration.import.column.unknown", name));
				fields.add(null);
			}
			else if (seen.containsKey(column.field())) {
				problems.add(new FieldProblem("file", "integration.import.column.duplicate", name,
						seen.get(column.field())));
				fields.add(null);
			}
			else {
				seen.put(column.field(), name);
				fields.add(column.field());
			}
		}
		for (ImportColumn column : columns) {
			if (column.required() && !seen.containsKey(column.field())) {
				problems.add(new FieldProblem("file", "integration.import.column.missing", column.field()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new ColumnMapping(fields);
	}

	/**
	 * A data row by field. A value in a column without a header is a problem of the row.
	 */
	public ImportRow row(Table.TableRow row) {
		Map<String, String> values = new LinkedHashMap<>();
		List<Integer> stray = new ArrayList<>();
		for (int i = 0; i < row.cells().size(); i++) {
			String value = row.cell(i);
			if (value.isEmpty()) {
				continue;
			}
			String field = i < this.fields.size() ? this.fields.get(i) : null;
			if (field == null) {
				stray.add(i + 1);
			}
			else {
				values.put(field, value);
			}
		}
		ImportRow importRow = new ImportRow(row.number(), values);
		for (int column : stray) {
			importRow.reject(null, "integration.import.value.no-column", columnLetter(column));
		}
		return importRow;
	}

	/** Excel's letter for a 1-based column number: 1 is A, 27 is AA. */
	static String columnLetter(int column) {
		StringBuilder letters = new StringBuilder();
		for (int n = column; n > 0; n = (n - 1) / 26) {
			letters.insert(0, (char) ('A' + (n - 1) % 26));
		}
		return letters.toString();
	}

}
