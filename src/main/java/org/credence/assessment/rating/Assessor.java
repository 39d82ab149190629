package org.credence.assessment.rating;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.credence.assessment.AssessmentCompleted;
import org.credence.assessment.AssessmentResult;
import org.credence.assessment.AssessmentResult.FactorResult;
import org.credence.assessment.AssessmentResult.Reason;
import org.credence.assessment.model.FactorDefinition;
import org.credence.assessment.model.FactorSource;
import org.credence.assessment.model.ModelDefinition;
import org.credence.assessment.model.RatingBand;
import org.credence.assessment.rating.AssessmentRepository.NewAssessment;
import org.credence.assessment.scoring.FactorScore;
import org.credence.assessment.model.References;
import org.credence.assessment.scoring.Facts;
import org.credence.receivable.PaymentBehaviour;
import org.credence.receivable.Receivables;
import org.credence.assessment.scoring.Score;
import org.credence.assessment.scoring.Scorecard;
import org.credence.assessment.statement.FinancialStatement;
import org.credence.assessment.statement.FinancialStatements;
import org.credence.assessment.statement.StatementLines;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.customer.report.ExternalReports;
import org.credence.identity.AuditRecord;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes one assessment: gathers the facts as they are now (the latest statement's ratios
 * and lines, the analyst's answers, the latest external score; payment behaviour is
 * missing until receivables supply it), scores them with the model, and stores
 * everything, records the customer's new rating, audits and announces it — in one
 * transaction. Callers check rights and validate the answers.
 */
@Component
public class Assessor {

	private static final RecordComponent[] LINES = StatementLines.class.getRecordComponents();

	private final FinancialStatements statements;

	private final ExternalReports reports;

	private final Receivables receivables;

	private final Customers customers;

	private final AssessmentRepository repository;

	private final ReviewQueueRepository queue;

	private final CurrentUser currentUser;

	private final AuditTrail auditTrail;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Assessor(FinancialStatements statements, ExternalReports reports, Receivables receivables, Customers customers,
			AssessmentRepository repository, ReviewQueueRepository queue, CurrentUser currentUser,
			AuditTrail auditTrail, ApplicationEventPublisher events, Clock clock) {
		this.statements = statements;
		this.reports = reports;
		this.receivables = receivables;
		this.customers = customers;
		this.repository = repository;
		this.queue = queue;
		this.currentUser = currentUser;
		this.auditTrail = auditTrail;
		this.events = events;
		this.clock = clock;
	}

	/** The customer's latest statement, if any. */
	public Optional<FinancialStatement> latestStatement(String customerCode) {
		return this.statements.latest(customerCode);
	}

	/**
	 * Assesses the customer with the model and these answers (by factor code, already
	 * valid).
	 * @param runId the batch run this assessment belongs to, if any
	 */
	@Transactional
	public AssessmentResult assess(CustomerDetails customer, ModelDefinition model, Map<String, BigDecimal> answers,
			@Nullable Long runId) {
		long id = assess(
				new Subject(customer.code(), customer.name(), customer.ownerUsername(), customer.status().name()),
				model, answers, runId, this.statements.latest(customer.code()));
		return this.repository.find(id).orElseThrow();
	}

	/**
	 * Assesses the customer with its latest statement as already read (a batch reads it
	 * once to know whether there is anything to assess) and returns the new assessment's
	 * id.
	 */
	@Transactional
	public long assess(Subject customer, ModelDefinition model, Map<String, BigDecimal> answers, @Nullable Long runId,
			Optional<FinancialStatement> statement) {
		LocalDate today = LocalDate.now(this.clock);
		BigDecimal externalScore = this.reports.latestScores(List.of(customer.code())).get(customer.code());
		PaymentBehaviour behaviour = this.receivables.behaviour(customer.code(), today);
		return store(score(customer, model, answers, runId, statement.orElse(null), externalScore, behaviour));
	}

	/**
	 * What the assessment of many customers needs from other modules, read together:
	 * their latest statements, latest external scores and payment behaviour as of today,
	 * each by customer code, and which of them exist in the caller's scope. Three reads
	 * for any number of customers; the figures are those {@link #assess} reads one by
	 * one.
	 */
	Inputs inputs(Collection<String> customerCodes) {
		LocalDate today = LocalDate.now(this.clock);
		return new Inputs(this.customers.known(customerCodes), this.statements.latest(customerCodes),
				this.reports.latestScores(customerCodes), this.receivables.behaviours(customerCodes, today));
	}

	/**
	 * Scores a customer on facts already read, without storing anything.
	 * @param statement the latest statement, if any
	 * @param externalScore the latest external report's score, if any
	 * @param behaviour the payment behaviour as of today
	 */
	Scored score(Subject customer, ModelDefinition model, Map<String, BigDecimal> answers, @Nullable Long runId,
			@Nullable FinancialStatement statement, @Nullable BigDecimal externalScore, PaymentBehaviour behaviour) {
		Map<String, BigDecimal> facts = facts(model, answers, statement, externalScore, behaviour);
		Score score = Scorecard.score(model, new Facts(facts));
		RatingBand band = score.band();
		List<FactorResult> factors = score.factors().stream().map(Assessor::factor).toList();
		List<Reason> reasons = ReasonPolicy.reasons(score);
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, this.clock.getZone());
		LocalDate nextReview = today.plusMonths(band.reviewMonths());
		BigDecimal total = score.score().setScale(2, RoundingMode.HALF_UP);
		NewAssessment assessment = new NewAssessment(customer.code(), model.code(), model.version(), total, band,
				nextReview, facts, answers, factors, reasons, today, now, this.currentUser.username(), runId);
		return new Scored(customer, assessment);
	}

	/**
	 * Stores one scored assessment: the assessment, the queue's and the customer's
	 * rating, the audit entry and the event.
	 */
	private long store(Scored scored) {
		NewAssessment a = scored.assessment();
		Subject customer = scored.customer();
		long id = this.repository.insert(a);
		this.queue.assessed(customer.code(), customer.name(), customer.ownerUsername(), customer.status(), id,
				a.modelCode(), a.band().grade(), a.score(), a.assessedOn(), a.nextReviewDate());
		this.customers.recordRating(customer.code(), a.band().grade(), a.band().riskClass());
		this.auditTrail.record(audit(id, a));
		this.events.publishEvent(completed(id, a));
		return id;
	}

	/**
	 * Stores many scored assessments as {@link #store} stores one, with one statement per
	 * table and one audit append per module for all of them, in the caller's transaction:
	 * all are stored, or (when a statement fails) none.
	 * @return the new assessments' ids, in the order given
	 */
	@Transactional
	public List<Long> storeAll(List<Scored> all) {
		if (all.isEmpty()) {
			return List.of();
		}
		List<NewAssessment> assessments = all.stream().map(Scored::assessment).toList();
		List<Long> ids = this.repository.insertAll(assessments);
		List<ReviewQueueRepository.Assessed> queued = new ArrayList<>(all.size());
		List<Customers.Rating> ratings = new ArrayList<>(all.size());
		List<AuditRecord> audit = new ArrayList<>(all.size());
		for (int i = 0; i < all.size(); i++) {
			NewAssessment a = assessments.get(i);
			long id = ids.get(i);
			queued.add(new ReviewQueueRepository.Assessed(all.get(i).customer(), id, a.modelCode(), a.band().grade(),
					a.score(), a.assessedOn(), a.nextReviewDate()));
			ratings.add(new Customers.Rating(a.customerCode(), a.band().grade(), a.band().riskClass()));
			audit.add(audit(id, a));
		}
		this.queue.assessedAll(queued);
		this.customers.recordRatings(ratings);
		this.auditTrail.recordAll(audit);
		for (int i = 0; i < all.size(); i++) {
			this.events.publishEvent(completed(ids.get(i), assessments.get(i)));
		}
		return ids;
	}

	private static AuditRecord audit(long id, NewAssessment a) {
		RatingBand band = a.band();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("model", a.modelCode() + " v" + a.modelVersion());
		after.put("score", a.score().toPlainString());
		after.put("grade", band.grade());
		after.put("pd", band.pd().toPlainString());
		after.put("riskClass", band.riskClass());
		after.put("nextReviewDate", a.nextReviewDate().toString());
		if (a.batchRunId() != null) {
			after.put("batchRun", a.batchRunId());
		}
		return AuditRecord.created(CustomerDetails.auditSubject(a.customerCode()), "assessment", Long.toString(id),
				after);
	}

	private static AssessmentCompleted completed(long id, NewAssessment a) {
		RatingBand band = a.band();
		return new AssessmentCompleted(a.customerCode(), id, band.grade(), band.riskClass(), band.pd(), a.score(),
				a.modelCode(), a.modelVersion(), a.nextReviewDate());
	}

	/**
	 * What is known about the customer now, by reference: {@code ratio:*} and
	 * {@code line:*} of the latest statement, {@code qualitative:*} from the answers,
	 * {@code external:SCORE} from the latest external report with a score, and
	 * {@code behaviour:*} from the receivables ledger as of today.
	 */
	static Map<String, BigDecimal> facts(ModelDefinition model, Map<String, BigDecimal> answers,
			@Nullable FinancialStatement latestStatement, @Nullable BigDecimal externalScore,
			PaymentBehaviour behaviour) {
		Map<String, BigDecimal> facts = new LinkedHashMap<>();
		if (latestStatement != null) {
			latestStatement.ratios().forEach((ratio, value) -> facts.put("ratio:" + ratio.name(), value));
			lines(latestStatement.lines(), facts);
		}
		for (FactorDefinition factor : model.factors()) {
			if (factor.source() == FactorSource.QUALITATIVE && answers.containsKey(factor.code())) {
				facts.put(factor.reference(), answers.get(factor.code()));
			}
		}
		if (externalScore != null) {
			facts.put("external:SCORE", externalScore);
		}
		// payment behaviour from the ledger; a customer without paid or open invoices has
		// none
		if (behaviour.averageDaysLate() != null) {
			facts.put("behaviour:" + References.AVG_DAYS_LATE, behaviour.averageDaysLate());
		}
		if (behaviour.maxDaysOverdue() != null) {
			facts.put("behaviour:" + References.MAX_DAYS_OVERDUE_12M, BigDecimal.valueOf(behaviour.maxDaysOverdue()));
		}
		if (behaviour.shareOfInvoicesPaidLate() != null) {
			facts.put("behaviour:" + References.LATE_SHARE, behaviour.shareOfInvoicesPaidLate());
		}
		return facts;
	}

	/**
	 * What {@link #inputs} read about many customers, by customer code.
	 *
	 * @param known the customers that exist in the caller's scope
	 */
	record Inputs(Set<String> known, Map<String, FinancialStatement> statements, Map<String, BigDecimal> externalScores,
			Map<String, PaymentBehaviour> behaviours) {
	}

	/** An assessment scored, with the customer it is for, not stored yet. */
	record Scored(Subject customer, NewAssessment assessment) {
	}

	/**
	 * The customer being assessed, as far as an assessment needs it: its code, and the
	 * name, owner and status the review queue shows.
	 */
	public record Subject(String code, String name, @Nullable String ownerUsername, String status) {
	}

	private static void lines(StatementLines lines, Map<String, BigDecimal> facts) {
		for (RecordComponent line : LINES) {
			try {
				Object value = line.getAccessor().invoke(lines);
				if (value != null) {
					facts.put("line:" + line.getName(), (BigDecimal) value);
				}
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("Cannot read statement line " + line.getName(), ex);
			}
		}
	}

	private static FactorResult factor(FactorScore score) {
		FactorDefinition factor = score.factor();
		return new FactorResult(factor.code(), factor.nameZh(), factor.nameEn(), factor.source().name(), score.value(),
				score.points(), score.weight(), score.contribution(), score.missing(),
				score.missing()
						? (score.appliedPolicy() != null ? score.appliedPolicy() : factor.missingPolicy()).name()
						: null);
	}

}
