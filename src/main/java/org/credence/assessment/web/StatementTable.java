package org.credence.assessment.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.credence.assessment.statement.AmountUnit;
import org.credence.assessment.statement.FinancialStatement;
import org.credence.assessment.statement.Ratio;
import org.credence.assessment.statement.RatioCalculator;
import org.credence.assessment.statement.StatementLine;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;

/**
 * A customer's statements as the financials tab shows them: one column per period, oldest
 * on the left so the rows read as a trend; the lines in the unit of the newest statement;
 * the ratios as percentages (one decimal) or multiples (two decimals), with the reason
 * when one is not available; and the data of the ratio chart.
 *
 * @param currency the one currency of every statement; absent when they differ
 * @param chartJson the chart's data as JSON, safe inside a
 * {@code <script type="application/json">}
 */
record StatementTable(List<Column> columns, List<Part> parts, List<RatioRow> ratios, AmountUnit unit,
		@Nullable String currency, String chartJson) {

	/** Ratios shown as a percentage; the others are multiples or scores. */
	static final Set<Ratio> PERCENTAGES = EnumSet.of(Ratio.DEBT_RATIO, Ratio.NET_MARGIN, Ratio.ROA, Ratio.ROE,
			Ratio.REVENUE_GROWTH);

	/**
	 * The ratios the chart draws: on the percent axis the first, the others on the
	 * multiple axis.
	 */
	static final List<Ratio> CHARTED = List.of(Ratio.DEBT_RATIO, Ratio.CURRENT_RATIO, Ratio.ALTMAN_Z2);

	/**
	 * The table of a customer's statements.
	 * @param newestFirst the statements as {@code FinancialStatements.all} lists them
	 */
	static StatementTable of(List<FinancialStatement> newestFirst, MessageSource messages, Locale locale,
			JsonMapper json) {
		List<FinancialStatement> statements = newestFirst.stream()
			.sorted(Comparator.comparing(FinancialStatement::periodEnd)
				.thenComparing(s -> s.periodType().ordinal(), Comparator.reverseOrder()))
			.toList();
		AmountUnit unit = newestFirst.isEmpty() ? AmountUnit.YUAN : newestFirst.get(0).unit();
		Set<String> currencies = statements.stream().map(FinancialStatement::currency).collect(Collectors.toSet());
		List<Column> columns = statements.stream()
			.map(s -> new Column(s.periodEnd().toString(),
					messages.getMessage("assessment.statement.period." + s.periodType(), null, locale), s.currency(),
					s.audited(), s.balanceOverrideReason(), s.createdBy(), s))
			.toList();
		List<Part> parts = new ArrayList<>();
		for (StatementLine.Part part : StatementLine.Part.values()) {
			List<LineRow> rows = StatementLine.in(part)
				.stream()
				.map(line -> new LineRow(line, label(messages, line, locale),
						statements.stream().map(s -> amount(line.of(s.lines()), unit)).toList()))
				.toList();
			parts.add(new Part(part, messages.getMessage("assessment.statement.part." + part.name(), null, locale),
					rows));
		}
		List<RatioRow> ratios = new ArrayList<>();
		for (Ratio ratio : Ratio.values()) {
			List<Cell> cells = statements.stream().map(s -> cell(ratio, s, messages, locale)).toList();
			ratios.add(new RatioRow(ratio, messages.getMessage("assessment.statement.ratio." + ratio, null, locale),
					PERCENTAGES.contains(ratio), cells));
		}
		return new StatementTable(columns, parts, ratios, unit,
				currencies.size() == 1 ? currencies.iterator().next() : null,
				chart(statements, messages, locale, json));
	}

	private static Cell cell(Ratio ratio, FinancialStatement statement, MessageSource messages, Locale locale) {
		BigDecimal value = statement.ratio(ratio);
		if (value != null) {
			return new Cell(PERCENTAGES.contains(ratio) ? format(value.movePointRight(2), 1) + "%" : format(value, 2),
					null);
		}
		Map<StatementLine, BigDecimal> given = statement.lines().given();
		List<StatementLine> missing = RatioCalculator.inputs(ratio)
			.stream()
			.filter(line -> !given.containsKey(line))
			.toList();
		String why;
		if (!missing.isEmpty()) {
			why = messages.getMessage("assessment.statement.not-available.missing",
					new Object[] { names(missing, messages, locale) }, locale);
		}
		else if (ratio == Ratio.REVENUE_GROWTH) {
			why = messages
				.getMessage(
						"assessment.statement.not-available.no-earlier", new Object[] { messages
							.getMessage("assessment.statement.period." + statement.periodType(), null, locale) },
						locale);
		}
		else {
			List<StatementLine> zero = RatioCalculator.denominators(ratio)
				.stream()
				.filter(line -> given.get(line).signum() == 0)
				.toList();
			why = messages.getMessage("assessment.statement.not-available.zero",
					new Object[] { names(zero, messages, locale) }, locale);
		}
		return new Cell("—", why);
	}

	private static String chart(List<FinancialStatement> statements, MessageSource messages, Locale locale,
			JsonMapper json) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("labels",
				statements.stream()
					.map(s -> s.periodEnd() + " "
							+ messages.getMessage("assessment.statement.period." + s.periodType(), null, locale))
					.toList());
		List<Map<String, Object>> datasets = new ArrayList<>();
		for (Ratio ratio : CHARTED) {
			boolean percent = PERCENTAGES.contains(ratio);
			Map<String, Object> dataset = new LinkedHashMap<>();
			dataset.put("label", messages.getMessage("assessment.statement.ratio." + ratio, null, locale));
			dataset.put("axis", percent ? "percent" : "multiple");
			dataset.put("data", statements.stream().map(s -> {
				BigDecimal value = s.ratio(ratio);
				if (value == null) {
					return null;
				}
				return percent ? value.movePointRight(2).setScale(1, RoundingMode.HALF_UP)
						: value.setScale(2, RoundingMode.HALF_UP);
			}).toList());
			datasets.add(dataset);
		}
		chart.put("datasets", datasets);
		chart.put("axes",
				Map.of("period", messages.getMessage("assessment.statement.chart.period", null, locale), "percent",
						messages.getMessage("assessment.statement.chart.percent", null, locale), "multiple",
						messages.getMessage("assessment.statement.chart.multiple", null, locale)));
		return json.writeValueAsString(chart).replace("<", "\\u003c").replace(">", "\\u003e");
	}

	private static String names(List<StatementLine> lines, MessageSource messages, Locale locale) {
		return lines.stream()
			.map(line -> label(messages, line, locale))
			.collect(Collectors.joining(locale.getLanguage().equals("zh") ? "、" : ", "));
	}

	static String label(MessageSource messages, StatementLine line, Locale locale) {
		return messages.getMessage("assessment.statement.line." + line.field(), null, locale);
	}

	private static String amount(@Nullable BigDecimal yuan, AmountUnit unit) {
		return yuan == null ? "—" : format(unit.fromYuan(yuan), 2);
	}

	static String format(BigDecimal value, int decimals) {
		DecimalFormat format = new DecimalFormat("#,##0." + "0".repeat(decimals),
				DecimalFormatSymbols.getInstance(Locale.ROOT));
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(value);
	}

	/** A period's column head. */
	record Column(String periodEnd, String periodType, String currency, boolean audited,
			@Nullable String balanceOverrideReason, String createdBy, FinancialStatement statement) {
	}

	/** One part of the statement (balance sheet …) with its lines. */
	record Part(StatementLine.Part part, String label, List<LineRow> rows) {
	}

	/** A line across the periods, formatted. */
	record LineRow(StatementLine line, String label, List<String> cells) {
	}

	/** A ratio across the periods. */
	record RatioRow(Ratio ratio, String label, boolean percentage, List<Cell> cells) {
	}

	/**
	 * A ratio's value as shown, or "—" with the reason it is not available.
	 *
	 * @param why why the ratio is not available; absent when it is
	 */
	record Cell(String text, @Nullable String why) {
	}

}
