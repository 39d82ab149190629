package org.credence.exposure;

import java.util.List;

/**
 * One reason for a check's decision: its code, whether it warned or blocked, and the
 * figures its message is made of (amounts as plain decimal strings, days, dates, grades),
 * in the order the message {@code exposure.reason.<CODE>} uses them.
 */
public record Reason(ReasonCode code, RuleMode mode, List<String> args) {

	public Reason {
		args = List.copyOf(args);
	}

	public static Reason of(ReasonCode code, RuleMode mode, Object... args) {
		return new Reason(code, mode, java.util.Arrays.stream(args).map(Reason::text).toList());
	}

	private static String text(Object value) {
		return value instanceof java.math.BigDecimal amount ? amount.toPlainString() : String.valueOf(value);
	}

}
