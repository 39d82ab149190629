package org.credence.integration.bank;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import com.prowidesoftware.swift.model.MxId;
import com.prowidesoftware.swift.model.MxNode;
import com.prowidesoftware.swift.model.mx.AbstractMX;
import org.credence.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads ISO 20022 camt.053 bank-to-customer statements, versions 001.02 to 001.13.
 * <p>
 * The XML is first read by a parser with DTDs and external entities disabled; a document
 * that declares a DTD is refused, so no entity is ever resolved. Prowide's
 * {@code pw-iso20022} then identifies the message ({@link AbstractMX#parse}): only a
 * camt.053 it knows is accepted. The entries are read from Prowide's version-independent
 * tree ({@link MxNode}), because the typed classes differ per version (a payer's name is
 * {@code Dbtr/Nm} up to 001.07 and {@code Dbtr/Pty/Nm} from 001.08).
 * <p>
 * Normalisation before Prowide reads it: the Austrian Stuzza variant puts the statement
 * in the namespace {@code ISO:camt.053.001.02:APC:STUZZA:payments:003}; its content is
 * camt.053.001.02, so the namespace is replaced by the ISO one.
 */
final class CamtReader {

	private static final Pattern ISO_NAMESPACE = Pattern
		.compile("urn:iso:std:iso:20022:tech:xsd:camt\\.053\\.001\\.(\\d{2})");

	private static final Pattern NATIONAL_NAMESPACE = Pattern
		.compile("ISO:camt\\.053\\.001\\.(\\d{2}):[A-Za-z0-9:._-]+");

	private CamtReader() {
	}

	static boolean looksLikeXml(String text) {
		String start = text.stripLeading();
		return start.startsWith("<");
	}

	static List<BankStatement> read(String xml) {
		Document document = secureParse(xml);
		String namespace = document.getDocumentElement().getNamespaceURI();
		if (namespace == null) {
			throw new InvalidInputException("file", "integration.bank.camt.namespace", "");
		}
		String normalised = xml;
		Matcher national = NATIONAL_NAMESPACE.matcher(namespace);
		if (national.matches()) {
			normalised = xml
				.replace("\"" + namespace + "\"",
						"\"urn:iso:std:iso:20022:tech:xsd:camt.053.001." + national.group(1) + "\"")
				.replace("'" + namespace + "'",
						"'urn:iso:std:iso:20022:tech:xsd:camt.053.001." + national.group(1) + "'");
		}
		else if (!ISO_NAMESPACE.matcher(namespace).matches()) {
			throw new InvalidInputException("file", "integration.bank.camt.namespace", namespace);
		}
		AbstractMX message;
		try {
			message = AbstractMX.parse(normalised);
		}
		catch (RuntimeException ex) {
			message = null;
		}
		MxId id = message == null ? null : message.getMxId();
		if (id == null || !"camt".equals(id.getBusinessProcess().name()) || !"053".equals(id.getFunctionality())) {
			throw new InvalidInputException("file", "integration.bank.camt.namespace", namespace);
		}
		String format = "camt.053.001." + id.getVersion();
		MxNode root = MxNode.parse(normalised);
		List<BankStatement> statements = new ArrayList<>();
		for (MxNode statement : root.find("/Document/BkToCstmrStmt/Stmt")) {
			statements.add(statement(format, statement));
		}
		if (statements.isEmpty()) {
			throw new InvalidInputException("file", "integration.bank.file.unreadable");
		}
		return statements;
	}

	/**
	 * Parses with every DTD and external entity feature off (OWASP XXE prevention): a
	 * {@code DOCTYPE} is refused outright.
	 */
	private static Document secureParse(String xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			return builder.parse(new InputSource(new StringReader(xml)));
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException("XML parser cannot be secured", ex);
		}
		catch (SAXException | java.io.IOException ex) {
			String reason = ex.getMessage() == null ? "" : ex.getMessage();
			if (reason.contains("DOCTYPE")) {
				throw new InvalidInputException("file", "integration.bank.xml.doctype");
			}
			throw new InvalidInputException("file", "integration.bank.xml.invalid", reason);
		}
	}

	private static BankStatement statement(String format, MxNode statement) {
		String account = first(statement, "./Acct/Id/IBAN", "./Acct/Id/Othr/Id");
		String currency = first(statement, "./Acct/Ccy");
		BankStatement.Balance opening = null;
		BankStatement.Balance closing = null;
		for (MxNode balance : statement.find("./Bal")) {
			String type = first(balance, "./Tp/CdOrPrtry/Cd");
			if (type == null) {
				continue;
			}
			if (opening == null && ("OPBD".equals(type) || "PRCD".equals(type))) {
				opening = balance(balance);
			}
			else if (closing == null && "CLBD".equals(type)) {
				closing = balance(balance);
			}
		}
		List<StatementEntry> entries = new ArrayList<>();
		int position = 0;
		for (MxNode entry : statement.find("./Ntry")) {
			entries.add(entry(++position, entry));
		}
		if (currency == null) {
			currency = entries.isEmpty() ? "" : entries.get(0).currency();
		}
		String sequence = first(statement, "./LglSeqNb", "./ElctrncSeqNb");
		return new BankStatement(format, account == null ? "" : Mt940Details.account(account), first(statement, "./Id"),
				sequence, currency, opening, closing, entries);
	}

	private static BankStatement.Balance balance(MxNode balance) {
		MxNode amountNode = balance.findFirst("./Amt");
		BigDecimal amount = amount(amountNode);
		LocalDate date = date(first(balance, "./Dt/Dt", "./Dt/DtTm"));
		return new BankStatement.Balance(date, "DBIT".equals(first(balance, "./CdtDbtInd")) ? amount.negate() : amount);
	}

	private static StatementEntry entry(int position, MxNode entry) {
		MxNode amountNode = entry.findFirst("./Amt");
		BigDecimal amount = amount(amountNode);
		String currency = currency(amountNode);
		boolean credit = "CRDT".equals(first(entry, "./CdtDbtInd"));
		boolean reversal = "true".equalsIgnoreCase(first(entry, "./RvslInd"));
		LocalDate booking = date(first(entry, "./BookgDt/Dt", "./BookgDt/DtTm", "./ValDt/Dt", "./ValDt/DtTm"));
		String valueText = first(entry, "./ValDt/Dt", "./ValDt/DtTm");
		LocalDate value = valueText == null ? null : date(valueText);
		List<MxNode> details = entry.find("./NtryDtls/TxDtls");
		List<StatementTransaction> transactions = new ArrayList<>();
		for (MxNode detail : details) {
			transactions.add(transaction(detail, credit, amount, currency, details.size() == 1));
		}
		if (transactions.isEmpty()) {
			transactions.add(new StatementTransaction(amount, currency, null, null, null, null, null, null));
		}
		return new StatementEntry(position, credit, reversal, amount, currency, booking, value,
				first(entry, "./AcctSvcrRef", "./NtryRef"), null, first(entry, "./AddtlNtryInf"), transactions);
	}

	/**
	 * One transaction of an entry. The only transaction of an entry takes the entry's
	 * amount: some banks put a transaction amount there that contradicts it (0 SEK for an
	 * 8.85 EUR entry), and the entry is what was booked.
	 */
	private static StatementTransaction transaction(MxNode detail, boolean credit, BigDecimal entryAmount,
			String entryCurrency, boolean only) {
		BigDecimal amount = entryAmount;
		String currency = entryCurrency;
		if (!only) {
			MxNode amountNode = firstNode(detail, "./Amt", "./AmtDtls/TxAmt/Amt", "./AmtDtls/InstdAmt/Amt");
			if (amountNode != null) {
				amount = amount(amountNode);
				currency = currency(amountNode);
			}
		}
		String party = credit ? "Dbtr" : "Cdtr";
		String name = first(detail, "./RltdPties/" + party + "/Nm", "./RltdPties/" + party + "/Pty/Nm",
				"./RltdPties/Ultmt" + party + "/Nm", "./RltdPties/Ultmt" + party + "/Pty/Nm");
		String account = first(detail, "./RltdPties/" + party + "Acct/Id/IBAN",
				"./RltdPties/" + party + "Acct/Id/Othr/Id");
		List<String> unstructured = new ArrayList<>();
		for (MxNode line : detail.find("./RmtInf/Ustrd")) {
			if (line.getValue() != null && !line.getValue().isBlank()) {
				unstructured.add(line.getValue().strip());
			}
		}
		String reference = first(detail, "./RmtInf/Strd/CdtrRefInf/Ref");
		String endToEnd = first(detail, "./Refs/EndToEndId");
		if ("NOTPROVIDED".equalsIgnoreCase(endToEnd)) {
			endToEnd = null;
		}
		return new StatementTransaction(amount, currency, name, account == null ? null : Mt940Details.account(account),
				unstructured.isEmpty() ? null : String.join(" ", unstructured), reference, endToEnd,
				first(detail, "./AddtlTxInf"));
	}

	private static @Nullable MxNode firstNode(MxNode node, String... paths) {
		for (String path : paths) {
			MxNode found = node.findFirst(path);
			if (found != null && found.getValue() != null && !found.getValue().isBlank()) {
				return found;
			}
		}
		return null;
	}

	private static @Nullable String first(MxNode node, String... paths) {
		MxNode found = firstNode(node, paths);
		return found == null ? null : found.getValue().strip();
	}

	private static BigDecimal amount(@Nullable MxNode amount) {
		if (amount == null || amount.getValue() == null) {
			throw new InvalidInputException("file", "integration.bank.camt.amount.missing");
		}
		try {
			BigDecimal value = new BigDecimal(amount.getValue().strip());
			return value.setScale(Math.max(2, value.scale()));
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("file", "integration.bank.camt.amount.invalid", amount.getValue());
		}
	}

	private static String currency(MxNode amount) {
		String currency = amount.getAttribute("Ccy");
		return currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT);
	}

	/**
	 * A date, or the local date of a date-time as the bank wrote it (with its offset).
	 */
	private static LocalDate date(@Nullable String text) {
		if (text == null) {
			throw new InvalidInputException("file", "integration.bank.date.invalid", "");
		}
		try {
			if (text.length() > 10) {
				try {
					return OffsetDateTime.parse(text).toLocalDate();
				}
				catch (DateTimeParseException ex) {
					return LocalDate.parse(text.substring(0, 10));
				}
			}
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("file", "integration.bank.date.invalid", text);
		}
	}

}
