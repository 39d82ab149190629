package org.credence.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.credence.assessment.model.FactorDefinition;
import org.credence.assessment.model.FactorSource;
import org.credence.assessment.model.ModelDefinition;
import org.credence.assessment.model.RatingBand;
import org.credence.assessment.model.ScoringModels;
import org.credence.assessment.rating.AssessmentRepository;
import org.credence.assessment.rating.Assessor;
import org.credence.assessment.rating.ReviewQueueRepository;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.identity.AuditRecord;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.NotFoundException;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.credence.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessments of customers (信用评估): run one with the active scoring model, read a
 * customer's history and current rating, override a grade with a second person's approval
 * (人工调整), and see whose review is due. Every read applies the caller's data scope; every
 * write is audited and, when it changes the rating, announced as
 * {@link AssessmentCompleted}.
 */
@Service
public class Assessments {

	private final Customers customers;

	private final ScoringModels models;

	private final Assessor assessor;

	private final AssessmentRepository repository;

	private final ReviewQueueRepository queue;

	private final CurrentUser currentUser;

	private final AuditTrail auditTrail;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Assessments(Customers customers, ScoringModels models, Assessor assessor, AssessmentRepository repository,
			ReviewQueueRepository queue, CurrentUser currentUser, AuditTrail auditTrail,
			ApplicationEventPublisher events, Clock clock) {
		this.customers = customers;
		this.models = models;
		this.assessor = assessor;
		this.repository = repository;
		this.queue = queue;
		this.currentUser = currentUser;
		this.auditTrail = auditTrail;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Assesses a customer now and makes the result its current rating.
	 * @param modelCode an active model's code; the default model when absent
	 * @param qualitative answers to the model's qualitative questions by factor code,
	 * each one of the factor's option values; questions not answered keep the answer of
	 * the customer's previous assessment
	 * @throws InvalidInputException for an unknown model ({@code modelCode}) or an answer
	 * that is not one of the options ({@code qualitative.<factor code>})
	 * @throws NotFoundException when the customer is not in the caller's scope
	 */
	@Transactional
	public AssessmentResult assess(String customerCode, @Nullable String modelCode,
			Map<String, BigDecimal> qualitative) {
		this.currentUser.require(Permission.ASSESSMENT_RUN);
		CustomerDetails customer = this.customers.get(customerCode);
		ModelDefinition model = activeModel(modelCode);
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, BigDecimal> given = new LinkedHashMap<>();
		qualitative.forEach((code, value) -> {
			Optional<FactorDefinition> factor = question(model, code);
			if (factor.isEmpty()) {
				problems.add(new FieldProblem("qualitative." + code, "assessment.qualitative.unknown", code));
			}
			else if (value == null || !isOption(factor.get(), value)) {
				problems.add(new FieldProblem("qualitative." + code, "assessment.qualitative.not-an-option",
						options(factor.get())));
			}
			else {
				given.put(factor.get().code(), value);
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Map<String, BigDecimal> answers = validAnswers(model, this.repository.latestAnswers(customer.code()));
		answers.putAll(given);
		return this.assessor.assess(customer, model, answers, null);
	}

	/** A customer's assessments, newest first. */
	@Transactional(readOnly = true)
	public List<AssessmentResult> history(String customerCode) {
		CustomerDetails customer = this.customers.get(customerCode);
		return this.repository.history(customer.code());
	}

	/**
	 * The assessment whose rating is in effect: the latest one, with its approved
	 * override if any (a pending override does not count yet).
	 */
	@Transactional(readOnly = true)
	public Optional<AssessmentResult> current(String customerCode) {
		CustomerDetails customer = this.customers.get(customerCode);
		return this.repository.latest(customer.code());
	}

	/**
	 * One assessment.
	 * @throws NotFoundException when there is none, or its customer is not in the
	 * caller's scope
	 */
	@Transactional(readOnly = true)
	public AssessmentResult get(long assessmentId) {
		AssessmentResult assessment = this.repository.find(assessmentId)
			.orElseThrow(() -> new NotFoundException("assessment.not-found", assessmentId));
		this.customers.find(assessment.customerCode())
			.orElseThrow(() -> new NotFoundException("assessment.not-found", assessmentId));
		return assessment;
	}

	/** The answers of the customer's latest assessment, by factor code. */
	@Transactional(readOnly = true)
	public Map<String, BigDecimal> previousAnswers(String customerCode) {
		CustomerDetails customer = this.customers.get(customerCode);
		return this.repository.latestAnswers(customer.code());
	}

	/** Whether the customer has a financial statement to assess. */
	@Transactional(readOnly = true)
	public boolean hasStatement(String customerCode) {
		CustomerDetails customer = this.customers.get(customerCode);
		return this.assessor.latestStatement(customer.code()).isPresent();
	}

	/** The facts an assessment used, by reference, as they were. */
	@Transactional(readOnly = true)
	public Map<String, BigDecimal> facts(long assessmentId) {
		get(assessmentId);
		return this.repository.facts(assessmentId);
	}

	/**
	 * Proposes another grade for the customer's current assessment. The customer's rating
	 * does not change until a credit manager approves.
	 * @throws InvalidInputException without a reason, or for a grade not on the model's
	 * scale or equal to the current one
	 * @throws RuleViolationException {@code NOT_CURRENT} for an assessment that is not
	 * the customer's latest, {@code OVERRIDE_PENDING} when one waits already
	 */
	@Transactional
	public AssessmentResult proposeOverride(long assessmentId, String grade, String reason) {
		this.currentUser.require(Permission.ASSESSMENT_RUN);
		AssessmentResult assessment = get(assessmentId);
		requireCurrent(assessment);
		if ("OVERRIDE_PROPOSED".equals(assessment.status())) {
			throw new RuleViolationException("OVERRIDE_PENDING", "assessment.override.pending");
		}
		ModelDefinition model = this.models.version(assessment.modelCode(), assessment.modelVersion());
		List<FieldProblem> problems = new ArrayList<>();
		String proposed = grade == null ? "" : grade.strip().toUpperCase(java.util.Locale.ROOT);
		if (band(model, proposed).isEmpty()) {
			problems.add(new FieldProblem("grade", "assessment.override.grade.unknown", proposed));
		}
		else if (proposed.equals(assessment.grade())) {
			problems.add(new FieldProblem("grade", "assessment.override.grade.same", proposed));
		}
		if (reason == null || reason.isBlank()) {
			problems.add(new FieldProblem("reason", "assessment.override.reason.required"));
		}
		else if (reason.strip().length() > 2000) {
			problems.add(new FieldProblem("reason", "assessment.override.too-long", 2000));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		this.repository.proposeOverride(assessmentId, proposed, reason.strip(), this.currentUser.username(),
				this.clock.instant());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("grade", assessment.grade());
		after.put("proposedGrade", proposed);
		this.auditTrail.record(new AuditRecord(CustomerDetails.auditSubject(assessment.customerCode()), "assessment",
				Long.toString(assessmentId), "OVERRIDE_PROPOSED", null, after, reason.strip()));
		return this.repository.find(assessmentId).orElseThrow();
	}

	/**
	 * Approves or rejects a proposed override. On approval the grade, PD, risk class and
	 * review date become those of the proposed grade's band on the model's scale, and the
	 * customer's rating changes.
	 * @throws RuleViolationException {@code SAME_PERSON} when the caller proposed it
	 * (four eyes), {@code NO_OVERRIDE_PENDING} when nothing waits, {@code NOT_CURRENT}
	 * when a newer assessment exists
	 */
	@Transactional
	public AssessmentResult decideOverride(long assessmentId, boolean approve, @Nullable String comment) {
		this.currentUser.require(Permission.ASSESSMENT_OVERRIDE_APPROVE);
		AssessmentResult assessment = get(assessmentId);
		AssessmentResult.Override override = assessment.override();
		if (!"OVERRIDE_PROPOSED".equals(assessment.status()) || override == null) {
			throw new RuleViolationException("NO_OVERRIDE_PENDING", "assessment.override.none-pending");
		}
		requireCurrent(assessment);
		if (override.proposedBy().equals(this.currentUser.username())) {
			throw new RuleViolationException("SAME_PERSON", "assessment.override.same-person");
		}
		String why = comment == null || comment.isBlank() ? null : comment.strip();
		if (why != null && why.length() > 2000) {
			throw new InvalidInputException("comment", "assessment.override.too-long", 2000);
		}
		Instant now = this.clock.instant();
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("grade", assessment.grade());
		before.put("riskClass", assessment.riskClass());
		before.put("nextReviewDate", assessment.nextReviewDate().toString());
		if (!approve) {
			this.repository.rejectOverride(assessmentId, this.currentUser.username(), now, why);
			this.auditTrail.record(new AuditRecord(CustomerDetails.auditSubject(assessment.customerCode()),
					"assessment", Long.toString(assessmentId), "OVERRIDE_REJECTED", before,
					Map.of("proposedGrade", override.proposedGrade()), why));
			return this.repository.find(assessmentId).orElseThrow();
		}
		ModelDefinition model = this.models.version(assessment.modelCode(), assessment.modelVersion());
		RatingBand band = band(model, override.proposedGrade()).orElseThrow();
		LocalDate assessedOn = this.repository.assessedOn(assessmentId).orElseThrow();
		LocalDate nextReview = assessedOn.plusMonths(band.reviewMonths());
		this.repository.approveOverride(assessmentId, band, nextReview, this.currentUser.username(), now, why);
		this.queue.overridden(assessment.customerCode(), band.grade(), nextReview);
		this.customers.recordRating(assessment.customerCode(), band.grade(), band.riskClass());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("grade", band.grade());
		after.put("riskClass", band.riskClass());
		after.put("pd", band.pd().toPlainString());
		after.put("nextReviewDate", nextReview.toString());
		after.put("proposedBy", override.proposedBy());
		this.auditTrail.record(new AuditRecord(CustomerDetails.auditSubject(assessment.customerCode()), "assessment",
				Long.toString(assessmentId), "OVERRIDE_APPROVED", before, after, why));
		this.events.publishEvent(
				new AssessmentCompleted(assessment.customerCode(), assessmentId, band.grade(), band.riskClass(),
						band.pd(), assessment.score(), assessment.modelCode(), assessment.modelVersion(), nextReview));
		return this.repository.find(assessmentId).orElseThrow();
	}

	/**
	 * Customers in the caller's scope whose review is due (the current assessment's
	 * review date is today or past) or who were never assessed; active and prospective
	 * customers only. Never assessed first, then the longest overdue.
	 */
	@Transactional(readOnly = true)
	public PageResult<ReviewDue> reviewsDue(Paging paging) {
		return reviewsDue(null, false, paging);
	}

	/**
	 * The review queue sorted by one of code, name, owner, grade, assessed, due or
	 * status.
	 */
	@Transactional(readOnly = true)
	public PageResult<ReviewDue> reviewsDue(@Nullable String sort, boolean descending, Paging paging) {
		requireRead();
		return this.queue.due(today(), this.currentUser.ownerScope().orElse(null), sort, descending, paging);
	}

	/** How many customers in the caller's scope wait for a review. */
	@Transactional(readOnly = true)
	public long countReviewsDue() {
		requireRead();
		return this.queue.count(today(), this.currentUser.ownerScope().orElse(null));
	}

	private void requireCurrent(AssessmentResult assessment) {
		if (this.repository.latestId(assessment.customerCode()).orElse(-1L) != assessment.id()) {
			throw new RuleViolationException("NOT_CURRENT", "assessment.override.not-current");
		}
	}

	private ModelDefinition activeModel(@Nullable String modelCode) {
		String code = modelCode == null || modelCode.isBlank() ? this.models.defaultModelCode() : modelCode.strip();
		return this.models.activeModels()
			.stream()
			.filter(model -> model.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("modelCode", "assessment.model.unknown", code));
	}

	private static Optional<FactorDefinition> question(ModelDefinition model, String code) {
		return model.factors()
			.stream()
			.filter(f -> f.source() == FactorSource.QUALITATIVE)
			.filter(f -> f.code().equals(code) || f.reference().equals(code)
					|| f.reference().equals(FactorSource.QUALITATIVE.prefix() + ":" + code))
			.findFirst();
	}

	private static boolean isOption(FactorDefinition factor, BigDecimal value) {
		return factor.options().stream().anyMatch(option -> option.value().compareTo(value) == 0);
	}

	private static String options(FactorDefinition factor) {
		return factor.options()
			.stream()
			.map(option -> option.value().stripTrailingZeros().toPlainString())
			.collect(Collectors.joining(", "));
	}

	/**
	 * The answers that are still valid options of this model's questions, by factor code.
	 */
	public static Map<String, BigDecimal> validAnswers(ModelDefinition model, Map<String, BigDecimal> answers) {
		Map<String, BigDecimal> valid = new LinkedHashMap<>();
		answers.forEach((code, value) -> question(model, code).filter(factor -> isOption(factor, value))
			.ifPresent(factor -> valid.put(factor.code(), value)));
		return valid;
	}

	private static Optional<RatingBand> band(ModelDefinition model, String grade) {
		return model.scale().stream().filter(band -> band.grade().equals(grade)).findFirst();
	}

	private void requireRead() {
		if (!this.currentUser.has(Permission.CUSTOMER_READ_ALL)
				&& !this.currentUser.has(Permission.CUSTOMER_READ_OWN)) {
			throw new AccessDeniedException("Missing permission to read customers");
		}
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
