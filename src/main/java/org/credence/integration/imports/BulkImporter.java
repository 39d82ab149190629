package org.credence.integration.imports;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;

/**
 * An importer for files too large to write row by row (a million invoices): instead of
 * {@link #write} per item, the owning module takes the whole stream of rows in one
 * transaction and checks and writes them set-based. {@link FileImports} reads and parses
 * the file as it streams in and hands each row on, so the file's rows are never held. The
 * owning module does every check beyond parsing, keys repeated within the file included,
 * so {@link #problems} and {@link #key} find nothing here.
 *
 * @param <T> what a row becomes
 */
public interface BulkImporter<T> extends Importer<T> {

	/**
	 * Writes the rows in one transaction: all of them or, in {@link ImportMode#PARTIAL},
	 * the good ones.
	 * @param rows pushes the file's rows, in order, to the receiver it is given; a row
	 * without item could not be read
	 * @param fileSha256 the file's SHA-256, hex, for the audit trail
	 * @param progress told how many rows were handed on so far, now and then
	 */
	Written writeAll(Consumer<Consumer<Read<T>>> rows, ImportMode mode, String fileSha256, IntConsumer progress);

	@Override
	default List<ImportWarning> write(T item) {
		throw new UnsupportedOperationException("Written in bulk");
	}

	@Override
	default List<org.credence.shared.InvalidInputException.FieldProblem> problems(T item) {
		return List.of();
	}

	@Override
	default @Nullable String key(T item) {
		return null;
	}

	/**
	 * A row of the file as read.
	 *
	 * @param row its number as Excel shows it
	 * @param item what it describes, {@code null} when a value could not be read
	 */
	record Read<T>(int row, @Nullable T item) {
	}

	/**
	 * What the bulk write did.
	 *
	 * @param written the rows written
	 * @param unchanged the rows that were on file already as they are
	 * @param rejected the rows not written
	 * @param problems the first problems, in row order
	 * @param unlistedProblems how many more there were
	 */
	record Written(int written, int unchanged, int rejected, List<ImportProblem> problems, int unlistedProblems) {

		public Written {
			problems = List.copyOf(problems);
		}

	}

}
