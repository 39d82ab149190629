package org.credence.integration.imports;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One data row of an import file, by field, with typed readers for its values. A value
 * that does not parse is recorded as a {@linkplain #problems() problem} of the row and
 * read as {@code null}, so an importer reads a whole row and every mistake is reported at
 * once. Blank cells are {@code null}.
 */
public final class ImportRow {

	private static final Pattern GROUPED_NUMBER = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

	private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

	private static final Pattern DATE = Pattern
		.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[T ]00:00(?::00(?:\\.0+)?)?)?");

	private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	private static final Pattern LIST_SEPARATORS = Pattern.compile("[;,、；，]");

	private final int number;

	private final Map<String, String> values;

	private final List<ImportProblem> problems = new ArrayList<>();

	ImportRow(int number, Map<String, String> values) {
		this.number = number;
		this.values = Map.copyOf(values);
	}

	/** The row's number as Excel shows it (the header is usually row 1). */
	public int number() {
		return this.number;
	}

	/** Whether every cell of the row is blank (as far as the known columns go). */
	public boolean isEmpty() {
		return this.values.isEmpty();
	}

	/** The trimmed text of a field, {@code null} when blank or absent. */
	public @Nullable String text(String field) {
		return this.values.get(field);
	}

	/** The trimmed text of a field, {@code ""} when blank or absent. */
	public String textOrEmpty(String field) {
		String text = text(field);
		return text == null ? "" : text;
	}

	/**
	 * A decimal number: {@code 1234.5}, {@code -1234.50} or {@code 1,234.50}.
	 */
	public @Nullable BigDecimal decimal(String field) {
		String text = text(field);
		if (text == null) {
			return null;
		}
		BigDecimal value = parseDecimal(text);
		if (value == null) {
			reject(field, "integration.import.value.number", text);
		}
		return value;
	}

	/** A whole number: {@code 120}, {@code 1,200}, also {@code 120.0}. */
	public @Nullable Integer integer(String field) {
		String text = text(field);
		if (text == null) {
			return null;
		}
		BigDecimal value = parseDecimal(text);
		try {
			if (value != null) {
				return value.stripTrailingZeros().intValueExact();
			}
		}
		catch (ArithmeticException ex) {
			// not whole, or too large: reported below
		}
		reject(field, "integration.import.value.integer", text);
		return null;
	}

	/**
	 * A date: ISO {@code 2024-03-01} (as an XLSX date cell is read), also
	 * {@code 2024/3/1}, {@code 2024.3.1}, {@code 2024年3月1日} and {@code 20240301}.
	 * Day-first and month-first forms are refused: they are ambiguous.
	 */
	public @Nullable LocalDate date(String field) {
		String text = text(field);
		if (text == null) {
			return null;
		}
		LocalDate value = parseDate(text);
		if (value == null) {
			reject(field, "integration.import.value.date", text);
		}
		return value;
	}

	/**
	 * One of a set of values, as the parser recognises it (by code or by label).
	 * @param allowed the accepted values, for the message when none matches
	 */
	public <T> @Nullable T choice(String field, Function<String, Optional<T>> parser, String allowed) {
		String text = text(field);
		if (text == null) {
			return null;
		}
		Optional<T> value = parser.apply(text);
		if (value.isEmpty()) {
			reject(field, "integration.import.value.choice", text, allowed);
		}
		return value.orElse(null);
	}

	/**
	 * A list separated by {@code ;}, {@code ,} or {@code 、} (also their full-width
	 * forms), each item trimmed, blanks dropped, order kept.
	 */
	public @Nullable Set<String> list(String field) {
		String text = text(field);
		if (text == null) {
			return null;
		}
		Set<String> items = new LinkedHashSet<>();
		Arrays.stream(LIST_SEPARATORS.split(text)).map(String::strip).filter(s -> !s.isEmpty()).forEach(items::add);
		return items;
	}

	/**
	 * Records a problem of this row.
	 * @param field the field at fault, {@code null} for the row as a whole
	 */
	public void reject(@Nullable String field, String messageCode, Object... arguments) {
		this.problems.add(new ImportProblem(this.number, field, messageCode, arguments));
	}

	/** The problems found while reading this row's values, in the order found. */
	public List<ImportProblem> problems() {
		return List.copyOf(this.problems);
	}

	static @Nullable BigDecimal parseDecimal(String text) {
		if (isPlainDecimal(text)) {
			// the usual case, without a regular expression: a million rows add up
			return new BigDecimal(text);
		}
		String value = text.replace(" ", "").replace("\u00A0", "");
		if (GROUPED_NUMBER.matcher(value).matches()) {
			value = value.replace(",", "");
		}
		else if (!PLAIN_NUMBER.matcher(value).matches()) {
			return null;
		}
		return new BigDecimal(value.startsWith("+") ? value.substring(1) : value);
	}

	static @Nullable LocalDate parseDate(String text) {
		try {
			if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-' && digits(text, 0, 4)
					&& digits(text, 5, 7) && digits(text, 8, 10)) {
				return LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
						Integer.parseInt(text, 8, 10, 10));
			}
			Matcher date = DATE.matcher(text);
			if (date.matches()) {
				return LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
						Integer.parseInt(date.group(3)));
			}
			Matcher compact = COMPACT_DATE.matcher(text);
			if (compact.matches()) {
				return LocalDate.of(Integer.parseInt(compact.group(1)), Integer.parseInt(compact.group(2)),
						Integer.parseInt(compact.group(3)));
			}
			if (text.length() > 10 && text.charAt(10) == 'T') {
				LocalDateTime dateTime = LocalDateTime.parse(text);
				return dateTime.toLocalTime().toSecondOfDay() == 0 ? dateTime.toLocalDate() : null;
			}
		}
		catch (DateTimeException ex) {
			return null;
		}
		return null;
	}

	/** Digits only, with at most one decimal point between digits: {@code 1234.50}. */
	private static boolean isPlainDecimal(String text) {
		int length = text.length();
		if (length == 0 || length > 40) {
			return false;
		}
		boolean point = false;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c == '.') {
				if (point || i == 0 || i == length - 1) {
					return false;
				}
				point = true;
			}
			else if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	private static boolean digits(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

}
