package org.credence.assessment.rating;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import org.credence.customer.report.ExternalReport;
import org.credence.customer.report.ExternalReports;
import org.credence.identity.AuditRecord;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.shared.Paging;
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

	/** Enough reports to find the latest one that gives a score. */
	private static final Paging LATEST_REPORTS = new Paging(0, 10);

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
		Map<String, BigDecimal> facts = facts(customer.code(), model, answers, statement);
		Score score = Scorecard.score(model, new Facts(facts));
		RatingBand band = score.band();
		List<FactorResult> factors = score.factors().stream().map(Assessor::factor).toList();
		List<Reason> reasons = ReasonPolicy.reasons(score);
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, this.clock.getZone());
		LocalDate nextReview = today.plusMonths(band.reviewMonths());
		BigDecimal total = score.score().setScale(2, RoundingMode.HALF_UP);
		String by = this.currentUser.username();
		long id = this.repository.insert(new NewAssessment(customer.code(), model.code(), model.version(), total, band,
				nextReview, facts, answers, factors, reasons, today, now, by, runId));
		this.queue.assessed(customer.code(), customer.name(), customer.ownerUsername(), customer.status(), id,
				model.code(), band.grade(), total, today, nextReview);
		this.customers.recordRating(customer.code(), band.grade(), band.riskClass());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("model", model.code() + " v" + model.version());
		after.put("score", total.toPlainString());
		after.put("grade", band.grade());
		after.put("pd", band.pd().toPlainString());
		after.put("riskClass", band.riskClass());
		after.put("nextReviewDate", nextReview.toString());
		if (runId != null) {
			after.put("batchRun", runId);
		}
		this.auditTrail.record(AuditRecord.created(CustomerDetails.auditSubject(customer.code()), "assessment",
				Long.toString(id), after));
		this.events.publishEvent(new AssessmentCompleted(customer.code(), id, band.grade(), band.riskClass(), band.pd(),
				total, model.code(), model.version(), nextReview));
		return id;
	}

	/**
	 * What is known about the customer now, by reference: {@code ratio:*} and
	 * {@code line:*} of the latest statement, {@code qualitative:*} from the answers,
	 * {@code external:SCORE} from the latest external report with a score, and
	 * {@code behaviour:*} from the receivables ledger as of today.
	 */
	Map<String, BigDecimal> facts(String customerCode, ModelDefinition model, Map<String, BigDecimal> answers,
			Optional<FinancialStatement> latestStatement) {
		Map<String, BigDecimal> facts = new LinkedHashMap<>();
		latestStatement.ifPresent(statement -> {
			statement.ratios().forEach((ratio, value) -> facts.put("ratio:" + ratio.name(), value));
			lines(statement.lines(), facts);
		});
		for (FactorDefinition factor : model.factors()) {
			if (factor.source() == FactorSource.QUALITATIVE && answers.containsKey(factor.code())) {
				facts.put(factor.reference(), answers.get(factor.code()));
			}
		}
		this.reports.reports(customerCode, LATEST_REPORTS)
			.items()
			.stream()
			.map(ExternalReport::score)
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.ifPresent(score -> facts.put("external:SCORE", score));
		// payment behaviour from the ledger; a customer without paid or open invoices has
		// none
		PaymentBehaviour behaviour = this.receivables.behaviour(customerCode, LocalDate.now(this.clock));
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
