package org.credence.integration.bank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.prowidesoftware.swift.model.SwiftBlock4;
import com.prowidesoftware.swift.model.Tag;
import com.prowidesoftware.swift.model.field.Field25;
import com.prowidesoftware.swift.model.field.Field28C;
import com.prowidesoftware.swift.model.field.Field61;
import com.prowidesoftware.swift.model.mt.mt9xx.MT940;
import org.credence.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Reads SWIFT MT940 customer statements with Prowide's parser. Before parsing, the file
 * is normalised, not parsed by hand: DOS-PCC framing (SOH 0x01 … ETX 0x03) is dropped,
 * the file is split into messages (at each SWIFT FIN header {@code {1:}}, or for exports
 * without FIN blocks at each {@code :20:}), and a message without FIN blocks is wrapped
 * in a minimal FIN envelope, because Prowide reads fields only from a block 4. The fields
 * themselves ({@code :60F:}, {@code :61:}, {@code :62F:} …) are Prowide's; the
 * {@code :86:} text has no standard layout and is read by {@link Mt940Details}.
 */
final class Mt940Reader {

	private static final Pattern FIN_HEADER = Pattern.compile("\\{1:");

	private static final Pattern STATEMENT_START = Pattern.compile("(?m)^:20:");

	private static final Pattern BALANCE = Pattern.compile("([CD])(\\d{6})([A-Z]{3})([0-9]+(?:,[0-9]*)?)");

	private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("uuMMdd", Locale.ROOT);

	private Mt940Reader() {
	}

	static boolean looksLikeMt940(String text) {
		return text.contains(":20:") && text.contains(":61:") || text.contains(":20:") && text.contains(":60F:")
				|| text.contains(":20:") && text.contains(":60M:");
	}

	static List<BankStatement> read(String text) {
		String clean = text.replace("\u0001", "").replace("\u0003", "").replace("\r\n", "\n").replace('\r', '\n');
		List<BankStatement> statements = new ArrayList<>();
		for (String message : messages(clean)) {
			statements.add(statement(MT940.parse(message.replace("\n", "\r\n"))));
		}
		if (statements.isEmpty()) {
			throw new InvalidInputException("file", "integration.bank.file.unreadable");
		}
		return statements;
	}

	/** The file's messages, each as FIN text with a block 4. */
	private static List<String> messages(String text) {
		List<String> messages = new ArrayList<>();
		if (text.contains("{4:")) {
			Matcher header = FIN_HEADER.matcher(text);
			List<Integer> starts = new ArrayList<>();
			while (header.find()) {
				starts.add(header.start());
			}
			for (int i = 0; i < starts.size(); i++) {
				String message = text
					.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : text.length())
					.strip();
				if (message.contains(":20:")) {
					messages.add(message);
				}
			}
			return messages;
		}
		Matcher start = STATEMENT_START.matcher(text);
		List<Integer> starts = new ArrayList<>();
		while (start.find()) {
			starts.add(start.start());
		}
		for (int i = 0; i < starts.size(); i++) {
			String body = text.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : text.length())
				.strip();
			// the block 4 terminator some exports put after each statement
			if (body.endsWith("\n-")) {
				body = body.substring(0, body.length() - 2).strip();
			}
			messages.add("{1:F01XXXXXXXXXXXX0000000000}{2:I940XXXXXXXXXXXXN}{4:\n" + body + "\n-}");
		}
		return messages;
	}

	private static BankStatement statement(MT940 mt) {
		SwiftBlock4 block = mt.getSwiftMessage().getBlock4();
		if (block == null || mt.getField20() == null) {
			throw new InvalidInputException("file", "integration.bank.file.unreadable");
		}
		Field25 field25 = mt.getField25();
		String account = field25 == null ? "" : field25.getValue().strip();
		Field28C field28 = mt.getField28C();
		String sequence = field28 == null ? null : field28.getValue().strip();
		String openingText = tagValue(block, "60F", "60M");
		String closingText = tagValue(block, "62F", "62M");
		String currency = currency(openingText, closingText);
		List<Builder> entries = new ArrayList<>();
		Builder last = null;
		String previous = "";
		for (Tag tag : block.getTags()) {
			if ("61".equals(tag.getName())) {
				last = new Builder(new Field61(tag.getValue()), tag.getValue());
				entries.add(last);
			}
			else if ("86".equals(tag.getName()) && "61".equals(previous) && last != null) {
				last.details = tag.getValue();
			}
			previous = tag.getName();
		}
		List<StatementEntry> built = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			built.add(entries.get(i).build(i + 1, currency));
		}
		return new BankStatement("MT940", account, mt.getField20().getValue().strip(), sequence, currency,
				balance(openingText), balance(closingText), built);
	}

	private static @Nullable String tagValue(SwiftBlock4 block, String... names) {
		for (String name : names) {
			String value = block.getTagValue(name);
			if (value != null) {
				return value.strip();
			}
		}
		return null;
	}

	private static String currency(@Nullable String opening, @Nullable String closing) {
		for (String text : new String[] { opening, closing }) {
			if (text != null) {
				Matcher balance = BALANCE.matcher(text);
				if (balance.matches()) {
					return balance.group(3);
				}
			}
		}
		throw new InvalidInputException("file", "integration.bank.mt940.no-balance");
	}

	private static BankStatement.@Nullable Balance balance(@Nullable String text) {
		if (text == null) {
			return null;
		}
		Matcher balance = BALANCE.matcher(text);
		if (!balance.matches()) {
			return null;
		}
		BigDecimal amount = amount(balance.group(4));
		return new BankStatement.Balance(date(balance.group(2)),
				"D".equals(balance.group(1)) ? amount.negate() : amount);
	}

	/**
	 * SWIFT amounts have a decimal comma, which some banks leave out for whole amounts.
	 */
	static BigDecimal amount(String text) {
		String value = text.strip().replace(',', '.');
		if (value.endsWith(".")) {
			value = value.substring(0, value.length() - 1);
		}
		return new BigDecimal(value).setScale(Math.max(2, new BigDecimal(value).scale()));
	}

	static LocalDate date(String yymmdd) {
		try {
			return LocalDate.parse(yymmdd, YYMMDD);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("file", "integration.bank.date.invalid", yymmdd);
		}
	}

	/** A {@code :61:} line with the {@code :86:} that follows it. */
	private static final class Builder {

		private final Field61 field;

		private final String raw;

		private @Nullable String details;

		Builder(Field61 field, String raw) {
			this.field = field;
			this.raw = raw;
		}

		StatementEntry build(int position, String currency) {
			String mark = this.field.getDebitCreditMark();
			if (mark == null || this.field.getAmount() == null || this.field.getValueDate() == null) {
				throw new InvalidInputException("file", "integration.bank.mt940.line.invalid",
						this.raw.lines().findFirst().orElse(""));
			}
			// RC reverses a credit: money goes out again; RD reverses a debit: money
			// comes in
			boolean reversal = mark.startsWith("R");
			boolean credit = reversal ? mark.endsWith("D") : mark.endsWith("C");
			LocalDate valueDate = date(this.field.getValueDate());
			LocalDate bookingDate = valueDate;
			String entryDate = this.field.getEntryDate();
			if (entryDate != null && entryDate.length() == 4) {
				bookingDate = entryDate(valueDate, entryDate);
			}
			BigDecimal amount = amount(this.field.getAmount());
			Mt940Details details = Mt940Details.read(this.details);
			String customerReference = blankOrNoRef(this.field.getReferenceForTheAccountOwner());
			String bankReference = blankOrNoRef(this.field.getReferenceOfTheAccountServicingInstitution());
			String supplementary = blankOrNoRef(this.field.getSupplementaryDetails());
			StatementTransaction transaction = new StatementTransaction(amount, currency, details.name(),
					details.account(), details.remittance(), details.creditorReference(), details.endToEndId(),
					details.additionalInfo());
			return new StatementEntry(position, credit, reversal, amount, currency, bookingDate, valueDate,
					bankReference, customerReference, supplementary, List.of(transaction));
		}

		/** The entry date (MMDD) in the year that puts it nearest the value date. */
		private static LocalDate entryDate(LocalDate valueDate, String mmdd) {
			LocalDate best = null;
			for (int year = valueDate.getYear() - 1; year <= valueDate.getYear() + 1; year++) {
				try {
					LocalDate candidate = LocalDate.parse(year + mmdd, DateTimeFormatter.BASIC_ISO_DATE);
					if (best == null || Math.abs(candidate.toEpochDay() - valueDate.toEpochDay()) < Math
						.abs(best.toEpochDay() - valueDate.toEpochDay())) {
						best = candidate;
					}
				}
				catch (DateTimeParseException ex) {
					// 29 February in a year without it
				}
			}
			return best == null ? valueDate : best;
		}

		private static @Nullable String blankOrNoRef(@Nullable String text) {
			if (text == null || text.isBlank() || "NONREF".equalsIgnoreCase(text.strip())) {
				return null;
			}
			return text.strip();
		}

	}

}
