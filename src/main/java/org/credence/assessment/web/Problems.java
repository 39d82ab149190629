package org.credence.assessment.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/** Field problems as messages in the reader's language, by field, for a form. */
final class Problems {

	private Problems() {
	}

	static Map<String, String> messages(InvalidInputException ex, MessageSource messages) {
		Map<String, String> byField = new LinkedHashMap<>();
		for (FieldProblem problem : ex.problems()) {
			byField.merge(problem.field(), messages.getMessage(problem.messageCode(), problem.arguments(),
					problem.messageCode(), LocaleContextHolder.getLocale()), (a, b) -> a + " " + b);
		}
		return byField;
	}

}
