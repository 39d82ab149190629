package org.credence.exposure.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.credence.exposure.Reason;
import org.credence.exposure.ReasonCode;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A credit check reason in the reader's language ({@code exposure.reason.<CODE>}, with a
 * variant key where the reason's first figure tells which): amounts with thousands
 * separators. Used by the API ({@code reasons[].message}) and the pages
 * ({@code ${@reasonTexts.text(reason)}}).
 */
@Component("reasonTexts")
public class ReasonTexts {

	private static final Set<String> VARIANTS = Set.of("LINE", "SUSPENDED", "CLOSED", "GROUP", "CUSTOMER");

	private final MessageSource messages;

	ReasonTexts(MessageSource messages) {
		this.messages = messages;
	}

	public String text(Reason reason) {
		return text(reason, LocaleContextHolder.getLocale());
	}

	public String text(Reason reason, Locale locale) {
		String key = "exposure.reason." + reason.code().name();
		List<String> args = new ArrayList<>(reason.args());
		switch (reason.code()) {
			case CUSTOMER_SUSPENDED ->
				key += "." + (args.isEmpty() || !VARIANTS.contains(args.get(0)) ? "SUSPENDED" : args.get(0));
			case WITHIN_TOLERANCE -> key += args.size() > 2 && "GROUP".equals(args.get(2)) ? ".GROUP" : ".CUSTOMER";
			case REVIEW_OVERDUE -> key += args.isEmpty() || args.get(0).isEmpty() ? ".none" : ".date";
			case RELEASED_BY_MANAGER -> key += args.size() > 2 && !args.get(2).isEmpty() ? ".special" : ".plain";
			default -> {
			}
		}
		if (reason.code() == ReasonCode.UTILISATION_HIGH && !args.isEmpty()) {
			// percentages with one decimal, as everywhere on the pages
			args.set(0, percent(args.get(0)));
		}
		for (int index : amounts(reason.code())) {
			if (index < args.size() && !args.get(index).isEmpty()) {
				args.set(index, amount(args.get(index)));
			}
		}
		return this.messages.getMessage(key, args.toArray(), reason.code().name(), locale);
	}

	/** The positions of the amounts among a reason's figures. */
	private static int[] amounts(ReasonCode code) {
		return switch (code) {
			case LIMIT_EXCEEDED, GROUP_LIMIT_EXCEEDED -> new int[] { 0, 1, 2, 3 };
			case WITHIN_TOLERANCE, OVERDUE_DAYS -> new int[] { 0 };
			case OVERDUE_AMOUNT -> new int[] { 0, 1 };
			case RELEASED_BY_MANAGER -> new int[] { 2 };
			default -> new int[0];
		};
	}

	private static String percent(String plain) {
		try {
			return new BigDecimal(plain).setScale(1, RoundingMode.DOWN).toPlainString();
		}
		catch (NumberFormatException ex) {
			return plain;
		}
	}

	private static String amount(String plain) {
		try {
			DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
			format.setRoundingMode(RoundingMode.HALF_UP);
			return format.format(new BigDecimal(plain));
		}
		catch (NumberFormatException ex) {
			return plain;
		}
	}

}
