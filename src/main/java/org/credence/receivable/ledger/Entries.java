package org.credence.receivable.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * The field checks every ledger entry shares: required text within its length, positive
 * amounts with at most two decimals, ISO 4217 currencies, required dates. Each check adds
 * a field problem and returns a placeholder, so one answer names every bad field.
 */
public final class Entries {

	private Entries() {
	}

	public static String text(String field, @Nullable String value, int maxLength, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "receivable.field.required"));
			return "";
		}
		String text = value.strip();
		if (text.length() > maxLength) {
			problems.add(new FieldProblem(field, "receivable.field.too-long", maxLength));
		}
		return text;
	}

	public static @Nullable String optionalText(String field, @Nullable String value, int maxLength,
			List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return text(field, value, maxLength, problems);
	}

	public static BigDecimal amount(String field, @Nullable BigDecimal value, List<FieldProblem> problems) {
		if (value == null) {
			problems.add(new FieldProblem(field, "receivable.field.required"));
			return BigDecimal.ONE;
		}
		if (value.signum() <= 0) {
			problems.add(new FieldProblem(field, "receivable.amount.positive"));
			return BigDecimal.ONE;
		}
		BigDecimal stripped = value.stripTrailingZeros();
		if (stripped.scale() > 2) {
			problems.add(new FieldProblem(field, "receivable.amount.scale"));
			return BigDecimal.ONE;
		}
		if (value.precision() - value.scale() > 17) {
			problems.add(new FieldProblem(field, "receivable.amount.too-large"));
			return BigDecimal.ONE;
		}
		return value.setScale(2);
	}

	public static String currency(String field, @Nullable String value, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "receivable.field.required"));
			return "XXX";
		}
		String code = value.strip().toUpperCase(Locale.ROOT);
		try {
			if (code.length() != 3) {
				throw new IllegalArgumentException(code);
			}
			return Currency.getInstance(code).getCurrencyCode();
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem(field, "receivable.currency.unknown", value));
			return "XXX";
		}
	}

	public static LocalDate date(String field, @Nullable LocalDate value, List<FieldProblem> problems) {
		if (value == null) {
			problems.add(new FieldProblem(field, "receivable.field.required"));
			return LocalDate.EPOCH;
		}
		return value;
	}

	public static void requireNone(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

}
