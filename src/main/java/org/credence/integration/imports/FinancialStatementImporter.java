package org.credence.integration.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.credence.assessment.statement.AmountUnit;
import org.credence.assessment.statement.FinancialStatements;
import org.credence.assessment.statement.PeriodType;
import org.credence.assessment.statement.StatementDraft;
import org.credence.assessment.statement.StatementLine;
import org.credence.assessment.statement.StatementLines;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Financial statements from a file, one statement per row, written through
 * {@link FinancialStatements#record}: the same checks (the balance check included) and
 * audit as a statement entered by hand. A row for a period that is on file replaces that
 * statement. Figures are in the row's unit (元 unless given); the period type and unit are
 * accepted as codes or as labels in either language (年报, 万元), audited as 是/否, yes/no or
 * true/false.
 */
@Component
class FinancialStatementImporter implements Importer<FinancialStatementImporter.StatementRow> {

	static final String KIND = "financial-statements";

	private static final String PREFIX = "integration.financial-statements.";

	private static final List<String> HEAD = List.of("customerCode", "periodEnd", "periodType", "currency", "unit",
			"audited");

	private static final List<String> LINES = Arrays.stream(StatementLine.values()).map(StatementLine::field).toList();

	private static final String REASON = "balanceOverrideReason";

	private static final String LINE_PREFIX = "lines.";

	private static final Set<String> REQUIRED = Set.of("customerCode", "periodEnd", "periodType");

	/** Names people use for a column besides its two labels. */
	private static final Map<String, List<String>> EXTRA_NAMES = Map.of("customerCode",
			List.of("code", "客户代码", "Customer no."), "periodEnd", List.of("期末日期", "报告期", "Period"), "periodType",
			List.of("报表期间", "Period type"), "unit", List.of("金额单位"), "audited", List.of("审计"));

	private static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	private static final Map<String, Boolean> YES_NO = yesNo();

	private final FinancialStatements statements;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	private final EnumLabels labels;

	private final List<ImportColumn> columns;

	FinancialStatementImporter(FinancialStatements statements, CurrentUser currentUser, MessageSource messages) {
		this.statements = statements;
		this.currentUser = currentUser;
		this.messages = messages;
		this.labels = new EnumLabels(messages, PREFIX);
		List<String> fields = new ArrayList<>(HEAD);
		fields.addAll(LINES);
		fields.add(REASON);
		this.columns = fields.stream().map(this::column).toList();
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public List<ImportColumn> columns() {
		return this.columns;
	}

	/** Needs the right to import and the right to write credit files (analysts). */
	@Override
	public void authorise() {
		this.currentUser.require(Permission.CUSTOMER_IMPORT);
		this.currentUser.require(Permission.CUSTOMER_WRITE);
	}

	@Override
	public StatementRow read(ImportRow row) {
		Map<StatementLine, java.math.BigDecimal> lines = new LinkedHashMap<>();
		for (StatementLine line : StatementLine.values()) {
			java.math.BigDecimal value = row.decimal(line.field());
			if (value != null) {
				lines.put(line, value);
			}
		}
		StatementDraft draft = new StatementDraft(row.date("periodEnd"), row.choice("periodType",
				text -> this.labels.parse(PeriodType.class, "period", text), EnumLabels.codes(PeriodType.values())),
				row.text("currency"),
				row.choice("unit", text -> this.labels.parse(AmountUnit.class, "unit", text),
						EnumLabels.codes(AmountUnit.values())),
				row.choice("audited", text -> Optional.ofNullable(YES_NO.get(text.strip().toLowerCase(Locale.ROOT))),
						"是, 否, yes, no"),
				StatementLines.of(lines), row.text(REASON));
		return new StatementRow(row.textOrEmpty("customerCode"), draft);
	}

	/**
	 * The module's problems, named by column: {@code lines.equity} is column
	 * {@code equity}.
	 */
	@Override
	public List<FieldProblem> problems(StatementRow item) {
		return this.statements.problems(item.customerCode(), item.draft())
			.stream()
			.map(problem -> problem.field().startsWith(LINE_PREFIX)
					? new FieldProblem(problem.field().substring(LINE_PREFIX.length()), problem.messageCode(),
							problem.arguments())
					: problem)
			.toList();
	}

	@Override
	public @Nullable String key(StatementRow item) {
		if (item.customerCode().isBlank() || item.draft().periodEnd() == null || item.draft().periodType() == null) {
			return null;
		}
		return item.customerCode().strip() + " " + item.draft().periodEnd() + " " + item.draft().periodType();
	}

	@Override
	public String keyField() {
		return "periodEnd";
	}

	@Override
	public List<ImportWarning> write(StatementRow item) {
		this.statements.record(item.customerCode().strip(), item.draft());
		return List.of();
	}

	@Override
	public List<String> allowedValues(String field, Locale locale) {
		return switch (field) {
			case "periodType" -> this.labels.labels(PeriodType.values(), "period", locale);
			case "unit" -> this.labels.labels(AmountUnit.values(), "unit", locale);
			default -> List.of();
		};
	}

	private ImportColumn column(String field) {
		String labelCode = PREFIX + "column." + field;
		Set<String> aliases = new HashSet<>();
		for (Locale language : LANGUAGES) {
			aliases.add(this.messages.getMessage(labelCode, null, field, language));
		}
		aliases.addAll(EXTRA_NAMES.getOrDefault(field, List.of()));
		String hintCode = LINES.contains(field) ? PREFIX + "hint.line" : PREFIX + "hint." + field;
		return new ImportColumn(field, REQUIRED.contains(field), labelCode, hintCode, aliases);
	}

	private static Map<String, Boolean> yesNo() {
		Map<String, Boolean> values = new LinkedHashMap<>();
		for (String yes : List.of("是", "已审计", "yes", "y", "true", "1", "audited")) {
			values.put(yes, true);
		}
		for (String no : List.of("否", "未审计", "no", "n", "false", "0", "unaudited")) {
			values.put(no, false);
		}
		return values;
	}

	/** A row: the customer's code and the statement for it. */
	record StatementRow(String customerCode, StatementDraft draft) {
	}

}
