package org.credence.integration.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.credence.shared.CredenceException;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports files of every kind an {@link Importer} exists for. First every row is read and
 * checked (values that do not parse, the owning module's field rules, keys repeated
 * within the file); then the good rows are written in one transaction, in file order.
 * With {@link ImportMode#ALL} one bad row means nothing is written. When a write fails
 * all the same (a database constraint, a change made meanwhile) the whole import is
 * rolled back and the failing row reported: a file is never half imported. Messages are
 * in the caller's language.
 */
@Service
public class FileImports {

	/** The most problems an import lists; more are only counted. */
	public static final int MAX_LISTED_ERRORS = 1000;

	private static final Logger log = LoggerFactory.getLogger(FileImports.class);

	private final Map<String, Importer<?>> importers;

	private final Map<String, FileImporter> fileImporters;

	private final TransactionTemplate transaction;

	private final MessageSource messages;

	FileImports(List<Importer<?>> importers, List<FileImporter> fileImporters,
			PlatformTransactionManager transactionManager, MessageSource messages) {
		this.importers = importers.stream()
			.sorted(Comparator.comparing(Importer::kind))
			.collect(Collectors.toMap(Importer::kind, i -> i, (a, b) -> {
				throw new IllegalStateException("Two importers for " + a.kind());
			}, LinkedHashMap::new));
		this.fileImporters = fileImporters.stream().collect(Collectors.toMap(FileImporter::kind, i -> i, (a, b) -> {
			throw new IllegalStateException("Two importers for " + a.kind());
		}, LinkedHashMap::new));
		this.importers.keySet().stream().filter(this.fileImporters::containsKey).findAny().ifPresent(kind -> {
			throw new IllegalStateException("Two importers for " + kind);
		});
		this.transaction = new TransactionTemplate(transactionManager);
		this.messages = messages;
	}

	/** The kinds of tabular files that can be imported, each with a template. */
	public Set<String> kinds() {
		return this.importers.keySet();
	}

	/** Whether files of a kind can be imported, tabular or not. */
	public boolean imports(String kind) {
		return this.importers.containsKey(kind) || this.fileImporters.containsKey(kind);
	}

	/**
	 * The importer of a kind.
	 * @throws NotFoundException when no importer exists for it
	 */
	public Importer<?> importer(String kind) {
		Importer<?> importer = this.importers.get(kind);
		if (importer == null) {
			throw new NotFoundException("integration.import.kind.unknown", kind);
		}
		return importer;
	}

	/**
	 * Imports a file.
	 * @param content the file: CSV (UTF-8 or GBK) or XLSX
	 * @return what was imported and what was refused, row by row
	 * @throws NotFoundException when the kind is unknown
	 * @throws InvalidInputException (on the field {@code file}) when the file cannot be
	 * read, its header is wrong, or it has too many rows
	 * @throws AccessDeniedException when the user may not import this kind
	 */
	public ImportResult importFile(String kind, byte[] content, ImportMode mode) {
		FileImporter fileImporter = this.fileImporters.get(kind);
		if (fileImporter != null) {
			fileImporter.authorise();
			return fileImporter.importFile(content, mode);
		}
		return run(importer(kind), content, mode);
	}

	/**
	 * The XLSX template of a kind: a header row of field names (or of labels in the
	 * caller's language) and a sheet of instructions.
	 */
	public byte[] template(String kind, boolean labelsAsHeader) {
		Importer<?> importer = importer(kind);
		importer.authorise();
		return ImportTemplate.of(importer, this.messages, LocaleContextHolder.getLocale(), labelsAsHeader);
	}

	private <T> ImportResult run(Importer<T> importer, byte[] content, ImportMode mode) {
		importer.authorise();
		Table table = TableReader.read(content, importer.maxRows());
		ColumnMapping columns = ColumnMapping.match(table.header(), importer.columns());
		List<ImportProblem> problems = new ArrayList<>();
		List<Candidate<T>> good = new ArrayList<>();
		Map<String, Integer> keys = new HashMap<>();
		for (Table.TableRow tableRow : table.rows()) {
			ImportRow row = columns.row(tableRow);
			T item = importer.read(row);
			List<ImportProblem> rowProblems = new ArrayList<>(row.problems());
			Set<String> unreadable = rowProblems.stream()
				.map(ImportProblem::field)
				.filter(f -> f != null)
				.collect(Collectors.toCollection(TreeSet::new));
			for (FieldProblem problem : importer.problems(item)) {
				// a value that did not parse is null in the item: its rule would only
				// repeat that
				if (!unreadable.contains(problem.field())) {
					rowProblems.add(new ImportProblem(row.number(), problem.field(), problem.messageCode(),
							problem.arguments()));
				}
			}
			String key = importer.key(item);
			if (key != null) {
				Integer first = keys.putIfAbsent(key, row.number());
				if (first != null) {
					rowProblems.add(new ImportProblem(row.number(), importer.keyField(),
							"integration.import.value.repeated", key, String.valueOf(first)));
				}
			}
			if (rowProblems.isEmpty()) {
				good.add(new Candidate<>(row.number(), item));
			}
			problems.addAll(rowProblems);
		}
		int rows = table.rows().size();
		int badRows = (int) problems.stream().map(ImportProblem::row).distinct().count();
		if (good.isEmpty() || (mode == ImportMode.ALL && badRows > 0)) {
			return result(rows, 0, problems, List.of());
		}
		List<Warned> warnings = new ArrayList<>();
		try {
			this.transaction.executeWithoutResult(status -> {
				for (Candidate<T> candidate : good) {
					try {
						importer.write(candidate.item())
							.forEach(warning -> warnings.add(new Warned(candidate.row(), warning)));
					}
					catch (RuntimeException ex) {
						throw new WriteFailure(candidate.row(), ex);
					}
				}
			});
		}
		catch (WriteFailure failure) {
			if (failure.getCause() instanceof AccessDeniedException denied) {
				throw denied;
			}
			List<ImportProblem> all = new ArrayList<>(problems);
			all.addAll(failure.problems());
			all.sort(Comparator.comparingInt(ImportProblem::row));
			return result(rows, 0, all, List.of());
		}
		return result(rows, good.size(), problems, warnings);
	}

	private ImportResult result(int rows, int accepted, List<ImportProblem> problems, List<Warned> warnings) {
		Locale locale = LocaleContextHolder.getLocale();
		List<ImportResult.RowError> errors = problems.stream()
			.limit(MAX_LISTED_ERRORS)
			.map(p -> new ImportResult.RowError(p.row(), p.field(), message(p.messageCode(), p.arguments(), locale)))
			.toList();
		List<ImportResult.RowWarning> notes = warnings.stream()
			.map(w -> new ImportResult.RowWarning(w.row(),
					message(w.warning().messageCode(), w.warning().arguments(), locale)))
			.toList();
		return new ImportResult(rows, accepted, rows - accepted, errors, problems.size() - errors.size(), notes);
	}

	private String message(String code, Object[] arguments, Locale locale) {
		return this.messages.getMessage(code, arguments, code, locale);
	}

	private record Candidate<T>(int row, T item) {
	}

	private record Warned(int row, ImportWarning warning) {
	}

	/** A row's write failed: the transaction rolls back, the row is reported. */
	private static final class WriteFailure extends RuntimeException {

		private final int row;

		WriteFailure(int row, RuntimeException cause) {
			super("Import failed at row " + row, cause);
			this.row = row;
		}

		List<ImportProblem> problems() {
			Throwable cause = getCause();
			if (cause instanceof InvalidInputException invalid) {
				return invalid.problems()
					.stream()
					.map(p -> new ImportProblem(this.row, p.field(), p.messageCode(), p.arguments()))
					.toList();
			}
			if (cause instanceof CredenceException refusal) {
				return List.of(new ImportProblem(this.row, null, refusal.messageCode(), refusal.arguments()));
			}
			log.warn("Import rolled back: writing row {} failed", this.row, cause);
			String reason = cause instanceof DataAccessException data ? rootMessage(data) : "";
			return List.of(new ImportProblem(this.row, null, "integration.import.write-failed", reason));
		}

		private static String rootMessage(@Nullable Throwable ex) {
			Throwable root = ex;
			while (root != null && root.getCause() != null && root.getCause() != root) {
				root = root.getCause();
			}
			String message = root == null || root.getMessage() == null ? "" : root.getMessage();
			int newline = message.indexOf('\n');
			return newline > 0 ? message.substring(0, newline) : message;
		}

	}

}
