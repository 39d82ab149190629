package org.credence.receivable.statement;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.credence.receivable.AccountStatement.Kind;
import org.credence.receivable.AccountStatement.Line;

import org.springframework.context.MessageSource;

/**
 * The statement's words in one language, from the {@code receivable-statement} message
 * bundle, and its numbers: thousands separators and two decimals in both languages.
 */
public final class StatementText {

	private final MessageSource messages;

	private final Locale locale;

	public StatementText(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	public Locale locale() {
		return this.locale;
	}

	public boolean isChinese() {
		return "zh".equals(this.locale.getLanguage());
	}

	public String get(String key, Object... arguments) {
		return this.messages.getMessage("receivable.statement." + key, arguments, this.locale);
	}

	public String kind(Kind kind) {
		return get("kind." + kind.name());
	}

	/** The details column: due date, the invoice credited, the reason of a reversal. */
	public String detail(Line line) {
		if (line.detail() == null || line.detail().isBlank()) {
			return "";
		}
		return switch (line.kind()) {
			case INVOICE -> get("detail.due", line.detail());
			case CREDIT_NOTE -> get("detail.invoice", line.detail());
			case PAYMENT_REVERSAL -> get("detail.reversal", line.detail());
			default -> line.detail();
		};
	}

	public static String money(BigDecimal amount) {
		DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return format.format(amount);
	}

	/** An FX rate with at least four decimals: 7.9000, 0.05123456. */
	public static String rate(BigDecimal rate) {
		BigDecimal stripped = rate.stripTrailingZeros();
		return stripped.setScale(Math.max(4, stripped.scale()), java.math.RoundingMode.UNNECESSARY).toPlainString();
	}

	/** An amount, or nothing for zero: debit and credit columns show only what moved. */
	public static String moneyOrBlank(BigDecimal amount) {
		return amount.signum() == 0 ? "" : money(amount);
	}

}
