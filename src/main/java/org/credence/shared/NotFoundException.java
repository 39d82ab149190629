package org.credence.shared;

/**
 * The thing asked for does not exist, or the caller may not see it (which to an outsider
 * is the same). Answered as 404.
 */
public class NotFoundException extends CredenceException {

	public NotFoundException(String messageCode, Object... arguments) {
		super(messageCode, arguments);
	}

}
