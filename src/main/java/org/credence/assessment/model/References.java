package org.credence.assessment.model;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.credence.assessment.statement.Ratio;
import org.credence.assessment.statement.StatementLines;

/**
 * The references a model may use, by source: {@code ratio:} a {@link Ratio} constant,
 * {@code line:} a {@link StatementLines} line (in 元), {@code behaviour:} one of the
 * payment-behaviour measures receivables will supply, {@code qualitative:} a question the
 * model itself asks, {@code external:SCORE} the latest external report's score (0–1000).
 * FORMULA factors may use any of them except other formulas.
 */
public final class References {

	/** Average days invoices were paid after their due date (days). */
	public static final String AVG_DAYS_LATE = "AVG_DAYS_LATE";

	/** The most days any invoice was overdue in the last 12 months (days). */
	public static final String MAX_DAYS_OVERDUE_12M = "MAX_DAYS_OVERDUE_12M";

	/** The share of invoices paid after their due date (a fraction, 0 to 1). */
	public static final String LATE_SHARE = "LATE_SHARE";

	public static final Set<String> BEHAVIOURS = Set.of(AVG_DAYS_LATE, MAX_DAYS_OVERDUE_12M, LATE_SHARE);

	public static final Set<String> EXTERNALS = Set.of("SCORE");

	private static final Pattern QUALITATIVE = Pattern.compile("[A-Z][A-Z0-9_]{0,47}");

	private References() {
	}

	public static Set<String> lines() {
		Set<String> lines = new LinkedHashSet<>();
		Arrays.stream(StatementLines.class.getRecordComponents()).forEach(component -> lines.add(component.getName()));
		return lines;
	}

	public static boolean isRatio(String name) {
		return Arrays.stream(Ratio.values()).anyMatch(ratio -> ratio.name().equals(name));
	}

	/**
	 * Whether a reference names something a fact may hold: a ratio, a statement line, a
	 * behaviour measure, the external score, or one of the model's qualitative questions.
	 */
	public static boolean isKnown(String reference, Set<String> qualitativeQuestions) {
		int colon = reference.indexOf(':');
		if (colon < 0) {
			return false;
		}
		String prefix = reference.substring(0, colon);
		String name = reference.substring(colon + 1);
		return switch (prefix) {
			case "ratio" -> isRatio(name);
			case "line" -> lines().contains(name);
			case "behaviour" -> BEHAVIOURS.contains(name);
			case "external" -> EXTERNALS.contains(name);
			case "qualitative" -> qualitativeQuestions.contains(name);
			default -> false;
		};
	}

	/** Whether a QUALITATIVE factor's question code is well formed. */
	public static boolean isQuestion(String name) {
		return QUALITATIVE.matcher(name).matches();
	}

	public static String ratio(Ratio ratio) {
		return FactorSource.RATIO.prefix() + ":" + ratio.name();
	}

}
