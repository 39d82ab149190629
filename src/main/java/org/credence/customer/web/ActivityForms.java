package org.credence.customer.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.credence.customer.document.DocumentContent;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.PageResult;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What the forms and lists of the credit file's satellite records (contacts,
 * communications, reports, documents) share: typed values from the text a user entered,
 * with a field problem instead of an exception when it does not parse; field messages in
 * the reader's language; paging links; a download response.
 */
final class ActivityForms {

	private ActivityForms() {
	}

	static @Nullable String text(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** A date entered as YYYY-MM-DD. */
	static @Nullable LocalDate date(String field, @Nullable String value, List<FieldProblem> problems) {
		String text = text(value);
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(field, "customer.activity.date.invalid"));
			return null;
		}
	}

	static @Nullable BigDecimal decimal(String field, @Nullable String value, List<FieldProblem> problems) {
		String text = text(value);
		if (text == null) {
			return null;
		}
		try {
			return new BigDecimal(text.replace(",", ""));
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem(field, "customer.activity.number.invalid"));
			return null;
		}
	}

	static @Nullable Integer integer(String field, @Nullable String value, List<FieldProblem> problems) {
		String text = text(value);
		if (text == null) {
			return null;
		}
		try {
			return Integer.valueOf(text);
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem(field, "customer.activity.number.invalid"));
			return null;
		}
	}

	static @Nullable Long id(String field, @Nullable String value, List<FieldProblem> problems) {
		String text = text(value);
		if (text == null) {
			return null;
		}
		try {
			return Long.valueOf(text);
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem(field, "customer.activity.choice.unknown"));
			return null;
		}
	}

	/** One of an enum's constants, by name; an unknown name is a field problem. */
	static <E extends Enum<E>> @Nullable E choice(Class<E> type, String field, @Nullable String value,
			List<FieldProblem> problems) {
		String text = text(value);
		if (text == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem(field, "customer.activity.choice.unknown"));
			return null;
		}
	}

	/** Refuses the input when any of the problems found while parsing it exists. */
	static void requireNone(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	/** Each field's first message, in the reader's language. */
	static Map<String, String> messages(InvalidInputException ex, MessageSource messages) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> byField = new LinkedHashMap<>();
		for (FieldProblem problem : ex.problems()) {
			byField.putIfAbsent(problem.field(),
					messages.getMessage(problem.messageCode(), problem.arguments(), problem.messageCode(), locale));
		}
		return byField;
	}

	static String message(MessageSource messages, String code, Object... arguments) {
		return messages.getMessage(code, arguments, code, LocaleContextHolder.getLocale());
	}

	/** Links to the previous and next page, keeping the other query parameters. */
	static Map<String, String> pageUrls(PageResult<?> page, HttpServletRequest request) {
		Map<String, String> urls = new LinkedHashMap<>();
		urls.put("previous",
				ServletUriComponentsBuilder.fromRequest(request)
					.replaceQueryParam("page", Math.max(page.page() - 1, 0))
					.build()
					.toUriString());
		urls.put("next",
				ServletUriComponentsBuilder.fromRequest(request)
					.replaceQueryParam("page", page.page() + 1)
					.build()
					.toUriString());
		return urls;
	}

	/**
	 * A document's content as a download under its original name (RFC 6266 with the RFC
	 * 5987 {@code filename*} for Chinese names), with its checksum.
	 */
	static ResponseEntity<Resource> download(DocumentContent content) {
		ContentDisposition disposition = ContentDisposition.attachment()
			.filename(content.document().fileName(), StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.document().contentType()))
			.contentLength(content.document().size())
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("X-Checksum-SHA256", content.document().sha256())
			.body(content.content());
	}

}
