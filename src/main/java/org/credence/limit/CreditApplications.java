package org.credence.limit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.credence.customer.CustomerDetails;
import org.credence.customer.CustomerQuery;
import org.credence.customer.Customers;
import org.credence.identity.AuditRecord;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.identity.Role;
import org.credence.limit.CreditApplication.Advice;
import org.credence.limit.CreditApplication.ApplicationStatus;
import org.credence.limit.CreditApplication.Approval;
import org.credence.limit.CreditApplication.Decision;
import org.credence.limit.CreditApplication.Step;
import org.credence.limit.application.ApplicationRepository;
import org.credence.limit.application.ApplicationRepository.StepRow;
import org.credence.limit.application.ApplicationRow;
import org.credence.limit.application.ApprovalMatrix;
import org.credence.limit.application.ApprovalMatrix.Band;
import org.credence.limit.application.ApprovalMatrix.Matrix;
import org.credence.limit.application.ApprovalMatrix.StepRule;
import org.credence.receivable.FxRates;
import org.credence.shared.ConflictException;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.NotFoundException;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.credence.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credit applications (授信申请) and their approval: submission with the policy's
 * recommendation and a route from the {@linkplain ApprovalMatrix approval matrix},
 * decisions step by step under the four-eyes rules, return and resubmission,
 * cancellation, and on the last approval the credit line change in the same transaction.
 * <p>
 * Four-eyes: nobody decides a step of their own application, and nobody approves two
 * steps of one submission (nor twice in a committee step).
 */
@Service
public class CreditApplications {

	/** The largest attachment accepted, in bytes. */
	public static final int MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

	/** The most attachments one application keeps. */
	public static final int MAX_ATTACHMENTS = 10;

	private static final Set<String> CONTENT_TYPES = Set.of("application/pdf", "image/png", "image/jpeg", "image/gif",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/msword",
			"application/vnd.ms-excel", "text/plain", "text/csv", "application/csv");

	/** Types by file extension, for browsers that send none or a generic one. */
	private static final Map<String, String> EXTENSIONS = Map.ofEntries(Map.entry("pdf", "application/pdf"),
			Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
			Map.entry("gif", "image/gif"),
			Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
			Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
			Map.entry("doc", "application/msword"), Map.entry("xls", "application/vnd.ms-excel"),
			Map.entry("csv", "text/csv"), Map.entry("txt", "text/plain"));

	private final ApplicationRepository repository;

	private final ApprovalMatrix matrix;

	private final CreditPolicies policies;

	private final CreditLines lines;

	private final Customers customers;

	private final FxRates fxRates;

	private final CurrentUser currentUser;

	private final AuditTrail auditTrail;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration reminderAfter;

	CreditApplications(ApplicationRepository repository, ApprovalMatrix matrix, CreditPolicies policies,
			CreditLines lines, Customers customers, FxRates fxRates, CurrentUser currentUser, AuditTrail auditTrail,
			ApplicationEventPublisher events, Clock clock,
			@Value("${credence.limit.reminder-after:PT24H}") Duration reminderAfter) {
		this.repository = repository;
		this.matrix = matrix;
		this.policies = policies;
		this.lines = lines;
		this.customers = customers;
		this.fxRates = fxRates;
		this.currentUser = currentUser;
		this.auditTrail = auditTrail;
		this.events = events;
		this.clock = clock;
		this.reminderAfter = reminderAfter;
	}

	/** How long a step may wait before its approvers are reminded. */
	public Duration reminderAfter() {
		return this.reminderAfter;
	}

	/**
	 * Submits an application for a customer in the caller's data scope: recommendation,
	 * flags and route are fixed now; the first step waits. Needs {@code limit:apply}.
	 * @throws InvalidInputException for bad fields (400)
	 * @throws RuleViolationException {@code CREDIT_LINE_EXISTS} for NEW while a line is
	 * in force, {@code NO_CREDIT_LINE} for a change without a line (422)
	 * @throws ConflictException while another application of the customer is open (409)
	 */
	@Transactional
	public CreditApplication submit(CreditApplicationRequest request) {
		this.currentUser.require(Permission.LIMIT_APPLY);
		Checked checked = check(request);
		this.repository.lockCustomer(checked.customer().code());
		if (this.repository.hasOpen(checked.customer().code(), -1)) {
			throw new ConflictException("limit.application.open-exists", checked.customer().code());
		}
		Instant now = this.clock.instant();
		Matrix active = this.matrix.active();
		Band band = ApprovalMatrix.route(active, checked.type() == ApplicationType.DECREASE,
				!checked.recommendation().rated() || "HIGH".equals(checked.recommendation().riskClass()),
				checked.routingAmount());
		Recommendation rec = checked.recommendation();
		ApplicationRow row = new ApplicationRow(0, checked.customer().code(), checked.customer().name(), checked.type(),
				checked.amount(), checked.currency(), checked.termsDays(), checked.validTo(), null, checked.reason(),
				ApplicationStatus.IN_APPROVAL, rec.rated(), rec.grade(), rec.riskClass(), checked.currentLimit(),
				rec.amount(), rec.currency(), rec.termsDays(), rec.maxTermsDays(), rec.gradeMaximum(), rec.basisZh(),
				rec.basisEn(), checked.resultingLimit(), checked.routingAmount(), active.version(), 1, 1, now,
				this.currentUser.username(), now, now, null, 0);
		long id;
		try {
			id = this.repository.insert(row);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("limit.application.open-exists", checked.customer().code());
		}
		writeRoute(id, 1, band);
		CreditApplication created = view(this.repository.find(id).orElseThrow());
		this.auditTrail.record(AuditRecord.created(CustomerDetails.auditSubject(created.customerCode()),
				"credit-application", Long.toString(id), state(created)));
		this.events.publishEvent(new CreditApplicationSubmitted(id, created.customerCode(), created.type(),
				created.amount(), created.currency(), 1, band.steps().get(0).role().name(), created.requestedBy()));
		return created;
	}

	/**
	 * Submits an application with its files, all or nothing: every file is checked (size
	 * as declared, type, count) before anything is written, and stored in the same
	 * transaction.
	 * @throws InvalidInputException for bad fields or files ({@code file}) (400)
	 */
	@Transactional
	public CreditApplication submit(CreditApplicationRequest request, List<Upload> files) {
		this.currentUser.require(Permission.LIMIT_APPLY);
		List<FieldProblem> fileProblems = new ArrayList<>();
		for (Upload upload : files) {
			try {
				checkFile(upload);
			}
			catch (InvalidInputException ex) {
				fileProblems.addAll(ex.problems());
			}
		}
		if (files.size() > MAX_ATTACHMENTS) {
			fileProblems.add(new FieldProblem("file", "limit.application.file.too-many", MAX_ATTACHMENTS));
		}
		if (!fileProblems.isEmpty()) {
			List<FieldProblem> problems = new ArrayList<>();
			try {
				check(request);
			}
			catch (InvalidInputException ex) {
				problems.addAll(ex.problems());
			}
			catch (RuleViolationException ex) {
				// the files are refused first; the rule is checked again on the next try
			}
			problems.addAll(fileProblems);
			throw new InvalidInputException(problems);
		}
		CreditApplication created = submit(request);
		if (files.isEmpty()) {
			return created;
		}
		store(this.repository.lock(created.id()).orElseThrow(), files);
		return view(this.repository.find(created.id()).orElseThrow());
	}

	/**
	 * Resubmits a returned application as amended, by its requester: a fresh
	 * recommendation and route, the first step waits again.
	 */
	@Transactional
	public CreditApplication resubmit(long id, CreditApplicationRequest request) {
		this.currentUser.require(Permission.LIMIT_APPLY);
		ApplicationRow row = locked(id);
		requireRequester(row);
		if (row.status() != ApplicationStatus.RETURNED) {
			throw new ConflictException("limit.application.not-returned", id, row.status().name());
		}
		CreditApplicationRequest amended = new CreditApplicationRequest(row.customerCode(),
				request.type() == null ? row.type() : request.type(), request.amount(), request.currency(),
				request.termsDays(), request.validTo(), request.reason());
		Checked checked = check(amended);
		CreditApplication before = view(row);
		Instant now = this.clock.instant();
		Matrix active = this.matrix.active();
		Recommendation rec = checked.recommendation();
		Band band = ApprovalMatrix.route(active, checked.type() == ApplicationType.DECREASE,
				!rec.rated() || "HIGH".equals(rec.riskClass()), checked.routingAmount());
		int round = row.round() + 1;
		ApplicationRow next = new ApplicationRow(id, row.customerCode(), row.customerName(), checked.type(),
				checked.amount(), checked.currency(), checked.termsDays(), checked.validTo(), null, checked.reason(),
				ApplicationStatus.IN_APPROVAL, rec.rated(), rec.grade(), rec.riskClass(), checked.currentLimit(),
				rec.amount(), rec.currency(), rec.termsDays(), rec.maxTermsDays(), rec.gradeMaximum(), rec.basisZh(),
				rec.basisEn(), checked.resultingLimit(), checked.routingAmount(), active.version(), round, 1, now,
				row.requestedBy(), row.createdAt(), now, null, row.rowVersion());
		this.repository.update(next);
		writeRoute(id, round, band);
		CreditApplication after = view(this.repository.find(id).orElseThrow());
		this.auditTrail.record(new AuditRecord(CustomerDetails.auditSubject(row.customerCode()), "credit-application",
				Long.toString(id), "RESUBMITTED", state(before), state(after), null));
		this.events.publishEvent(new CreditApplicationSubmitted(id, after.customerCode(), after.type(), after.amount(),
				after.currency(), round, band.steps().get(0).role().name(), after.requestedBy()));
		return after;
	}

	/**
	 * Decides the current step as the caller: APPROVE (the step is done when it has its
	 * required distinct approvals; the last step approves the application and changes the
	 * credit line), REJECT (ends the application) or RETURN (back to the requester).
	 * @throws AccessDeniedException without {@code limit:approve} or the step's role
	 * (403)
	 * @throws ConflictException when the application is not in approval (409)
	 * @throws RuleViolationException {@code OWN_APPLICATION} for the requester,
	 * {@code ALREADY_APPROVED} for a second approval by the same person (422)
	 * @throws InvalidInputException without a decision, or without a comment for REJECT
	 * and RETURN (400)
	 */
	@Transactional
	public CreditApplication decide(long id, @Nullable Decision decision, @Nullable String comment) {
		this.currentUser.require(Permission.LIMIT_APPROVE);
		String text = comment == null || comment.isBlank() ? null : comment.strip();
		List<FieldProblem> problems = new ArrayList<>();
		if (decision == null) {
			problems.add(new FieldProblem("decision", "limit.application.decision.required"));
		}
		else if (decision != Decision.APPROVE && text == null) {
			problems.add(new FieldProblem("comment", "limit.application.comment.required"));
		}
		if (text != null && text.length() > 2000) {
			problems.add(new FieldProblem("comment", "limit.application.comment.too-long"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		ApplicationRow row = locked(id);
		if (row.status() != ApplicationStatus.IN_APPROVAL || row.currentLevel() == null) {
			throw new ConflictException("limit.application.not-in-approval", id, row.status().name());
		}
		String me = this.currentUser.username();
		List<StepRow> steps = this.repository.steps(id, row.round());
		StepRow step = steps.stream().filter(s -> s.level() == row.currentLevel()).findFirst().orElseThrow();
		if (!this.currentUser.hasRole(Role.valueOf(step.role()))) {
			throw new AccessDeniedException("Step " + step.level() + " needs role " + step.role());
		}
		if (me.equals(row.requestedBy())) {
			throw new RuleViolationException("OWN_APPLICATION", "limit.application.own");
		}
		List<Approval> decisions = this.repository.decisions(id);
		if (decision == Decision.APPROVE) {
			if (approvedBefore(decisions, me, row.round(), step.level())) {
				throw new RuleViolationException("ALREADY_APPROVED", "limit.application.already-approved");
			}
			long approvalsSoFar = decisions.stream()
				.filter(d -> d.round() == row.round() && d.level() == step.level() && "APPROVE".equals(d.decision()))
				.count();
			boolean lastStep = steps.stream().noneMatch(s -> s.level() > step.level());
			if (lastStep && approvalsSoFar + 1 >= step.required()) {
				requireApplicable(row.customerCode(), row.type(), row.validTo(), row.currency());
			}
		}
		CreditApplication before = view(row);
		Instant now = this.clock.instant();
		this.repository.insertDecision(id, row.round(), step.level(), me, decision.name(), text, now);
		ApplicationStatus status = row.status();
		Integer level = row.currentLevel();
		Instant since = row.stepSince();
		Instant decidedAt = null;
		LocalDate effectiveFrom = null;
		switch (decision) {
			case APPROVE -> {
				long approvals = decisions.stream()
					.filter(d -> d.round() == row.round() && d.level() == step.level()
							&& "APPROVE".equals(d.decision()))
					.count() + 1;
				if (approvals >= step.required()) {
					this.repository.setStepStatus(id, row.round(), step.level(), "APPROVED");
					Optional<StepRow> next = steps.stream().filter(s -> s.level() > step.level()).findFirst();
					if (next.isPresent()) {
						level = next.get().level();
						since = now;
					}
					else {
						status = ApplicationStatus.APPROVED;
						level = null;
						since = null;
						decidedAt = now;
						effectiveFrom = LocalDate.now(this.clock);
					}
				}
			}
			case REJECT, RETURN -> {
				this.repository.setStepStatus(id, row.round(), step.level(),
						decision == Decision.REJECT ? "REJECTED" : "RETURNED");
				this.repository.skipAfter(id, row.round(), step.level());
				status = decision == Decision.REJECT ? ApplicationStatus.REJECTED : ApplicationStatus.RETURNED;
				level = null;
				since = null;
				decidedAt = decision == Decision.REJECT ? now : null;
			}
		}
		this.repository.update(withState(row, status, level, since, decidedAt, effectiveFrom));
		if (status == ApplicationStatus.APPROVED) {
			CreditApplicationApproved approved = new CreditApplicationApproved(id, row.customerCode(), row.type(),
					row.amount(), row.currency(), row.termsDays(), effectiveFrom, row.validTo(), row.requestedBy(), me);
			this.lines.applyApproved(approved);
			this.events.publishEvent(approved);
		}
		CreditApplication after = view(this.repository.find(id).orElseThrow());
		this.auditTrail.record(new AuditRecord(CustomerDetails.auditSubject(row.customerCode()), "credit-application",
				Long.toString(id), "DECIDED_" + decision.name(), state(before), state(after), text));
		this.events.publishEvent(new CreditApplicationDecided(id, row.customerCode(), step.level(), decision.name(),
				status.name(), me, text));
		return after;
	}

	/**
	 * Withdraws an open application, by its requester ({@code limit:apply}), or cancels
	 * anyone's open application as credit manager ({@code limit:policy}) with a reason:
	 * for a requester who left or lost the customer.
	 * @throws InvalidInputException when a manager gives no reason (400)
	 * @throws RuleViolationException {@code NOT_REQUESTER} for anyone else (422)
	 */
	@Transactional
	public CreditApplication cancel(long id, @Nullable String reason) {
		boolean manager = this.currentUser.has(Permission.POLICY_MANAGE);
		if (!manager) {
			this.currentUser.require(Permission.LIMIT_APPLY);
		}
		ApplicationRow row = locked(id);
		boolean requester = this.currentUser.username().equals(row.requestedBy());
		if (!requester && !manager) {
			requireRequester(row);
		}
		if (requester && !this.currentUser.has(Permission.LIMIT_APPLY)) {
			this.currentUser.require(Permission.LIMIT_APPLY);
		}
		if (!requester && (reason == null || reason.isBlank())) {
			throw new InvalidInputException("reason", "limit.application.cancel.reason-required");
		}
		if (reason != null && reason.strip().length() > 2000) {
			throw new InvalidInputException("reason", "limit.application.reason.too-long");
		}
		if (row.status() != ApplicationStatus.IN_APPROVAL && row.status() != ApplicationStatus.RETURNED) {
			throw new ConflictException("limit.application.not-open", id, row.status().name());
		}
		CreditApplication before = view(row);
		if (row.currentLevel() != null) {
			this.repository.skipAfter(row.id(), row.round(), row.currentLevel() - 1);
		}
		this.repository.update(withState(row, ApplicationStatus.CANCELLED, null, null, this.clock.instant(), null));
		CreditApplication after = view(this.repository.find(id).orElseThrow());
		this.auditTrail.record(new AuditRecord(CustomerDetails.auditSubject(row.customerCode()), "credit-application",
				Long.toString(id), "CANCELLED", state(before), state(after),
				reason == null || reason.isBlank() ? null : reason.strip()));
		return after;
	}

	/**
	 * An application of a customer in the caller's data scope.
	 * @throws NotFoundException when unknown or outside the scope
	 */
	@Transactional(readOnly = true)
	public CreditApplication get(long id) {
		this.currentUser.require(Permission.LIMIT_READ);
		ApplicationRow row = this.repository.find(id)
			.orElseThrow(() -> new NotFoundException("limit.application.not-found", id));
		if (this.customers.find(row.customerCode()).isEmpty()) {
			throw new NotFoundException("limit.application.not-found", id);
		}
		return view(row);
	}

	/**
	 * Applications in the caller's data scope, filtered; with {@code assignedToMe} only
	 * those whose current step the caller may decide (the inbox).
	 * @param sort id, customer, amount, status, submitted or type
	 */
	@Transactional(readOnly = true)
	public PageResult<CreditApplication> search(@Nullable String status, @Nullable String customerCode,
			boolean assignedToMe, boolean mine, @Nullable String sort, boolean descending, Paging paging) {
		this.currentUser.require(Permission.LIMIT_READ);
		if (status != null && !status.isBlank()) {
			try {
				ApplicationStatus.valueOf(status.strip());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("status", "limit.application.status.invalid", status);
			}
		}
		List<String> scope = this.currentUser.ownerScope()
			.map(owner -> this.customers.searchAll(CustomerQuery.all(), 100_000)
				.stream()
				.map(CustomerDetails::code)
				.toList())
			.orElse(null);
		String inboxUser = null;
		List<String> roles = List.of();
		if (assignedToMe) {
			inboxUser = this.currentUser.username();
			roles = myApproverRoles();
			if (roles.isEmpty() || !this.currentUser.has(Permission.LIMIT_APPROVE)) {
				return new PageResult<>(List.of(), paging.page(), paging.size(), 0);
			}
		}
		return this.repository
			.search(status == null ? null : status.strip(), customerCode, scope, inboxUser, roles,
					mine ? this.currentUser.username() : null, sort, descending, paging)
			.map(this::view);
	}

	/**
	 * The roles whose approval the approval matrix in force asks for an amount, one entry
	 * per approver (the committee's two members are two entries): what a credit
	 * application for that resulting amount would need, and what the exposure module asks
	 * of a special approval (信用特批) of an excess over the limit.
	 * @param highRisk a high-risk or unrated customer
	 */
	@Transactional(readOnly = true)
	public List<Role> approversFor(BigDecimal amount, boolean highRisk) {
		Band band = ApprovalMatrix.route(this.matrix.active(), false, highRisk, amount);
		List<Role> roles = new ArrayList<>();
		for (ApprovalMatrix.StepRule step : band.steps()) {
			for (int i = 0; i < step.required(); i++) {
				roles.add(step.role());
			}
		}
		return List.copyOf(roles);
	}

	/** How many applications wait for the caller's decision (the inbox count). */
	@Transactional(readOnly = true)
	public long countAssignedToMe() {
		if (!this.currentUser.has(Permission.LIMIT_APPROVE)) {
			return 0;
		}
		return search(null, null, true, false, null, false, new Paging(0, 1)).total();
	}

	/**
	 * What the caller may do with an application now: deciding (reject and return) needs
	 * the step's role and not being the requester; approving also that the caller has
	 * approved no other step of the application (in any round) and nothing in this step;
	 * when this approval would be the last one but the line change would be refused, why.
	 */
	public Actions actions(CreditApplication application) {
		String me = this.currentUser.username();
		boolean requester = me.equals(application.requestedBy());
		Step step = application.currentStep();
		boolean canDecide = step != null && !requester && this.currentUser.has(Permission.LIMIT_APPROVE)
				&& this.currentUser.hasRole(Role.valueOf(step.role()));
		boolean canApprove = canDecide
				&& !approvedBefore(application.decisions(), me, application.round(), step.level());
		@Nullable RuleViolationException refusal = null;
		if (canApprove && step.approvedCount() + 1 >= step.required()
				&& application.route().stream().noneMatch(s -> s.level() > step.level())) {
			try {
				requireApplicable(application.customerCode(), application.type(), application.validTo(),
						application.currency());
			}
			catch (RuleViolationException ex) {
				refusal = ex;
			}
		}
		boolean canAmend = requester && application.status() == ApplicationStatus.RETURNED
				&& this.currentUser.has(Permission.LIMIT_APPLY);
		boolean open = application.isOpen();
		boolean canCancel = requester && open && this.currentUser.has(Permission.LIMIT_APPLY);
		boolean canCancelAny = !requester && open && this.currentUser.has(Permission.POLICY_MANAGE);
		boolean canAttach = open && (requester && this.currentUser.has(Permission.LIMIT_APPLY)
				|| step != null && this.currentUser.has(Permission.LIMIT_APPROVE)
						&& this.currentUser.hasRole(Role.valueOf(step.role())));
		return new Actions(canDecide, canApprove, refusal, canAmend, canCancel || canCancelAny, canCancelAny, canAttach,
				requester);
	}

	/**
	 * Four-eyes across rounds: the user approved another step of the application (in any
	 * round) or already this step in this round. Approving the same level again after a
	 * return is allowed.
	 */
	private static boolean approvedBefore(List<Approval> decisions, String user, int round, int level) {
		return decisions.stream()
			.anyMatch(d -> d.username().equals(user) && "APPROVE".equals(d.decision())
					&& (d.round() == round || d.level() != level));
	}

	/**
	 * Refuses the last approval when the credit line could not be changed as asked today:
	 * an end date already passed, or the line as {@link CreditLines#requireApplicable}
	 * says.
	 */
	private void requireApplicable(String customerCode, ApplicationType type, @Nullable LocalDate validTo,
			String currency) {
		LocalDate today = LocalDate.now(this.clock);
		if (validTo != null && validTo.isBefore(today)) {
			throw new RuleViolationException("VALID_TO_PASSED", "limit.application.valid-to-passed",
					validTo.toString());
		}
		this.lines.requireApplicable(customerCode, type, today, currency);
	}

	/**
	 * Adds a file to an open application, by its requester or an approver of the current
	 * step; audited.
	 */
	@Transactional
	public CreditApplication.Attachment attach(long id, @Nullable String fileName, @Nullable String contentType,
			byte[] content) {
		return attach(id, List.of(new Upload(fileName, contentType, content.length, new ByteArrayResource(content))))
			.get(0);
	}

	/**
	 * Adds files to an open application, all or none, by its requester or an approver of
	 * the current step (who needs the step's role, not {@code limit:apply}); each file is
	 * checked by its declared size before it is read. Audited.
	 * @throws InvalidInputException {@code file}: empty, too large or of a refused type
	 * (400)
	 * @throws RuleViolationException {@code TOO_MANY_ATTACHMENTS} (422)
	 * @throws AccessDeniedException for anyone else (403)
	 */
	@Transactional
	public List<CreditApplication.Attachment> attach(long id, List<Upload> uploads) {
		this.currentUser.require(Permission.LIMIT_READ);
		ApplicationRow row = locked(id);
		if (row.status() != ApplicationStatus.IN_APPROVAL && row.status() != ApplicationStatus.RETURNED) {
			throw new ConflictException("limit.application.not-open", id, row.status().name());
		}
		boolean requester = this.currentUser.username().equals(row.requestedBy())
				&& this.currentUser.has(Permission.LIMIT_APPLY);
		if (!requester && !isCurrentApprover(row)) {
			throw new AccessDeniedException("Only the requester or an approver of the current step attaches files");
		}
		return store(row, uploads);
	}

	private boolean isCurrentApprover(ApplicationRow row) {
		if (row.status() != ApplicationStatus.IN_APPROVAL || row.currentLevel() == null
				|| !this.currentUser.has(Permission.LIMIT_APPROVE)) {
			return false;
		}
		return this.repository.steps(row.id(), row.round())
			.stream()
			.filter(s -> s.level() == row.currentLevel())
			.anyMatch(s -> this.currentUser.hasRole(Role.valueOf(s.role())));
	}

	/** Checks every file first (size as declared, type, count), then stores them. */
	private List<CreditApplication.Attachment> store(ApplicationRow row, List<Upload> uploads) {
		List<Checked.File> checked = new ArrayList<>();
		for (Upload upload : uploads) {
			checked.add(checkFile(upload));
		}
		if (this.repository.attachments(row.id()).size() + checked.size() > MAX_ATTACHMENTS) {
			throw new RuleViolationException("TOO_MANY_ATTACHMENTS", "limit.application.file.too-many",
					MAX_ATTACHMENTS);
		}
		Instant now = this.clock.instant();
		List<CreditApplication.Attachment> stored = new ArrayList<>();
		for (Checked.File file : checked) {
			byte[] content = read(file.upload());
			if (content.length == 0) {
				throw new InvalidInputException("file", "limit.application.file.empty", file.name());
			}
			if (content.length > MAX_ATTACHMENT_BYTES) {
				throw new InvalidInputException("file", "limit.application.file.too-large", file.name(),
						MAX_ATTACHMENT_BYTES / 1024 / 1024);
			}
			long attachmentId = this.repository.insertAttachment(row.id(), file.name(), file.type(), content,
					this.currentUser.username(), now);
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("fileName", file.name());
			after.put("contentType", file.type());
			after.put("size", content.length);
			this.auditTrail.record(new AuditRecord(CustomerDetails.auditSubject(row.customerCode()),
					"credit-application", Long.toString(row.id()), "ATTACHED", null, after, null));
			stored.add(new CreditApplication.Attachment(attachmentId, file.name(), file.type(), content.length,
					this.currentUser.username(), now));
		}
		return stored;
	}

	private static Checked.File checkFile(Upload upload) {
		String name = upload.fileName() == null || upload.fileName().isBlank() ? "attachment"
				: upload.fileName().strip();
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		if (name.length() > 255) {
			name = name.substring(name.length() - 255);
		}
		if (upload.size() <= 0) {
			throw new InvalidInputException("file", "limit.application.file.empty", name);
		}
		if (upload.size() > MAX_ATTACHMENT_BYTES) {
			throw new InvalidInputException("file", "limit.application.file.too-large", name,
					MAX_ATTACHMENT_BYTES / 1024 / 1024);
		}
		String declared = upload.contentType() == null || upload.contentType().isBlank() ? "application/octet-stream"
				: upload.contentType().strip().toLowerCase(Locale.ROOT);
		int semicolon = declared.indexOf(';');
		if (semicolon >= 0) {
			declared = declared.substring(0, semicolon).strip();
		}
		int dot = name.lastIndexOf('.');
		String byExtension = dot < 0 ? null : EXTENSIONS.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
		String type;
		if (CONTENT_TYPES.contains(declared)) {
			type = declared;
		}
		else if (byExtension != null) {
			type = byExtension;
		}
		else {
			throw new InvalidInputException("file", "limit.application.file.type", name, declared);
		}
		return new Checked.File(upload, name, type);
	}

	private static byte[] read(Upload upload) {
		try (InputStream in = upload.content().getInputStream()) {
			return in.readNBytes(MAX_ATTACHMENT_BYTES + 1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An attachment's content, for a reader of the application. */
	@Transactional(readOnly = true)
	public AttachmentContent attachment(long id, long attachmentId) {
		CreditApplication application = get(id);
		CreditApplication.Attachment meta = application.attachments()
			.stream()
			.filter(a -> a.id() == attachmentId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("limit.application.file.not-found", attachmentId));
		byte[] content = this.repository.attachmentContent(id, attachmentId).orElseThrow();
		return new AttachmentContent(meta, content);
	}

	/** The caller's unread reminders. */
	@Transactional(readOnly = true)
	public List<ApplicationRepository.Notification> notifications() {
		if (!this.currentUser.has(Permission.LIMIT_APPROVE)) {
			return List.of();
		}
		return this.repository.notifications(this.currentUser.username(), 20);
	}

	/** Marks the caller's reminders about an application read (they opened it). */
	@Transactional
	public void markRead(long id) {
		this.repository.markNotificationsRead(this.currentUser.username(), id, this.clock.instant());
	}

	private List<String> myApproverRoles() {
		return ApprovalMatrix.APPROVER_ROLES.stream().filter(this.currentUser::hasRole).map(Role::name).toList();
	}

	private void writeRoute(long id, int round, Band band) {
		int level = 1;
		for (StepRule step : band.steps()) {
			this.repository.insertStep(id, round, level++, step.role().name(), step.required(), "PENDING");
		}
	}

	private ApplicationRow locked(long id) {
		ApplicationRow row = this.repository.lock(id)
			.orElseThrow(() -> new NotFoundException("limit.application.not-found", id));
		if (this.customers.find(row.customerCode()).isEmpty()) {
			throw new NotFoundException("limit.application.not-found", id);
		}
		return row;
	}

	private void requireRequester(ApplicationRow row) {
		if (!this.currentUser.username().equals(row.requestedBy())) {
			throw new RuleViolationException("NOT_REQUESTER", "limit.application.not-requester", row.requestedBy());
		}
	}

	private static ApplicationRow withState(ApplicationRow r, ApplicationStatus status, @Nullable Integer level,
			@Nullable Instant since, @Nullable Instant decidedAt, @Nullable LocalDate effectiveFrom) {
		return new ApplicationRow(r.id(), r.customerCode(), r.customerName(), r.type(), r.amount(), r.currency(),
				r.termsDays(), r.validTo(), effectiveFrom, r.reason(), status, r.rated(), r.grade(), r.riskClass(),
				r.currentLimit(), r.recAmount(), r.recCurrency(), r.recTermsDays(), r.recMaxTermsDays(),
				r.gradeMaximum(), r.recBasisZh(), r.recBasisEn(), r.resultingLimit(), r.routingAmount(),
				r.matrixVersion(), r.round(), level, since, r.requestedBy(), r.createdAt(), r.submittedAt(), decidedAt,
				r.rowVersion());
	}

	/** Checks a request field by field, then against the customer's line. */
	private Checked check(CreditApplicationRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		String code = request.customerCode() == null ? "" : request.customerCode().strip();
		Optional<CustomerDetails> customer = code.isEmpty() ? Optional.empty() : this.customers.find(code);
		if (code.isEmpty()) {
			problems.add(new FieldProblem("customerCode", "limit.application.customer.required"));
		}
		else if (customer.isEmpty()) {
			problems.add(new FieldProblem("customerCode", "limit.application.customer.unknown", code));
		}
		if (request.type() == null) {
			problems.add(new FieldProblem("type", "limit.application.type.required"));
		}
		BigDecimal amount = request.amount();
		if (amount == null || amount.signum() <= 0) {
			problems.add(new FieldProblem("amount", "limit.application.amount.positive"));
		}
		else if (amount.stripTrailingZeros().scale() > 2 || amount.precision() - amount.scale() > 17) {
			problems.add(new FieldProblem("amount", "limit.application.amount.precision"));
		}
		String currency = request.currency() == null || request.currency().isBlank() ? this.fxRates.companyCurrency()
				: request.currency().strip().toUpperCase(Locale.ROOT);
		if (!isCurrency(currency)) {
			problems.add(new FieldProblem("currency", "limit.application.currency.invalid", currency));
		}
		Integer terms = request.termsDays();
		if (terms == null || terms < 0 || terms > 3650) {
			problems.add(new FieldProblem("termsDays", "limit.application.terms.range"));
		}
		LocalDate today = LocalDate.now(this.clock);
		if (request.type() == ApplicationType.TEMPORARY && request.validTo() == null) {
			problems.add(new FieldProblem("validTo", "limit.application.valid-to.required"));
		}
		else if (request.validTo() != null && !request.validTo().isAfter(today)) {
			problems.add(new FieldProblem("validTo", "limit.application.valid-to.future"));
		}
		String reason = request.reason() == null ? "" : request.reason().strip();
		if (reason.isEmpty()) {
			problems.add(new FieldProblem("reason", "limit.application.reason.required"));
		}
		else if (reason.length() > 2000) {
			problems.add(new FieldProblem("reason", "limit.application.reason.too-long"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		CustomerDetails details = customer.orElseThrow();
		ApplicationType type = request.type();
		Optional<CreditLine> line = this.lines.current(details.code());
		boolean inForce = line.isPresent() && line.get().status() != CreditLineStatus.EXPIRED;
		if (type == ApplicationType.NEW && inForce) {
			throw new RuleViolationException("CREDIT_LINE_EXISTS", "limit.application.line-exists", details.code());
		}
		if (type != ApplicationType.NEW && line.isEmpty()) {
			throw new RuleViolationException("NO_CREDIT_LINE", "limit.application.no-line", details.code());
		}
		if (type != ApplicationType.NEW && type != ApplicationType.RENEWAL && !inForce) {
			throw new RuleViolationException("CREDIT_LINE_EXPIRED", "limit.application.line-expired", details.code());
		}
		BigDecimal currentLimit = line.map(CreditLine::limit).orElse(null);
		if (line.isPresent() && type != ApplicationType.NEW && !line.get().currency().equals(currency)) {
			throw new InvalidInputException("currency", "limit.application.currency.line", line.get().currency());
		}
		if (type == ApplicationType.INCREASE && amount.compareTo(currentLimit) <= 0) {
			throw new InvalidInputException("amount", "limit.application.amount.increase",
					currentLimit.toPlainString());
		}
		if (type == ApplicationType.DECREASE && amount.compareTo(currentLimit) >= 0) {
			throw new InvalidInputException("amount", "limit.application.amount.decrease",
					currentLimit.toPlainString());
		}
		Recommendation recommendation = this.policies.recommend(details.code());
		BigDecimal resulting = (type == ApplicationType.TEMPORARY ? line.get().effectiveLimit().add(amount) : amount)
			.setScale(2, RoundingMode.HALF_UP);
		BigDecimal routing = resulting.multiply(this.fxRates.rateOn(currency, today)).setScale(2, RoundingMode.HALF_UP);
		return new Checked(details, type, amount.setScale(2, RoundingMode.HALF_UP), currency, terms, request.validTo(),
				reason, recommendation, currentLimit, resulting, routing);
	}

	private static boolean isCurrency(String code) {
		if (!code.matches("[A-Z]{3}")) {
			return false;
		}
		try {
			Currency.getInstance(code);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private CreditApplication view(ApplicationRow row) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Approval> decisions = this.repository.decisions(row.id());
		List<Step> route = this.repository.steps(row.id(), row.round())
			.stream()
			.map(s -> new Step(s.level(), s.role(), s.required(), s.status(),
					decisions.stream().filter(d -> d.round() == row.round() && d.level() == s.level()).toList(),
					s.remindedAt()))
			.toList();
		Advice advice = new Advice(row.recAmount(), row.recCurrency(), row.recTermsDays(), row.recMaxTermsDays(),
				row.gradeMaximum(), "zh".equals(locale.getLanguage()) ? row.recBasisZh() : row.recBasisEn());
		BigDecimal resulting = row.resultingLimit();
		boolean sameCurrency = row.currency().equals(row.recCurrency());
		boolean aboveRecommendation = row.type() != ApplicationType.DECREASE && sameCurrency
				&& resulting.compareTo(row.recAmount()) > 0;
		boolean aboveMaximum = row.type() != ApplicationType.DECREASE && sameCurrency
				&& resulting.compareTo(row.gradeMaximum()) > 0;
		boolean overdue = row.status() == ApplicationStatus.IN_APPROVAL && row.stepSince() != null
				&& row.stepSince().plus(this.reminderAfter).isBefore(this.clock.instant());
		return new CreditApplication(row.id(), row.customerCode(), row.customerName(), row.type(), row.amount(),
				row.currency(), row.termsDays(), row.validTo(), row.effectiveFrom(), row.reason(), row.status(),
				row.rated(), row.grade(), row.riskClass(), row.currentLimit(), advice, aboveRecommendation,
				aboveMaximum, row.termsDays() > row.recMaxTermsDays(), row.highRisk(), row.routingAmount(),
				this.fxRates.companyCurrency(), row.matrixVersion(), row.round(), row.currentLevel(), row.stepSince(),
				overdue, row.requestedBy(), row.createdAt(), row.submittedAt(), row.decidedAt(), route, decisions,
				this.repository.attachments(row.id()));
	}

	private static Map<String, Object> state(CreditApplication a) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("customerCode", a.customerCode());
		state.put("type", a.type().name());
		state.put("amount", a.amount().toPlainString());
		state.put("currency", a.currency());
		state.put("termsDays", a.termsDays());
		state.put("validTo", a.validTo() == null ? null : a.validTo().toString());
		state.put("status", a.status().name());
		state.put("round", a.round());
		state.put("currentLevel", a.currentLevel());
		state.put("route",
				a.route()
					.stream()
					.map(s -> s.level() + " " + s.role() + " x" + s.required() + " " + s.status())
					.toList());
		state.put("reason", a.reason());
		return state;
	}

	/**
	 * What the caller may do with an application now.
	 *
	 * @param decide reject or return the current step
	 * @param approve approve the current step
	 * @param approvalRefusal why the last approval would be refused now, if it would
	 * @param cancelAsManager cancel someone else's application as credit manager (with a
	 * reason)
	 * @param attach add files
	 */
	public record Actions(boolean decide, boolean approve, @Nullable RuleViolationException approvalRefusal,
			boolean amend, boolean cancel, boolean cancelAsManager, boolean attach, boolean requester) {
	}

	/** An attachment with its bytes. */
	public record AttachmentContent(CreditApplication.Attachment attachment, byte[] content) {
	}

	/**
	 * A file as uploaded: its declared name, type and size, and where to read it.
	 */
	public record Upload(@Nullable String fileName, @Nullable String contentType, long size,
			InputStreamSource content) {
	}

	private record Checked(CustomerDetails customer, ApplicationType type, BigDecimal amount, String currency,
			int termsDays, @Nullable LocalDate validTo, String reason, Recommendation recommendation,
			@Nullable BigDecimal currentLimit, BigDecimal resultingLimit, BigDecimal routingAmount) {

		record File(Upload upload, String name, String type) {
		}

	}

}
