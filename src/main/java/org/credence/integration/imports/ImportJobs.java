package org.credence.integration.imports;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
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
 * the data is not yet. When the application stops half-way the data transaction rolls
 * back with the connection; at the next start every job still marked running is marked
 * failed ("interrupted, nothing was written"), which is true because nothing of it was
 * committed. Jobs are kept; a job is seen by whoever may import its kind.
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

	private final Settings settings;

	private final ThreadPoolExecutor executor;

	/** For tests: run in the job's thread as it starts. */
	volatile Consumer<UUID> onStart = id -> {
	};

	@Autowired
	ImportJobs(FileImports imports, ImportJobRepository repository, CurrentUser currentUser, MessageSource messages,
			JsonMapper json, Clock clock, PlatformTransactionManager transactionManager,
			@Value("${credence.imports.job-workers:2}") int workers,
			@Value("${credence.imports.queued-jobs:4}") int queued) {
		this(imports, repository, currentUser, messages, json, clock, transactionManager,
				new Settings(workers, queued));
	}

	ImportJobs(FileImports imports, ImportJobRepository repository, CurrentUser currentUser, MessageSource messages,
			JsonMapper json, Clock clock, PlatformTransactionManager transactionManager, Settings settings) {
		this.settings = settings;
		this.imports = imports;
		this.repository = repository;
		this.currentUser = currentUser;
		this.messages = messages;
		this.json = json;
		this.clock = clock;
		this.separately = new TransactionTemplate(transactionManager);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		AtomicInteger threads = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.MILLISECONDS,
				settings.queued() > 0 ? new ArrayBlockingQueue<>(settings.queued()) : new SynchronousQueue<>(),
				work -> {
					Thread thread = new Thread(work, "import-job-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
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
		this.separately.executeWithoutResult(status -> this.repository.insert(id, kind, mode.code(), fileName,
				FileImports.sha256(content), content.length, this.currentUser.username(), this.clock.instant()));
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
	 * Marks the jobs that were running when the application stopped as failed: their data
	 * transaction never committed.
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void failInterrupted() {
		int interrupted = this.repository.failRunning(INTERRUPTED, this.clock.instant());
		if (interrupted > 0) {
			log.warn("{} import jobs were interrupted by a stop; nothing of them was written", interrupted);
		}
	}

	@PreDestroy
	void stop() {
		this.executor.shutdownNow();
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
			ImportResult result = this.imports.importFile(kind, content, mode, rows -> {
				if (rows - written[0] >= PROGRESS_EVERY || (total != null && rows >= total)) {
					written[0] = rows;
					this.separately.executeWithoutResult(status -> this.repository.progress(id, rows));
				}
			});
			String report = this.json.writeValueAsString(result);
			this.separately
				.executeWithoutResult(status -> this.repository.done(id, result.rows(), report, this.clock.instant()));
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

	/**
	 * How jobs run.
	 *
	 * @param workers jobs run at the same time
	 * @param queued jobs that may wait for a worker, each holding its file in memory
	 */
	record Settings(int workers, int queued) {
	}

	/** Too many jobs are waiting already: answered 503, to be tried again later. */
	public static final class Busy extends CredenceException {

		Busy(int limit) {
			super("integration.job.busy", limit);
		}

	}

}
