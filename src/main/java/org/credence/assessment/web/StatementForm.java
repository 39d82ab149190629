package org.credence.assessment.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.credence.assessment.statement.AmountUnit;
import org.credence.assessment.statement.PeriodType;
import org.credence.assessment.statement.StatementDraft;
import org.credence.assessment.statement.StatementLine;
import org.credence.assessment.statement.StatementLines;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * The statement entry form as typed, field by field under the API's names
 * ({@code periodEnd}, {@code lines.equity}), so a failed save shows every value again and
 * each message beside its field.
 */
record StatementForm(Map<String, String> values) {

	static final List<String> FIELDS = fields();

	StatementForm {
		Map<String, String> known = new LinkedHashMap<>();
		for (String field : FIELDS) {
			String value = values.get(field);
			if (value != null) {
				known.put(field, value);
			}
		}
		values = known;
	}

	/** An empty form: an annual statement in CNY and 元. */
	static StatementForm blank() {
		return new StatementForm(
				Map.of("periodType", PeriodType.ANNUAL.name(), "currency", "CNY", "unit", AmountUnit.YUAN.name()));
	}

	/** The text of a field as typed, {@code ""} when blank. */
	public String get(String field) {
		return this.values.getOrDefault(field, "");
	}

	public boolean isAudited() {
		return "true".equals(this.values.get("audited"));
	}

	/**
	 * The draft the form describes.
	 * @throws InvalidInputException naming each value that does not parse
	 */
	StatementDraft toDraft() {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate periodEnd = null;
		String date = text("periodEnd");
		if (date != null) {
			try {
				periodEnd = LocalDate.parse(date);
			}
			catch (DateTimeParseException ex) {
				problems.add(new FieldProblem("periodEnd", "assessment.statement.period-end.invalid"));
			}
		}
		PeriodType periodType = StatementApiController.choice(PeriodType.class, "periodType",
				"assessment.statement.period-type.invalid", text("periodType"), problems);
		AmountUnit unit = StatementApiController.choice(AmountUnit.class, "unit", "assessment.statement.unit.invalid",
				text("unit"), problems);
		Map<StatementLine, BigDecimal> lines = new LinkedHashMap<>();
		for (StatementLine line : StatementLine.values()) {
			String value = text(line.path());
			if (value == null) {
				continue;
			}
			try {
				lines.put(line, new BigDecimal(value.replace(",", "").replace(" ", "")));
			}
			catch (NumberFormatException ex) {
				problems.add(new FieldProblem(line.path(), "assessment.statement.line.invalid"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new StatementDraft(periodEnd, periodType, text("currency"), unit, isAudited(), StatementLines.of(lines),
				text("balanceOverrideReason"));
	}

	private @Nullable String text(String field) {
		String value = this.values.get(field);
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static List<String> fields() {
		List<String> fields = new ArrayList<>(
				List.of("periodEnd", "periodType", "currency", "unit", "audited", "balanceOverrideReason"));
		for (StatementLine line : StatementLine.values()) {
			fields.add(line.path());
		}
		return List.copyOf(fields);
	}

}
