package org.credence.shared;

/**
 * The request contradicts what is stored: a duplicate code, the same external id with
 * different content, a concurrent change. Answered as 409.
 */
public class ConflictException extends CredenceException {

	public ConflictException(String messageCode, Object... arguments) {
		super(messageCode, arguments);
	}

}
