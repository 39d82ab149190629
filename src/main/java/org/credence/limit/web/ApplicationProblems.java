package org.credence.limit.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;

/** Field problems of the application pages as messages in the reader's language. */
final class ApplicationProblems {

	private ApplicationProblems() {
	}

	static Map<String, String> messages(InvalidInputException ex, MessageSource messages) {
		Map<String, String> byField = new LinkedHashMap<>();
		for (FieldProblem problem : ex.problems()) {
			byField.merge(problem.field(), messages.getMessage(problem.messageCode(), problem.arguments(),
					problem.messageCode(), LocaleContextHolder.getLocale()), (a, b) -> a + " " + b);
		}
		return byField;
	}

	/** Values that could not be read (a letter in the amount, say). */
	static Map<String, String> messages(BindingResult binding, MessageSource messages) {
		Map<String, String> byField = new LinkedHashMap<>();
		binding.getFieldErrors()
			.forEach(error -> byField.put(error.getField(),
					messages.getMessage("limit.application.field.unreadable", null, LocaleContextHolder.getLocale())));
		return byField;
	}

}
