package org.credence.customer.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.customer.document.Document;
import org.credence.customer.document.DocumentType;
import org.credence.customer.document.DocumentUpload;
import org.credence.customer.document.Documents;
import org.credence.identity.AuditRecord;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.NotFoundException;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * External credit reports and peer or supplier feedback of a customer, newest first.
 * Reading needs the right to read the customer; recording needs
 * {@link Permission#CUSTOMER_WRITE}. A report's file is kept as a document of the same
 * credit file.
 */
@Service
public class ExternalReports {

	private static final BigDecimal MAX_SCORE = new BigDecimal("99999999.99");

	private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999999.99");

	private final ReportRepository repository;

	private final Customers customers;

	private final Documents documents;

	private final CurrentUser currentUser;

	private final AuditTrail auditTrail;

	private final Clock clock;

	ExternalReports(ReportRepository repository, Customers customers, Documents documents, CurrentUser currentUser,
			AuditTrail auditTrail, Clock clock) {
		this.repository = repository;
		this.customers = customers;
		this.documents = documents;
		this.currentUser = currentUser;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/**
	 * One page of a customer's external reports, the latest report date first.
	 * @throws NotFoundException when the customer is not in the caller's scope
	 */
	@Transactional(readOnly = true)
	public PageResult<ExternalReport> reports(String customerCode, Paging paging) {
		CustomerDetails customer = this.customers.get(customerCode);
		return new PageResult<>(
				this.repository.findReports(customer.id(), customer.code(), paging.size(), paging.offset()),
				paging.page(), paging.size(), this.repository.countReports(customer.id()));
	}

	/**
	 * Of each customer, the score of its latest external report that gives one (latest by
	 * report date, then by entry): one query for many customers. Customers without such a
	 * report, unknown, or outside the caller's scope are left out.
	 */
	@Transactional(readOnly = true)
	public Map<String, BigDecimal> latestScores(java.util.Collection<String> customerCodes) {
		java.util.Set<String> known = this.customers.known(customerCodes);
		return known.isEmpty() ? Map.of() : this.repository.latestScores(known);
	}

	/**
	 * Records an external report; {@code documentId}, when given, must name a document of
	 * the same customer.
	 * @throws InvalidInputException when fields are invalid
	 * @throws NotFoundException when the customer is not in the caller's scope
	 */
	@Transactional
	public ExternalReport record(String customerCode, ExternalReportDraft draft) {
		this.currentUser.require(Permission.CUSTOMER_WRITE);
		CustomerDetails customer = this.customers.get(customerCode);
		ExternalReportDraft report = normalised(draft);
		List<FieldProblem> problems = problems(report);
		if (report.documentId() != null && this.documents.find(customerCode, report.documentId()).isEmpty()) {
			problems.add(new FieldProblem("documentId", "customer.report.document.unknown"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = this.repository.insertReport(customer.id(), report, this.currentUser.username(),
				this.clock.instant());
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("agency", report.agency());
		state.put("reportDate", String.valueOf(report.reportDate()));
		state.put("score", report.score() == null ? null : report.score().toPlainString());
		state.put("rating", report.rating());
		state.put("lawsuits", report.lawsuits());
		state.put("summary", report.summary());
		state.put("documentId", report.documentId());
		this.auditTrail
			.record(AuditRecord.created(customer.auditSubject(), "external-report", Long.toString(id), state));
		return this.repository.findReport(customer.id(), customer.code(), id).orElseThrow();
	}

	/**
	 * Records an external report with its file, which becomes a
	 * {@link DocumentType#CREDIT_REPORT} document of the credit file. Both are stored, or
	 * neither.
	 * @throws InvalidInputException when fields or the file are invalid
	 */
	@Transactional
	public ExternalReport record(String customerCode, ExternalReportDraft draft, DocumentUpload file) {
		this.currentUser.require(Permission.CUSTOMER_WRITE);
		ExternalReportDraft report = normalised(draft);
		List<FieldProblem> problems = problems(report);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String title = file.title() != null ? file.title() : report.agency() + " " + report.reportDate();
		Document document = this.documents.upload(customerCode,
				new DocumentUpload(DocumentType.CREDIT_REPORT, title, file.fileName(), file.content()));
		return record(customerCode, report.withDocument(document.id()));
	}

	/**
	 * One page of a customer's peer and supplier feedback, the latest first.
	 * @throws NotFoundException when the customer is not in the caller's scope
	 */
	@Transactional(readOnly = true)
	public PageResult<Feedback> feedback(String customerCode, Paging paging) {
		CustomerDetails customer = this.customers.get(customerCode);
		return new PageResult<>(
				this.repository.findFeedback(customer.id(), customer.code(), paging.size(), paging.offset()),
				paging.page(), paging.size(), this.repository.countFeedback(customer.id()));
	}

	/**
	 * Records what a peer or supplier reported about the customer's payments.
	 * @throws InvalidInputException when fields are invalid
	 * @throws NotFoundException when the customer is not in the caller's scope
	 */
	@Transactional
	public Feedback recordFeedback(String customerCode, FeedbackDraft draft) {
		this.currentUser.require(Permission.CUSTOMER_WRITE);
		CustomerDetails customer = this.customers.get(customerCode);
		FeedbackDraft feedback = new FeedbackDraft(draft.sourceType(), text(draft.sourceName()), draft.receivedOn(),
				draft.paymentExperience(), draft.creditAmount(), text(draft.comment()));
		List<FieldProblem> problems = new ArrayList<>();
		if (feedback.sourceType() == null) {
			problems.add(new FieldProblem("sourceType", "customer.feedback.source-type.required"));
		}
		if (feedback.sourceName() == null) {
			problems.add(new FieldProblem("sourceName", "customer.feedback.source-name.required"));
		}
		else if (feedback.sourceName().length() > 200) {
			problems.add(new FieldProblem("sourceName", "customer.activity.too-long", 200));
		}
		date("receivedOn", feedback.receivedOn(), problems);
		if (feedback.paymentExperience() == null) {
			problems.add(new FieldProblem("paymentExperience", "customer.feedback.payment-experience.required"));
		}
		if (feedback.creditAmount() != null && (feedback.creditAmount().isNegative()
				|| feedback.creditAmount().amount().compareTo(MAX_AMOUNT) > 0)) {
			problems.add(new FieldProblem("creditAmount", "customer.feedback.credit-amount.invalid"));
		}
		if (feedback.comment() != null && feedback.comment().length() > 4000) {
			problems.add(new FieldProblem("comment", "customer.activity.too-long", 4000));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = this.repository.insertFeedback(customer.id(), feedback, this.currentUser.username(),
				this.clock.instant());
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("sourceType", String.valueOf(feedback.sourceType()));
		state.put("sourceName", feedback.sourceName());
		state.put("receivedOn", String.valueOf(feedback.receivedOn()));
		state.put("paymentExperience", String.valueOf(feedback.paymentExperience()));
		state.put("creditAmount", feedback.creditAmount() == null ? null : feedback.creditAmount().toString());
		state.put("comment", feedback.comment());
		this.auditTrail.record(AuditRecord.created(customer.auditSubject(), "feedback", Long.toString(id), state));
		return this.repository.findFeedback(customer.id(), customer.code(), id).orElseThrow();
	}

	private List<FieldProblem> problems(ExternalReportDraft report) {
		List<FieldProblem> problems = new ArrayList<>();
		if (report.agency() == null) {
			problems.add(new FieldProblem("agency", "customer.report.agency.required"));
		}
		else if (report.agency().length() > 100) {
			problems.add(new FieldProblem("agency", "customer.activity.too-long", 100));
		}
		date("reportDate", report.reportDate(), problems);
		if (report.score() != null && report.score().abs().compareTo(MAX_SCORE) > 0) {
			problems.add(new FieldProblem("score", "customer.report.score.invalid"));
		}
		if (report.rating() != null && report.rating().length() > 20) {
			problems.add(new FieldProblem("rating", "customer.activity.too-long", 20));
		}
		if (report.lawsuits() != null && report.lawsuits() < 0) {
			problems.add(new FieldProblem("lawsuits", "customer.report.lawsuits.negative"));
		}
		if (report.summary() != null && report.summary().length() > 4000) {
			problems.add(new FieldProblem("summary", "customer.activity.too-long", 4000));
		}
		return problems;
	}

	private void date(String field, @Nullable LocalDate date, List<FieldProblem> problems) {
		if (date == null) {
			problems.add(new FieldProblem(field, "customer.activity.date.required"));
		}
		else if (date.isAfter(LocalDate.now(this.clock))) {
			problems.add(new FieldProblem(field, "customer.activity.date.future"));
		}
	}

	private static ExternalReportDraft normalised(ExternalReportDraft draft) {
		return new ExternalReportDraft(text(draft.agency()), draft.reportDate(),
				draft.score() == null ? null : draft.score().setScale(2, RoundingMode.HALF_UP), text(draft.rating()),
				draft.lawsuits() == null ? 0 : draft.lawsuits(), text(draft.summary()), draft.documentId());
	}

	private static @Nullable String text(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
