package org.credence.receivable;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.identity.AuditRecord;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.receivable.IssuedStatement.Status;
import org.credence.receivable.StatementReply.DisputedLine;
import org.credence.receivable.statement.StatementPdf;
import org.credence.receivable.statement.StatementPolicy;
import org.credence.receivable.statement.AccountStatementRepository;
import org.credence.receivable.statement.StatementText;
import org.credence.receivable.statement.StatementXlsx;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.NotFoundException;
import org.credence.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account statements (对账单): per customer and period the opening balance, every document
 * dated in the period with the running balance, and the closing balance, per document
 * currency (see {@link AccountStatement}); rendered as PDF or XLSX in the customer's
 * language (Chinese for customers in China, English otherwise, unless the caller asks for
 * one); issued to the customer for confirmation and the answer recorded.
 * <p>
 * Reading needs {@code RECEIVABLE_READ} and the customer in the caller's data scope (to
 * sales, another owner's customer and its statements do not exist); issuing and recording
 * answers need {@code RECEIVABLE_WRITE} and are audited on the customer's credit file.
 * The company's name printed on statements comes from {@code credence.company-name}
 * (Chinese) and {@code credence.company-name-en}.
 */
@Service
public class AccountStatements {

	/** The longest period one statement covers, in days. */
	public static final int MAX_DAYS = 1096;

	/** The statement languages: Simplified Chinese and English. */
	public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	public static final Locale ENGLISH = Locale.ENGLISH;

	private final AccountStatementRepository repository;

	private final Customers customers;

	private final FxRates fxRates;

	private final CurrentUser currentUser;

	private final AuditTrail auditTrail;

	private final MessageSource messages;

	private final Clock clock;

	private final String companyName;

	private final String companyNameEn;

	AccountStatements(AccountStatementRepository repository, Customers customers, FxRates fxRates,
			CurrentUser currentUser, AuditTrail auditTrail, MessageSource messages, Clock clock,
			@Value("${credence.company-name:Credence 示例贸易有限公司}") String companyName,
			@Value("${credence.company-name-en:Credence Example Trading Co., Ltd.}") String companyNameEn) {
		this.repository = repository;
		this.customers = customers;
		this.fxRates = fxRates;
		this.currentUser = currentUser;
		this.auditTrail = auditTrail;
		this.messages = messages;
		this.clock = clock;
		this.companyName = companyName;
		this.companyNameEn = companyNameEn;
	}

	/**
	 * The statement of a customer for a period, both days included.
	 * @throws InvalidInputException naming {@code from} or {@code to} when either is
	 * missing, the period ends before it starts, after today, or is longer than
	 * {@value #MAX_DAYS} days
	 * @throws NotFoundException when the customer is unknown or outside the caller's
	 * scope
	 */
	@Transactional(readOnly = true)
	public AccountStatement statement(String customerCode, @Nullable LocalDate from, @Nullable LocalDate to) {
		this.currentUser.require(Permission.RECEIVABLE_READ);
		requirePeriod(from, to);
		return build(this.customers.get(customerCode), from, to);
	}

	/**
	 * The statement rendered for download, not issued: marked as a preview.
	 * @param language {@code zh-CN} or {@code en}; absent for the customer's language
	 * @throws InvalidInputException as {@link #statement}, or naming {@code lang}
	 */
	@Transactional(readOnly = true)
	public StatementFile render(String customerCode, @Nullable LocalDate from, @Nullable LocalDate to,
			StatementFormat format, @Nullable String language) {
		this.currentUser.require(Permission.RECEIVABLE_READ);
		requirePeriod(from, to);
		CustomerDetails customer = this.customers.get(customerCode);
		Locale locale = language(customer, language);
		AccountStatement statement = build(customer, from, to);
		StatementText text = new StatementText(this.messages, locale);
		String company = companyName(locale);
		byte[] content = format == StatementFormat.PDF ? StatementPdf.render(statement, text, company, null, today())
				: StatementXlsx.render(statement, text, company, null, today());
		return new StatementFile(fileName(text, customerCode, from, to, null, format), format.contentType(), content);
	}

	/**
	 * Issues the statement to the customer: renders the PDF with the statement's number,
	 * keeps it with its SHA-256, the balances and the lines as printed; audited.
	 * @throws InvalidInputException as {@link #render}
	 */
	@Transactional
	public IssuedStatement issue(String customerCode, @Nullable LocalDate from, @Nullable LocalDate to,
			@Nullable String language) {
		this.currentUser.require(Permission.RECEIVABLE_WRITE);
		requirePeriod(from, to);
		CustomerDetails customer = this.customers.get(customerCode);
		Locale locale = language(customer, language);
		AccountStatement statement = build(customer, from, to);
		StatementText text = new StatementText(this.messages, locale);
		// the number is the row's id: take it first, then render the PDF that prints it
		long id = this.repository.insert(statement, tag(locale), this.currentUser.username(), this.clock.instant(),
				new byte[0], "0".repeat(64));
		byte[] pdf = StatementPdf.render(statement, text, companyName(locale), IssuedStatement.number(id), today());
		String sha256 = sha256(pdf);
		this.repository.storePdf(id, pdf, sha256);
		IssuedStatement issued = this.repository.find(id).orElseThrow();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("number", issued.number());
		after.put("from", from.toString());
		after.put("to", to.toString());
		after.put("language", issued.language());
		after.put("closing", closingBalances(issued));
		after.put("companyClosing", issued.companyClosing().toPlainString() + " " + issued.companyCurrency());
		after.put("pdfSha256", sha256);
		this.auditTrail.record(new AuditRecord(customer.auditSubject(), "account-statement", issued.number(), "ISSUED",
				null, after, null));
		return issued;
	}

	/** A customer's issued statements, newest period first. */
	@Transactional(readOnly = true)
	public List<IssuedStatement> issued(String customerCode) {
		this.currentUser.require(Permission.RECEIVABLE_READ);
		this.customers.get(customerCode);
		return this.repository.ofCustomer(customerCode);
	}

	/**
	 * An issued statement with its lines and answer.
	 * @throws NotFoundException when unknown or its customer is outside the caller's
	 * scope
	 */
	@Transactional(readOnly = true)
	public IssuedStatement issuedStatement(long id) {
		this.currentUser.require(Permission.RECEIVABLE_READ);
		IssuedStatement statement = this.repository.find(id)
			.orElseThrow(() -> new NotFoundException("receivable.statement.not-found", IssuedStatement.number(id)));
		if (this.customers.find(statement.customerCode()).isEmpty()) {
			throw new NotFoundException("receivable.statement.not-found", IssuedStatement.number(id));
		}
		return statement;
	}

	/** The PDF exactly as it was issued. */
	@Transactional(readOnly = true)
	public StatementFile issuedPdf(long id) {
		IssuedStatement statement = issuedStatement(id);
		StatementText text = new StatementText(this.messages, Locale.forLanguageTag(statement.language()));
		return new StatementFile(fileName(text, statement.customerCode(), statement.from(), statement.to(),
				statement.number(), StatementFormat.PDF), StatementFile.PDF, this.repository.pdf(id).orElseThrow());
	}

	/**
	 * Records the customer's answer: CONFIRMED, or DISPUTED with the lines (by the
	 * numbers printed) and a note; audited. A statement is answered once: after a
	 * correction, issue a new one.
	 * @throws InvalidInputException naming {@code status} when missing,
	 * {@code disputedLines} when a confirmation names lines, {@code note} when a dispute
	 * says nothing, {@code disputedLines[i].line} for a line the statement does not have
	 * @throws RuleViolationException {@code STATEMENT_ANSWERED} when answered already
	 */
	@Transactional
	public IssuedStatement reply(long id, StatementReply reply) {
		this.currentUser.require(Permission.RECEIVABLE_WRITE);
		IssuedStatement statement = issuedStatement(id);
		List<FieldProblem> problems = new ArrayList<>();
		List<DisputedLine> lines = reply.disputedLines() == null ? List.of() : reply.disputedLines();
		String note = reply.note() == null || reply.note().isBlank() ? null : reply.note().strip();
		if (note != null && note.length() > 2000) {
			problems.add(new FieldProblem("note", "receivable.field.too-long", 2000));
		}
		if (reply.status() == null || reply.status() == Status.ISSUED) {
			problems.add(new FieldProblem("status", "receivable.statement.reply.status.required"));
		}
		else if (reply.status() == Status.CONFIRMED && !lines.isEmpty()) {
			problems.add(new FieldProblem("disputedLines", "receivable.statement.reply.lines.confirmed"));
		}
		else if (reply.status() == Status.DISPUTED && note == null) {
			problems.add(new FieldProblem("note", "receivable.statement.reply.note.required"));
		}
		Set<Integer> known = new LinkedHashSet<>();
		statement.lines().forEach(l -> known.add(l.lineNo()));
		Map<Integer, @Nullable String> disputed = new LinkedHashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			DisputedLine line = lines.get(i);
			String field = "disputedLines[" + i + "].line";
			if (line == null || line.line() == null) {
				problems.add(new FieldProblem(field, "receivable.field.required"));
			}
			else if (!known.contains(line.line())) {
				problems.add(new FieldProblem(field, "receivable.statement.reply.line.unknown", statement.number(),
						line.line()));
			}
			else if (line.comment() != null && line.comment().strip().length() > 1000) {
				problems.add(new FieldProblem("disputedLines[" + i + "].comment", "receivable.field.too-long", 1000));
			}
			else {
				disputed.put(line.line(),
						line.comment() == null || line.comment().isBlank() ? null : line.comment().strip());
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (!this.repository.answer(id, reply.status(), note, this.currentUser.username(), this.clock.instant())) {
			throw new RuleViolationException("STATEMENT_ANSWERED", "receivable.statement.answered", statement.number());
		}
		disputed.forEach((line, comment) -> this.repository.markDisputed(id, line, comment));
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", reply.status().name());
		after.put("disputedLines", new ArrayList<>(disputed.keySet()));
		after.put("note", note);
		this.auditTrail
			.record(new AuditRecord(CustomerDetails.auditSubject(statement.customerCode()), "account-statement",
					statement.number(), reply.status().name(), Map.of("status", Status.ISSUED.name()), after, note));
		return this.repository.find(id).orElseThrow();
	}

	/**
	 * The language a customer's statements are in: Chinese for customers in China,
	 * English for the rest, unless {@code requested} names one.
	 * @throws InvalidInputException naming {@code lang} for a language other than
	 * {@code zh-CN}/{@code zh} or {@code en}
	 */
	public static Locale language(CustomerDetails customer, @Nullable String requested) {
		if (requested == null || requested.isBlank()) {
			return "CN".equalsIgnoreCase(customer.country()) ? CHINESE : ENGLISH;
		}
		String tag = requested.strip().replace('_', '-').toLowerCase(Locale.ROOT);
		if (tag.equals("zh") || tag.equals("zh-cn") || tag.equals("zh-hans")) {
			return CHINESE;
		}
		if (tag.equals("en") || tag.startsWith("en-")) {
			return ENGLISH;
		}
		throw new InvalidInputException("lang", "receivable.statement.language.unknown", requested);
	}

	private AccountStatement build(CustomerDetails customer, LocalDate from, LocalDate to) {
		Map<String, BigDecimal> openings = this.repository.balancesBefore(customer.code(), from);
		return StatementPolicy.statement(customer.code(), customer.name(), customer.country(), from, to,
				this.fxRates.companyCurrency(), openings, this.repository.movements(customer.code(), from, to),
				this.fxRates::rateOn);
	}

	private void requirePeriod(@Nullable LocalDate from, @Nullable LocalDate to) {
		List<FieldProblem> problems = new ArrayList<>();
		if (from == null) {
			problems.add(new FieldProblem("from", "receivable.field.required"));
		}
		if (to == null) {
			problems.add(new FieldProblem("to", "receivable.field.required"));
		}
		else if (to.isAfter(today())) {
			problems.add(new FieldProblem("to", "receivable.statement.period.future"));
		}
		if (from != null && to != null) {
			if (to.isBefore(from)) {
				problems.add(new FieldProblem("to", "receivable.statement.period.invalid"));
			}
			else if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
				problems.add(new FieldProblem("from", "receivable.statement.period.too-long", MAX_DAYS));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private String companyName(Locale locale) {
		return locale.getLanguage().equals("zh") ? this.companyName : this.companyNameEn;
	}

	private static String tag(Locale locale) {
		return locale.getLanguage().equals("zh") ? "zh-CN" : "en";
	}

	private static String fileName(StatementText text, String customerCode, LocalDate from, LocalDate to,
			@Nullable String number, StatementFormat format) {
		return text.get("file-name") + "-" + customerCode + "-" + from + "-" + to + (number == null ? "" : "-" + number)
				+ "." + format.extension();
	}

	private static List<String> closingBalances(IssuedStatement issued) {
		return issued.balances().stream().map(b -> b.closing().toPlainString() + " " + b.currency()).toList();
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
