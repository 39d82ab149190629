package org.credence.shared;

/**
 * A business rule refused the request although its input is well-formed: approving one's
 * own application, removing a blacklist entry that is already removed. Answered as 422
 * with the reason code.
 */
public class RuleViolationException extends CredenceException {

	private final String reasonCode;

	public RuleViolationException(String reasonCode, String messageCode, Object... arguments) {
		super(messageCode, arguments);
		this.reasonCode = reasonCode;
	}

	public String reasonCode() {
		return this.reasonCode;
	}

}
