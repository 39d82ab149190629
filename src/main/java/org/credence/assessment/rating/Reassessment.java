package org.credence.assessment.rating;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.credence.assessment.Assessments;
import org.credence.assessment.model.ModelDefinition;
import org.credence.assessment.model.ScoringModels;
import org.credence.assessment.statement.FinancialStatement;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.receivable.PaymentBehaviour;
import org.credence.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Batch re-assessment: the customers whose review is due (nightly, or on demand), or
 * those rated with a model that was just activated. One run at a time across every
 * application instance: a run is a RUNNING row in {@code assessment.batch_run}, and a
 * unique index admits only one, so a second start at the same moment joins the first
 * instead of running again. Runs as the system, reuses each customer's previous answers,
 * and works the customers in chunks of {@value #DEFAULT_CHUNK} (two chunks at a time),
 * each chunk in one transaction with set-based reads and writes; records progress, and
 * records a customer that fails without stopping and without keeping any of its writes.
 */
@Service
public class Reassessment {

	/** Triggers of a run. */
	public static final String NIGHTLY = "NIGHTLY", MANUAL = "MANUAL", MODEL_ACTIVATED = "MODEL_ACTIVATED";

	static final int DEFAULT_CHUNK = 500;

	/** Threads working the chunks of a run at the same time. */
	static final int DEFAULT_WORKERS = 2;

	/** A running run that has not reported for this long is taken as dead. */
	private static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

	private static final Logger log = LoggerFactory.getLogger(Reassessment.class);

	private final Assessor assessor;

	private final AssessmentRepository assessments;

	private final ScoringModels models;

	private final ReviewQueueRepository queue;

	private final BatchRunRepository runs;

	private final CurrentUser currentUser;

	private final Executor executor;

	private final Clock clock;

	private final TransactionTemplate newTransaction;

	private final TransactionTemplate savepoint;

	private final int chunk;

	private final int workers;

	Reassessment(Assessor assessor, AssessmentRepository assessments, ScoringModels models, ReviewQueueRepository queue,
			BatchRunRepository runs, CurrentUser currentUser, @Qualifier("applicationTaskExecutor") Executor executor,
			Clock clock, PlatformTransactionManager transactions,
			@Value("${credence.assessment.batch-size:" + DEFAULT_CHUNK + "}") int chunk,
			@Value("${credence.assessment.batch-workers:" + DEFAULT_WORKERS + "}") int workers) {
		this.assessor = assessor;
		this.assessments = assessments;
		this.models = models;
		this.queue = queue;
		this.runs = runs;
		this.currentUser = currentUser;
		this.executor = executor;
		this.clock = clock;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.chunk = Math.max(1, chunk);
		this.workers = Math.max(1, workers);
	}

	/**
	 * Starts a run in the background, or joins the one that is running.
	 * @param trigger {@link #MANUAL} or {@link #MODEL_ACTIVATED}
	 * @param modelCode for {@link #MODEL_ACTIVATED}: the model whose customers are
	 * re-assessed
	 */
	public Start start(String trigger, @Nullable String modelCode) {
		this.currentUser.require(Permission.ASSESSMENT_RUN);
		Start start = begin(trigger, modelCode);
		if (start.started()) {
			this.executor.execute(() -> execute(start.run().id()));
		}
		return start;
	}

	/**
	 * Starts a run and works it in the calling thread; or, when one is running, joins it
	 * without waiting.
	 */
	public Start runNow(String trigger, @Nullable String modelCode) {
		this.currentUser.require(Permission.ASSESSMENT_RUN);
		Start start = begin(trigger, modelCode);
		if (!start.started()) {
			return start;
		}
		execute(start.run().id());
		return new Start(this.runs.find(start.run().id()).orElseThrow(), true);
	}

	public Optional<BatchRun> find(long id) {
		return this.runs.find(id);
	}

	/** The run going on now, if any. */
	public Optional<BatchRun> running() {
		return this.runs.running();
	}

	/** The latest run, running or not. */
	public Optional<BatchRun> latest() {
		return this.runs.latest();
	}

	/** The first failures of a run, oldest first. */
	public List<BatchRunFailure> failures(long id, int limit) {
		return this.runs.failures(id, limit);
	}

	private Start begin(String trigger, @Nullable String modelCode) {
		String by = this.currentUser.username();
		for (int attempt = 0; attempt < 3; attempt++) {
			Instant now = this.clock.instant();
			try {
				Long id = this.newTransaction.execute(status -> {
					this.runs.abandon(now.minus(ABANDONED_AFTER), now);
					return this.runs.insertRunning(trigger, modelCode, by, now);
				});
				return new Start(this.runs.find(id).orElseThrow(), true);
			}
			catch (DuplicateKeyException ex) {
				Optional<BatchRun> running = this.newTransaction.execute(status -> this.runs.running());
				if (running.isPresent()) {
					return new Start(running.get(), false);
				}
				// the other run ended in between: try again
			}
		}
		throw new IllegalStateException("Could not start a batch run");
	}

	/**
	 * Works a run. Its bookkeeping and each chunk commit in transactions of their own, so
	 * progress shows at once even when the caller (an event listener) has a transaction.
	 */
	private void execute(long runId) {
		this.currentUser.asSystem(() -> {
			BatchRun run = this.runs.find(runId).orElseThrow();
			String status = "FAILED";
			try {
				List<String> codes = candidates(run);
				this.newTransaction
					.executeWithoutResult(tx -> this.runs.total(runId, codes.size(), this.clock.instant()));
				// the active models with their rating scales, read once for the whole run
				Map<String, ModelDefinition> active = new HashMap<>();
				this.models.activeModels().forEach(definition -> active.put(definition.code(), definition));
				List<List<String>> chunks = new ArrayList<>();
				for (int from = 0; from < codes.size(); from += this.chunk) {
					chunks.add(codes.subList(from, Math.min(codes.size(), from + this.chunk)));
				}
				workAll(run, chunks, active);
				status = "COMPLETED";
			}
			catch (RuntimeException ex) {
				log.error("Batch run {} stopped", runId, ex);
			}
			finally {
				String outcome = status;
				this.newTransaction.executeWithoutResult(tx -> this.runs.finish(runId, outcome, this.clock.instant()));
			}
			BatchRun finished = this.runs.find(runId).orElseThrow();
			log.info("Batch run {} ({}) {}: {} assessed, {} skipped, {} failed of {}", runId, finished.trigger(),
					finished.status(), finished.done(), finished.skipped(), finished.failed(), finished.total());
			return null;
		});
	}

	/**
	 * Works the chunks with {@link #workers} threads, each taking the next chunk when
	 * done with its own: while one chunk's rows are written, the next is read and scored.
	 * The chunks hold different customers; their audit entries queue for the chain's
	 * lock, which each takes last, just before its commit.
	 */
	private void workAll(BatchRun run, List<List<String>> chunks, Map<String, ModelDefinition> active) {
		int threads = Math.min(this.workers, chunks.size());
		if (threads <= 1) {
			chunks.forEach(codes -> work(run, codes, active));
			return;
		}
		AtomicInteger next = new AtomicInteger();
		AtomicInteger number = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(threads,
				task -> new Thread(task, "reassessment-" + run.id() + "-" + number.incrementAndGet()));
		try {
			List<Future<?>> working = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				working.add(pool.submit(() -> this.currentUser.asSystem(() -> {
					for (int chunk = next.getAndIncrement(); chunk < chunks.size(); chunk = next.getAndIncrement()) {
						work(run, chunks.get(chunk), active);
					}
					return null;
				})));
			}
			for (Future<?> worker : working) {
				worker.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("A worker stopped", ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	private List<String> candidates(BatchRun run) {
		if (MODEL_ACTIVATED.equals(run.trigger()) && run.modelCode() != null) {
			return this.queue.ratedWith(run.modelCode());
		}
		return this.queue.dueCodes(LocalDate.now(this.clock));
	}

	/**
	 * One chunk in one transaction, read and written set-based: one read per kind of
	 * input and one write per table for all its customers ({@link #together}). A customer
	 * that cannot be scored is recorded as failed and left out before anything is
	 * written. When a write fails, the chunk's transaction rolls back whole (with its
	 * audit entries, so the chain never holds them) and the chunk is worked again one
	 * customer at a time ({@link #oneByOne}), so that only the customer at fault fails.
	 */
	private void work(BatchRun run, List<String> codes, Map<String, ModelDefinition> active) {
		try {
			this.newTransaction.executeWithoutResult(chunk -> together(run, codes, active));
		}
		catch (RuntimeException ex) {
			log.warn("Batch run {}: a chunk of {} customers failed together; assessing them one by one", run.id(),
					codes.size(), ex);
			oneByOne(run, codes, active);
		}
	}

	/** The chunk with set-based reads and writes, in the caller's transaction. */
	private void together(BatchRun run, List<String> codes, Map<String, ModelDefinition> active) {
		String runModel = MODEL_ACTIVATED.equals(run.trigger()) ? run.modelCode() : null;
		Map<String, AssessmentRepository.Previous> previous = this.assessments.previous(codes);
		Map<String, Assessor.Subject> subjects = this.queue.subjects(codes);
		Assessor.Inputs inputs = this.assessor.inputs(codes);
		List<Assessor.Scored> scored = new ArrayList<>(codes.size());
		Map<String, String> failures = new LinkedHashMap<>();
		int skipped = 0;
		for (String code : codes) {
			try {
				if (!inputs.known().contains(code)) {
					throw new NotFoundException("customer.not-found", code);
				}
				AssessmentRepository.Previous before = previous.get(code);
				FinancialStatement statement = inputs.statements().get(code);
				if (before == null && statement == null) {
					skipped++;
					continue;
				}
				ModelDefinition model = model(runModel, before, active);
				Assessor.Subject customer = subjects.get(code);
				if (customer == null) {
					throw new IllegalStateException("Not in the review queue: " + code);
				}
				PaymentBehaviour behaviour = inputs.behaviours().get(code);
				if (behaviour == null) {
					throw new IllegalStateException("No payment behaviour read for " + code);
				}
				scored.add(this.assessor.score(customer, model, answers(model, before), run.id(), statement,
						inputs.externalScores().get(code), behaviour));
			}
			catch (RuntimeException ex) {
				failures.put(code, describe(ex));
			}
		}
		this.assessor.storeAll(scored);
		Instant now = this.clock.instant();
		failures.forEach((code, message) -> this.runs.failure(run.id(), code, message, now));
		this.runs.progress(run.id(), scored.size(), failures.size(), skipped, now);
	}

	/** The chunk one customer at a time, each in a savepoint of its own. */
	private void oneByOne(BatchRun run, List<String> codes, Map<String, ModelDefinition> active) {
		String model = MODEL_ACTIVATED.equals(run.trigger()) ? run.modelCode() : null;
		try {
			this.newTransaction.executeWithoutResult(chunk -> {
				int done = 0;
				int failed = 0;
				int skipped = 0;
				for (String code : codes) {
					try {
						boolean assessed = Boolean.TRUE
							.equals(this.savepoint.execute(status -> reassess(code, model, active, run.id())));
						if (assessed) {
							done++;
						}
						else {
							skipped++;
						}
					}
					catch (RuntimeException ex) {
						failed++;
						this.runs.failure(run.id(), code, describe(ex), this.clock.instant());
					}
				}
				this.runs.progress(run.id(), done, failed, skipped, this.clock.instant());
			});
		}
		catch (RuntimeException ex) {
			log.warn("Batch run {}: a chunk of {} customers failed", run.id(), codes.size(), ex);
			this.newTransaction.executeWithoutResult(status -> {
				codes.forEach(code -> this.runs.failure(run.id(), code, describe(ex), this.clock.instant()));
				this.runs.progress(run.id(), 0, codes.size(), 0, this.clock.instant());
			});
		}
	}

	/**
	 * Re-assesses one customer with the model of its current assessment (or the run's, or
	 * the default) and its previous answers. A customer never assessed and without a
	 * statement has nothing to assess: false.
	 */
	private boolean reassess(String code, @Nullable String runModel, Map<String, ModelDefinition> active, long runId) {
		Optional<AssessmentRepository.Previous> previous = this.assessments.previous(code);
		Optional<FinancialStatement> statement = this.assessor.latestStatement(code);
		if (previous.isEmpty() && statement.isEmpty()) {
			return false;
		}
		ModelDefinition model = model(runModel, previous.orElse(null), active);
		// the queue's copy of the customer: batches need no second read of the credit
		// file
		Assessor.Subject customer = this.queue.subject(code)
			.orElseThrow(() -> new IllegalStateException("Not in the review queue: " + code));
		this.assessor.assess(customer, model, answers(model, previous.orElse(null)), runId, statement);
		return true;
	}

	/** The run's model, or that of the customer's current assessment, or the default. */
	private ModelDefinition model(@Nullable String runModel, AssessmentRepository.@Nullable Previous previous,
			Map<String, ModelDefinition> active) {
		String modelCode = runModel != null ? runModel
				: previous != null ? previous.modelCode() : this.models.defaultModelCode();
		ModelDefinition model = active.get(modelCode);
		if (model == null) {
			throw new IllegalStateException("No active scoring model " + modelCode);
		}
		return model;
	}

	/** The previous answers that are still valid for the model. */
	private static Map<String, BigDecimal> answers(ModelDefinition model,
			AssessmentRepository.@Nullable Previous previous) {
		return Assessments.validAnswers(model, previous == null ? Map.of() : previous.answers());
	}

	private static String describe(RuntimeException ex) {
		return ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
	}

	/**
	 * The outcome of a start.
	 *
	 * @param started whether this call started the run; false when it joined one that was
	 * running
	 */
	public record Start(BatchRun run, boolean started) {
	}

}
