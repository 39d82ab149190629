package org.credence.integration.bank;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What an MT940 {@code :86:} field says about a transaction. SWIFT leaves the field free
 * (6 lines of 65 characters), Prowide hands it over as text, and each bank fills it its
 * own way; the layouts known here:
 * <ul>
 * <li>SEPA structured codes ({@code /EREF/}, {@code /CNTP/account/BIC/name/},
 * {@code /REMI/USTD//text/} or {@code /REMI/STRD/CUR/reference/}, {@code /RTRN/} …) as
 * ING, ABN AMRO and Rabobank write them; lines are wrapped mid-word and joined without a
 * space;</li>
 * <li>mBank's {@code ;}-separated {@code KEY: value} pairs ({@code Z RACH.:} account,
 * {@code OD:} payer name and address, {@code TYT.:} title);</li>
 * <li>Knab's {@code REK: account/NAAM: name} line;</li>
 * <li>an account followed by the name on the first line (ASN Bank);</li>
 * <li>reference, account (digits), name, then text, one per line (Raiffeisen
 * Hungary);</li>
 * <li>anything else: all of it is remittance text.</li>
 * </ul>
 * Remittance lines are joined with a space, except after a line of full width (35 or 65
 * characters), where the bank wrapped a word.
 */
record Mt940Details(@Nullable String name, @Nullable String account, @Nullable String remittance,
		@Nullable String creditorReference, @Nullable String endToEndId, @Nullable String additionalInfo) {

	private static final List<String> SEPA_CODES = List.of("EREF", "PREF", "MARF", "CSID", "CNTP", "REMI", "RTRN",
			"SUM", "IREF", "ORDP", "BENM", "ULTC", "ULTD", "PURP", "BUSP", "ISDT", "EXCH", "CHGS", "OCMT", "TRCD");

	private static final Pattern SEPA_CODE = Pattern.compile("/(" + String.join("|", SEPA_CODES) + ")/");

	private static final Pattern KNAB = Pattern.compile("REK:\\s*([A-Z0-9 ]+?)\\s*/\\s*NAAM:\\s*(.+)");

	private static final Pattern ACCOUNT_AND_NAME = Pattern.compile("([A-Z]{2}[0-9]{2}[A-Z0-9]{8,30})\\s+(.+)");

	private static final Pattern DIGITS_ACCOUNT = Pattern.compile("[0-9]{8,34}");

	private static final Pattern MBANK_PAIR = Pattern.compile("(?s)\\s*([A-Z][A-Z .]*?):\\s?(.*)");

	static final Mt940Details NONE = new Mt940Details(null, null, null, null, null, null);

	static Mt940Details read(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return NONE;
		}
		List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
		String joined = String.join("", lines);
		if (joined.startsWith("/") && SEPA_CODE.matcher(joined).find()) {
			return sepa(joined);
		}
		String all = String.join("\n", lines);
		if (all.contains(";") && (all.contains("OD:") || all.contains("TYT.:") || all.contains("Z RACH.:"))) {
			return mbank(all);
		}
		for (int i = 0; i < lines.size(); i++) {
			Matcher knab = KNAB.matcher(lines.get(i).strip());
			if (knab.matches()) {
				List<String> rest = new ArrayList<>(lines);
				rest.remove(i);
				return new Mt940Details(knab.group(2).strip(), account(knab.group(1)), join(rest), null, null, null);
			}
		}
		Matcher first = ACCOUNT_AND_NAME.matcher(lines.get(0).strip());
		if (first.matches()) {
			return new Mt940Details(first.group(2).strip(), account(first.group(1)),
					join(lines.subList(1, lines.size())), null, null, null);
		}
		if (lines.size() >= 3 && DIGITS_ACCOUNT.matcher(lines.get(1).strip()).matches()) {
			return new Mt940Details(lines.get(2).strip(), lines.get(1).strip(), join(lines.subList(3, lines.size())),
					null, null, lines.get(0).strip());
		}
		return new Mt940Details(null, null, join(lines), null, null, null);
	}

	private static Mt940Details sepa(String text) {
		Map<String, String> codes = new LinkedHashMap<>();
		Matcher code = SEPA_CODE.matcher(text);
		List<int[]> found = new ArrayList<>();
		while (code.find()) {
			found.add(new int[] { code.start(), code.end() });
		}
		for (int i = 0; i < found.size(); i++) {
			String name = text.substring(found.get(i)[0] + 1, found.get(i)[1] - 1);
			int end = i + 1 < found.size() ? found.get(i + 1)[0] : text.length();
			codes.putIfAbsent(name, text.substring(found.get(i)[1], end));
		}
		String name = null;
		String account = null;
		String counterparty = codes.containsKey("CNTP") ? codes.get("CNTP")
				: codes.containsKey("ORDP") ? codes.get("ORDP") : codes.get("BENM");
		if (counterparty != null) {
			String[] parts = trimSlashes(counterparty).split("/", -1);
			account = parts.length > 0 && !parts[0].isBlank() ? account(parts[0]) : null;
			name = parts.length > 2 && !parts[2].isBlank() ? parts[2].strip() : null;
		}
		String remittance = null;
		String creditorReference = null;
		String remi = codes.get("REMI");
		if (remi != null) {
			String value = trimSlashes(remi);
			if (value.startsWith("USTD")) {
				remittance = blankToNull(value.substring(4).replaceFirst("^/+", ""));
			}
			else if (value.startsWith("STRD")) {
				String[] parts = value.split("/");
				creditorReference = blankToNull(parts[parts.length - 1]);
			}
			else {
				remittance = blankToNull(value);
			}
		}
		List<String> info = new ArrayList<>();
		for (String other : List.of("RTRN", "PREF", "MARF", "CSID", "PURP")) {
			String value = codes.get(other);
			if (value != null && !trimSlashes(value).isBlank()) {
				info.add(other + " " + trimSlashes(value));
			}
		}
		String endToEnd = codes.get("EREF") == null ? null : blankToNull(trimSlashes(codes.get("EREF")));
		return new Mt940Details(name, account, remittance, creditorReference, endToEnd,
				info.isEmpty() ? null : String.join("; ", info));
	}

	private static Mt940Details mbank(String text) {
		String name = null;
		String account = null;
		String title = null;
		List<String> info = new ArrayList<>();
		for (String segment : text.split(";")) {
			Matcher pair = MBANK_PAIR.matcher(segment);
			if (!pair.matches()) {
				continue;
			}
			String key = pair.group(1).strip().toUpperCase(Locale.ROOT);
			List<String> valueLines = pair.group(2).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
			if (valueLines.isEmpty()) {
				continue;
			}
			switch (key) {
				case "Z RACH." -> account = account(String.join("", valueLines));
				case "OD" -> name = valueLines.get(0).replaceAll("\\s+", " ");
				case "TYT." -> title = String.join(" ", valueLines).replaceAll("\\s+", " ");
				default -> info.add(key + ": " + String.join(" ", valueLines));
			}
		}
		return new Mt940Details(name, account, title, null, null, info.isEmpty() ? null : String.join("; ", info));
	}

	/** Lines joined with a space, or without one after a full-width (wrapped) line. */
	static @Nullable String join(List<String> lines) {
		StringBuilder text = new StringBuilder();
		String previous = null;
		for (String line : lines) {
			if (line.isBlank()) {
				continue;
			}
			if (previous != null && previous.length() != 35 && previous.length() != 65) {
				text.append(' ');
			}
			text.append(previous == null ? line.stripLeading() : line);
			previous = line;
		}
		return blankToNull(text.toString().strip());
	}

	static String account(String text) {
		return text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
	}

	private static String trimSlashes(String text) {
		return text.replaceAll("^/+|/+$", "").strip();
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
