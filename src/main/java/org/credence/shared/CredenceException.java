package org.credence.shared;

import java.util.Arrays;

/**
 * A refusal in business terms. It carries a message code (resolved in the user's language
 * when it reaches a person) and its arguments, never a hard-coded sentence.
 */
public abstract class CredenceException extends RuntimeException {

	private final String messageCode;

	private final Object[] arguments;

	protected CredenceException(String messageCode, Object... arguments) {
		super(messageCode + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
		this.messageCode = messageCode;
		this.arguments = arguments.clone();
	}

	public String messageCode() {
		return this.messageCode;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

}
