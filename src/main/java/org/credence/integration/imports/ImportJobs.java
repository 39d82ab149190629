package org.credence.integration.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import org.credence.identity.CurrentUser;
import org.credence.shared.CredenceException;
import org.credence.shared.InvalidInputException;
import org.credence.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports that run in the background, for files too large to wait for (a million
 * invoices): the caller gets a job at once and follows its progress. The import itself is
 * the same as a synchronous one ({@link FileImports#importFile}), run as the user who
 * started it and in their language, with its data written in one transaction; the job's
 * progress is written beside it in short transactions of its own, so it is visible while
 * the data is not yet; its end (done, with the report) is written in the data's own
 * transaction, so the two commit together. Several instances may share the database: a
 * job names the instance running it, which writes a heartbeat while it lives. When an
 * instance stops half-way the data transaction rolls back with the connection; the job is
 * marked failed ("interrupted, nothing was written", true because nothing of it was
 * committed) when that instance starts again, or by any instance once its heartbeat is
 * older than {@code credence.imports.heartbeat-timeout}. A job taken for dead that was
 * alive after all cannot then commit: marking it done finds it failed and rolls its data
 * back. Jobs are kept; a job is seen by whoever may import its kind.
 */
@Service
public class ImportJobs {

	/** How often, in rows, progress is written at most. */
	static final int PROGRESS_EVERY = 10_000;

	private static final String INTERRUPTED = "integration.job.interrupted";

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	private final FileImports imports;

	private final ImportJobRepository repository;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate separately;

	private final TransactionTemplate dataTransaction;

	private final Settings settings;

	private final ThreadPoolExecutor executor;

	private final ScheduledExecutorService heartbeat;

	/** The jobs of this instance, queued or running. */
	private final Set<UUID> local = ConcurrentHashMap.newKeySet();

	/** For tests: run in the job's thread as it starts. */
	volatile Consumer<UUID> onStart = id -> {
	};

	/**
	 * For tests: run in the job's data transaction just before the job is marked done.
	 */
	volatile Consumer<UUID> beforeDone = id -> {
	};

	@Autowired
	ImportJobs(FileImports imports, ImportJobRepository repository, CurrentUser currentUser, MessageSource messages,
			JsonMapper json, Clock clock, PlatformTransactionManager transactionManager,
			@Value("${credence.imports.job-workers:2}") int workers,
			@Value("${credence.imports.queued-jobs:4}") int queued,
			@Value("${credence.imports.instance-id:}") String instanceId,
			@Value("${credence.imports.heartbeat-timeout:PT5M}") Duration heartbeatTimeout) {
		this(imports, repository, currentUser, messages, json, clock, transactionManager,
				new Settings(workers, queued, instanceId.isBlank() ? hostName() : instanceId, heartbeatTimeout));
	}

	ImportJobs(FileImports imports, ImportJobRepository repository, CurrentUser currentUser, MessageSource messages,
			JsonMapper json, Clock clock, PlatformTransactionManager transactionManager, Settings settings) {
		this.imports = imports;
		this.repository = repository;
		this.currentUser = currentUser;
		this.messages = messages;
		this.json = json;
		this.clock = clock;
		this.settings = settings;
		this.separately = new TransactionTemplate(transactionManager);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.dataTransaction = new TransactionTemplate(transactionManager);
		AtomicInteger threads = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.MILLISECONDS,
				settings.queued() > 0 ? new ArrayBlockingQueue<>(settings.queued()) : new SynchronousQueue<>(),
				work -> {
					Thread thread = new Thread(work, "import-job-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		this.heartbeat = Executors.newSingleThreadScheduledExecutor(work -> {
			Thread thread = new Thread(work, "import-job-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		long every = Math.max(1000, settings.heartbeatTimeout().toMillis() / 4);
		this.heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
	}

	/**
	 * Starts importing a file in the background. The header is checked at once, so a file
	 * that cannot be read or has wrong columns is refused here, not in the job. At most
	 * {@code credence.imports.job-workers} jobs run at a time and
	 * {@code credence.imports.queued-jobs} wait, each holding its file in memory; beyond
	 * that a job is refused.
	 * @throws NotFoundException when the kind is unknown
	 * @throws InvalidInputException (on the field {@code file}) when the file cannot be
	 * read or its header is wrong
	 * @throws Busy when too many jobs are waiting already
	 * @throws org.springframework.security.access.AccessDeniedException when the user may
	 * not import this kind
	 */
	public ImportJob start(String kind, byte[] content, ImportMode mode, @Nullable String fileName) {
		this.imports.authorise(kind);
		this.imports.checkHeader(kind, content);
		UUID id = UUID.randomUUID();
		this.local.add(id);
		this.separately.executeWithoutResult(
				status -> this.repository.insert(id, kind, mode.code(), fileName, FileImports.sha256(content),
						content.length, this.currentUser.username(), this.clock.instant(), this.settings.instanceId()));
		Locale locale = LocaleContextHolder.getLocale();
		// a copy: signing out clears the session's context, which must not stop the job
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
		try {
			this.executor
				.execute(new DelegatingSecurityContextRunnable(() -> run(id, kind, content, mode, locale), context));
		}
		catch (RejectedExecutionException ex) {
			this.separately.executeWithoutResult(status -> this.repository.delete(id));
			this.local.remove(id);
			throw new Busy(this.settings.workers() + this.settings.queued());
		}
		return job(id);
	}

	/**
	 * A job, with its failure in the caller's language.
	 * @throws NotFoundException when there is none, or the caller may not import its kind
	 */
	public ImportJob job(UUID id) {
		ImportJobRepository.Row row = this.repository.find(id)
			.orElseThrow(() -> new NotFoundException("integration.job.not-found", id));
		this.imports.authorise(row.kind());
		ImportResult report = row.report() == null ? null : this.json.readValue(row.report(), ImportResult.class);
		String failure = row.failureCode() == null ? null : this.messages.getMessage(row.failureCode(),
				arguments(row.failureDetail()), row.failureCode(), LocaleContextHolder.getLocale());
		return new ImportJob(row.id(), row.kind(), row.mode(), row.fileName(), row.sha256(), row.size(), row.status(),
				row.rowsTotal(), row.rowsDone(), report, failure, row.createdBy(), row.createdAt(), row.finishedAt());
	}

	/**
	 * Marks the jobs that are dead as failed: those this instance left when it stopped
	 * (their data transaction never committed) and those of any instance whose heartbeat
	 * is older than {@code credence.imports.heartbeat-timeout}. Jobs that other instances
	 * are running are left alone.
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void failInterrupted() {
		Instant now = this.clock.instant();
		int interrupted = this.repository.failDead(this.settings.instanceId(), Set.copyOf(this.local),
				now.minus(this.settings.heartbeatTimeout()), INTERRUPTED, now);
		if (interrupted > 0) {
			log.warn("{} import jobs were interrupted by a stop; nothing of them was written", interrupted);
		}
	}

	/** The name of this instance among those sharing the database. */
	String instanceId() {
		return this.settings.instanceId();
	}

	@PreDestroy
	void stop() {
		this.heartbeat.shutdownNow();
		this.executor.shutdownNow();
	}

	private void beat() {
		try {
			if (!this.local.isEmpty()) {
				this.separately.executeWithoutResult(
						status -> this.repository.heartbeat(Set.copyOf(this.local), this.clock.instant()));
			}
			failInterrupted();
		}
		catch (RuntimeException ex) {
			log.warn("Import job heartbeat failed", ex);
		}
	}

	private void run(UUID id, String kind, byte[] content, ImportMode mode, Locale locale) {
		LocaleContextHolder.setLocale(locale);
		try {
			this.onStart.accept(id);
			Integer total = this.imports.countRows(kind, content);
			if (total != null) {
				this.separately.executeWithoutResult(status -> this.repository.total(id, total));
			}
			int[] written = { 0 };
			ImportResult[] result = { null };
			// the job is marked done in the transaction that writes its data: both commit
			// or neither, and a job another instance took for dead is not written
			boolean wrote = Boolean.TRUE.equals(this.dataTransaction.execute(status -> {
				result[0] = this.imports.importFile(kind, content, mode, rows -> {
					if (rows - written[0] >= PROGRESS_EVERY || (total != null && rows >= total)) {
						written[0] = rows;
						this.separately
							.executeWithoutResult(s -> this.repository.progress(id, rows, this.clock.instant()));
					}
				});
				if (status.isRollbackOnly()) {
					// the import undid its own writes (all or nothing): nothing to commit
					status.setRollbackOnly();
					return false;
				}
				this.beforeDone.accept(id);
				if (!this.repository.done(id, result[0].rows(), this.json.writeValueAsString(result[0]),
						this.clock.instant())) {
					throw new Taken(id);
				}
				return true;
			}));
			if (!wrote) {
				String report = this.json.writeValueAsString(result[0]);
				this.separately.executeWithoutResult(
						status -> this.repository.done(id, result[0].rows(), report, this.clock.instant()));
			}
		}
		catch (Taken ex) {
			log.warn("Import job {} was marked failed meanwhile; its data was rolled back", id);
		}
		catch (InvalidInputException ex) {
			failed(id, "integration.job.file-refused",
					ex.problems()
						.stream()
						.map(p -> this.messages.getMessage(p.messageCode(), p.arguments(), p.messageCode(), locale))
						.collect(Collectors.joining(" ")));
		}
		catch (CredenceException ex) {
			failed(id, "integration.job.refused",
					this.messages.getMessage(ex.messageCode(), ex.arguments(), ex.messageCode(), locale));
		}
		catch (RuntimeException ex) {
			log.warn("Import job {} failed; its transaction was rolled back", id, ex);
			failed(id, "integration.job.failed", rootMessage(ex));
		}
		finally {
			this.local.remove(id);
			LocaleContextHolder.resetLocaleContext();
		}
	}

	private void failed(UUID id, String code, String detail) {
		this.separately.executeWithoutResult(status -> this.repository.failed(id, code, detail, this.clock.instant()));
	}

	private static Object[] arguments(@Nullable String detail) {
		return detail == null || detail.isEmpty() ? new Object[0] : new Object[] { detail };
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
		int newline = message.indexOf('\n');
		return newline > 0 ? message.substring(0, newline) : message;
	}

	private static String hostName() {
		try {
			return java.net.InetAddress.getLocalHost().getHostName();
		}
		catch (java.net.UnknownHostException ex) {
			return "localhost";
		}
	}

	/**
	 * How jobs run.
	 *
	 * @param workers jobs run at the same time
	 * @param queued jobs that may wait for a worker, each holding its file in memory
	 * @param instanceId names this instance among those sharing the database, the same
	 * across its restarts
	 * @param heartbeatTimeout how long a running job may go without a heartbeat before
	 * any instance takes it for dead
	 */
	record Settings(int workers, int queued, String instanceId, Duration heartbeatTimeout) {
	}

	/** Too many jobs are waiting already: answered 503, to be tried again later. */
	/**
	 * Whether no job runs or waits on this instance: a worker that wrote its job's end is
	 * busy until its task returns, which tests that fill the queue wait for.
	 */
	boolean idle() {
		return this.executor.getActiveCount() == 0 && this.executor.getQueue().isEmpty();
	}

	public static final class Busy extends CredenceException {

		Busy(int limit) {
			super("integration.job.busy", limit);
		}

	}

	/** The job was marked failed by another instance while its data was being written. */
	private static final class Taken extends RuntimeException {

		Taken(UUID id) {
			super("Import job " + id + " is no longer running");
		}

	}

}
