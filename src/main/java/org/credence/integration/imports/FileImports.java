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
import org.springframework.transaction.TransactionDefinition;
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

	private final TransactionTemplate rowTransaction;

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
		this.rowTransaction = new TransactionTemplate(transactionManager);
		this.rowTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
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
		return importFile(kind, content, mode, Progress.NONE);
	}

	/**
	 * Imports a file as {@link #importFile(String, byte[], ImportMode)} does, telling
	 * {@code progress} how far it is.
	 */
	public ImportResult importFile(String kind, byte[] content, ImportMode mode, Progress progress) {
		FileImporter fileImporter = this.fileImporters.get(kind);
		if (fileImporter != null) {
			fileImporter.authorise();
			return fileImporter.importFile(content, mode);
		}
		Importer<?> importer = importer(kind);
		if (importer instanceof BulkImporter<?> bulk) {
			return runBulk(bulk, content, mode, progress);
		}
		return run(importer, content, mode, progress);
	}

	/**
	 * Refuses unless the current user may import a kind.
	 * @throws NotFoundException when the kind is unknown
	 */
	public void authorise(String kind) {
		FileImporter fileImporter = this.fileImporters.get(kind);
		if (fileImporter != null) {
			fileImporter.authorise();
		}
		else {
			importer(kind).authorise();
		}
	}

	/**
	 * Checks that a file can be read and that its header has the columns of its kind,
	 * without reading further; a kind whose files are not tables is not checked.
	 * @throws InvalidInputException (on the field {@code file}) when not
	 */
	public void checkHeader(String kind, byte[] content) {
		if (this.fileImporters.containsKey(kind)) {
			return;
		}
		ColumnMapping.match(TableReader.header(content).cells(), importer(kind).columns());
	}

	/**
	 * The data rows of a file of a tabular kind, {@code null} for a kind whose files are
	 * not tables.
	 * @throws InvalidInputException (on the field {@code file}) when the file cannot be
	 * read or has too many rows
	 */
	public @Nullable Integer countRows(String kind, byte[] content) {
		if (this.fileImporters.containsKey(kind)) {
			return null;
		}
		return TableReader.count(content, importer(kind).maxRows());
	}

	/** How far an import is, for a file imported in the background. */
	public interface Progress {

		/** Tells nothing to anyone. */
		Progress NONE = rows -> {
		};

		/** How many of the file's rows were read and checked so far. */
		void rowsDone(int rows);

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

	private <T> ImportResult runBulk(BulkImporter<T> importer, byte[] content, ImportMode mode, Progress progress) {
		importer.authorise();
		ColumnMapping columns = ColumnMapping.match(TableReader.header(content).cells(), importer.columns());
		List<ImportProblem> readProblems = new ArrayList<>();
		int[] counts = new int[2];
		BulkImporter.Written written = importer.writeAll(receiver -> {
			TableReader.stream(content, importer.maxRows(), tableRow -> {
				ImportRow row = columns.row(tableRow);
				T item = importer.read(row);
				counts[0]++;
				if (row.problems().isEmpty()) {
					receiver.accept(new BulkImporter.Read<>(row.number(), item));
				}
				else {
					counts[1] += row.problems().size();
					for (ImportProblem problem : row.problems()) {
						if (readProblems.size() < MAX_LISTED_ERRORS) {
							readProblems.add(problem);
						}
					}
					receiver.accept(new BulkImporter.Read<>(row.number(), null));
				}
			});
		}, mode, sha256(content), progress::rowsDone);
		List<ImportProblem> problems = new ArrayList<>(readProblems);
		problems.addAll(written.problems());
		problems.sort(Comparator.comparingInt(ImportProblem::row));
		int unlisted = counts[1] - readProblems.size() + written.unlistedProblems();
		int rows = counts[0];
		ImportResult result = result(rows, rows - written.rejected(), problems, List.of(), written.unchanged());
		int overflow = Math.max(0, problems.size() - MAX_LISTED_ERRORS);
		return new ImportResult(result.rows(), result.accepted(), result.rejected(), result.errors(),
				unlisted + overflow, result.warnings(), result.unchanged());
	}

	static String sha256(byte[] content) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private <T> ImportResult run(Importer<T> importer, byte[] content, ImportMode mode, Progress progress) {
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
			return result(rows, 0, problems, List.of(), 0);
		}
		List<Warned> warnings = new ArrayList<>();
		List<ImportProblem> refusals = new ArrayList<>();
		int[] unchanged = { 0 };
		try {
			this.transaction.executeWithoutResult(status -> {
				int done = 0;
				for (Candidate<T> candidate : good) {
					try {
						// a savepoint per row: a row the owning module refuses is undone
						// alone and reported, the rest goes on
						Importer.Stored stored = this.rowTransaction.execute(row -> importer.store(candidate.item()));
						if (stored != null && !stored.changed()) {
							unchanged[0]++;
						}
						if (stored != null) {
							stored.warnings().forEach(warning -> warnings.add(new Warned(candidate.row(), warning)));
						}
					}
					catch (CredenceException refusal) {
						if (refusal instanceof InvalidInputException invalid) {
							invalid.problems()
								.forEach(p -> refusals.add(new ImportProblem(candidate.row(),
										importer.column(p.field(), p.messageCode()), p.messageCode(), p.arguments())));
						}
						else {
							refusals
								.add(new ImportProblem(candidate.row(), importer.column(null, refusal.messageCode()),
										refusal.messageCode(), refusal.arguments()));
						}
					}
					catch (RuntimeException ex) {
						throw new WriteFailure(candidate.row(), ex);
					}
					if (++done % 1000 == 0) {
						progress.rowsDone(done);
					}
				}
				if (mode == ImportMode.ALL && !refusals.isEmpty()) {
					status.setRollbackOnly();
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
			return result(rows, 0, all, List.of(), 0);
		}
		List<ImportProblem> all = new ArrayList<>(problems);
		all.addAll(refusals);
		all.sort(Comparator.comparingInt(ImportProblem::row));
		if (mode == ImportMode.ALL && !refusals.isEmpty()) {
			return result(rows, 0, all, List.of(), 0);
		}
		Set<Integer> refused = refusals.stream().map(ImportProblem::row).collect(Collectors.toSet());
		return result(rows, good.size() - refused.size(), all,
				warnings.stream().filter(w -> !refused.contains(w.row())).toList(), unchanged[0]);
	}

	private ImportResult result(int rows, int accepted, List<ImportProblem> problems, List<Warned> warnings,
			int unchanged) {
		Locale locale = LocaleContextHolder.getLocale();
		List<ImportResult.RowError> errors = problems.stream()
			.limit(MAX_LISTED_ERRORS)
			.map(p -> new ImportResult.RowError(p.row(), p.field(), message(p.messageCode(), p.arguments(), locale)))
			.toList();
		List<ImportResult.RowWarning> notes = warnings.stream()
			.map(w -> new ImportResult.RowWarning(w.row(),
					message(w.warning().messageCode(), w.warning().arguments(), locale)))
			.toList();
		return new ImportResult(rows, accepted, rows - accepted, errors, problems.size() - errors.size(), notes,
				unchanged);
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
