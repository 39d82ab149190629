package org.credence.receivable.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.credence.receivable.AgingBasis;
import org.credence.receivable.AgingReport;
import org.credence.receivable.DsoPoint;
import org.credence.shared.CredenceException;
import org.credence.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * What the receivable pages share: the as-of day and basis from the URL, the chart's data
 * as JSON for {@code static/js/receivable.js}, and refusals as messages in the reader's
 * language.
 */
final class ReceivablePages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ReceivablePages() {
	}

	static LocalDate asOf(@Nullable String asOf, LocalDate today) {
		if (asOf == null || asOf.isBlank()) {
			return today;
		}
		try {
			return LocalDate.parse(asOf.strip());
		}
		catch (DateTimeParseException ex) {
			return today;
		}
	}

	static AgingBasis basis(@Nullable String basis) {
		try {
			return AgingApiController.basis(basis);
		}
		catch (InvalidInputException ex) {
			return AgingBasis.DUE;
		}
	}

	/** The aging as the chart script reads it: labels, amounts (as numbers), currency. */
	static String chartData(AgingReport aging, AgingLabels labels, String title) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("title", title);
		data.put("currency", aging.currency());
		data.put("labels", labels.labels(aging.buckets(), aging.basis()));
		data.put("amounts", aging.buckets().stream().map(b -> b.amount().toPlainString()).toList());
		// the JSON sits in a <script> element: no "</" may end it early
		return JSON.writeValueAsString(data).replace("</", "<\\/");
	}

	/**
	 * A DSO trend as the chart script reads it: the days, the DSO of each (null before
	 * the first invoice), the series label and the axis titles.
	 */
	static String dsoChartData(List<DsoPoint> points, String label, String dayAxis, String daysAxis) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("label", label);
		data.put("axes", Map.of("day", dayAxis, "days", daysAxis));
		data.put("labels", points.stream().map(p -> p.asOf().toString()).toList());
		data.put("values", points.stream().map(p -> p.dso() == null ? null : p.dso().toPlainString()).toList());
		return JSON.writeValueAsString(data).replace("</", "<\\/");
	}

	static String message(MessageSource messages, CredenceException ex) {
		if (ex instanceof InvalidInputException invalid) {
			return String.join(" ",
					invalid.problems()
						.stream()
						.map(p -> messages.getMessage(p.messageCode(), p.arguments(), p.messageCode(),
								LocaleContextHolder.getLocale()))
						.toList());
		}
		return messages.getMessage(ex.messageCode(), ex.arguments(), ex.messageCode(), LocaleContextHolder.getLocale());
	}

	static Map<String, String> fieldMessages(MessageSource messages, InvalidInputException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.problems()
			.forEach(p -> errors.put(p.field(), messages.getMessage(p.messageCode(), p.arguments(), p.messageCode(),
					LocaleContextHolder.getLocale())));
		return errors;
	}

}
