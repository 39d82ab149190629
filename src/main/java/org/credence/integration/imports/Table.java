package org.credence.integration.imports;

import java.util.List;

/**
 * A file read as text: its header row and its non-empty data rows, numbered as the user
 * sees them in Excel (the header is usually row 1).
 *
 * @param header the header cells, trimmed
 * @param headerRow the header's row number
 * @param rows the data rows that have at least one non-blank cell
 */
public record Table(List<String> header, int headerRow, List<TableRow> rows) {

	public Table {
		header = List.copyOf(header);
		rows = List.copyOf(rows);
	}

	/**
	 * One data row: its number in the file and its cells, trimmed ({@code ""} when
	 * blank).
	 */
	public record TableRow(int number, List<String> cells) {

		public TableRow {
			cells = List.copyOf(cells);
		}

		/** The cell in a column (0-based), {@code ""} beyond the row's end. */
		public String cell(int column) {
			return column < this.cells.size() ? this.cells.get(column) : "";
		}

	}

}
