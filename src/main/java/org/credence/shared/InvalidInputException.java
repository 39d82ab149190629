package org.credence.shared;

import java.util.List;

/**
 * Input that fails validation, field by field. Answered as 400 with one entry per field;
 * a form shows each message beside its field.
 */
public class InvalidInputException extends CredenceException {

	private final List<FieldProblem> problems;

	public InvalidInputException(List<FieldProblem> problems) {
		super("error.invalid-input");
		this.problems = List.copyOf(problems);
	}

	public InvalidInputException(String field, String messageCode, Object... arguments) {
		this(List.of(new FieldProblem(field, messageCode, arguments)));
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

	/** One field's problem: the field name as the API spells it, and a message code. */
	public record FieldProblem(String field, String messageCode, Object... arguments) {
	}

}
