package org.credence.integration.imports;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.credence.IntegrationTest;
import org.credence.customer.ActivityFixtures;
import org.credence.customer.Customers;
import org.credence.identity.AuditEntry;
import org.credence.identity.AuditQuery;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.receivable.Invoice;
import org.credence.receivable.ReceivableFixtures;
import org.credence.receivable.Receivables;
import org.credence.shared.Paging;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Imports in the background: the job's progress and report, a failure half-way that
 * leaves nothing written, and jobs interrupted by a stop.
 */
@IntegrationTest
@AutoConfigureMockMvc
@Import(FailingInvoiceImporterConfiguration.class)
class ImportJobsIntegrationTests {

	static final String HEADER = "externalId,customerCode,number,amount,currency,issueDate,dueDate";

	@Autowired
	MockMvc mvc;

	@Autowired
	ImportJobs jobs;

	@Autowired
	ImportJobRepository repository;

	@Autowired
	Receivables receivables;

	@Autowired
	Customers customers;

	@Autowired
	Users users;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	FileImports imports;

	@Autowired
	DataSource dataSource;

	@Autowired
	MessageSource messages;

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	AuditTrail auditTrail;

	ReceivableFixtures fixtures;

	String customer;

	@BeforeEach
	void setUp() {
		this.fixtures = new ReceivableFixtures(this.users, this.customers, this.currentUser, this.receivables);
		this.customer = this.fixtures.customer();
	}

	@AfterEach
	void resetHooks() {
		this.jobs.onStart = id -> {
		};
		this.jobs.beforeDone = id -> {
		};
	}

	@Test
	void aStartingInstanceFailsItsOwnLeftJobsAndThoseWithoutHeartbeatButNotTheLiveJobsOfOthers() {
		Instant now = this.clock.instant();
		UUID mine = UUID.randomUUID();
		UUID othersLive = UUID.randomUUID();
		UUID othersDead = UUID.randomUUID();
		this.repository.insert(mine, "invoices", "all", "a.csv", "0".repeat(64), 10, this.fixtures.finance, now,
				this.jobs.instanceId());
		this.repository.insert(othersLive, "invoices", "all", "b.csv", "1".repeat(64), 10, this.fixtures.finance,
				now.minus(Duration.ofHours(2)), "other-instance");
		this.repository.progress(othersLive, 10_000, now.minusSeconds(30));
		this.repository.insert(othersDead, "invoices", "all", "c.csv", "2".repeat(64), 10, this.fixtures.finance,
				now.minus(Duration.ofHours(2)), "crashed-instance");
		this.repository.progress(othersDead, 10_000, now.minus(Duration.ofMinutes(6)));

		this.jobs.failInterrupted();

		assertThat(statusOf(mine)).isEqualTo(ImportJob.Status.FAILED);
		assertThat(statusOf(othersDead)).isEqualTo(ImportJob.Status.FAILED);
		// another instance's job whose heartbeat is recent is alive: it goes on
		assertThat(statusOf(othersLive)).isEqualTo(ImportJob.Status.RUNNING);
		this.repository.failed(othersLive, "integration.job.interrupted", "", now);
	}

	@Test
	void aJobTakenForDeadWhileWritingIsNotWrittenSoItsFailureSaysTheTruth() throws Exception {
		String p = ReceivableFixtures.unique("T");
		TransactionTemplate separately = new TransactionTemplate(this.transactionManager);
		separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		// another instance marks the job failed just before it is marked done
		this.jobs.beforeDone = id -> separately.executeWithoutResult(
				status -> this.repository.failed(id, "integration.job.interrupted", "", this.clock.instant()));

		ImportJob job = ActivityFixtures.as(this.fixtures.finance, Role.FINANCE,
				() -> this.jobs.start("invoices", invoices(p, 3, null), ImportMode.ALL, "taken.csv"));
		ImportJob ended = awaitEnd(job.id());

		assertThat(ended.status()).isEqualTo(ImportJob.Status.FAILED);
		assertThat(numbers()).isEmpty();
	}

	@Test
	void signingOutWhileAJobRunsDoesNotStopItAndTheJobIsStillTheUsers() throws Exception {
		String p = ReceivableFixtures.unique("S");
		byte[] file = invoices(p, 3, null);
		CountDownLatch signedOut = new CountDownLatch(1);
		this.jobs.onStart = id -> await(signedOut);
		SecurityContext session = SecurityContextHolder.createEmptyContext();
		session.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(this.fixtures.finance, null,
				CurrentUser.Authorities.of(List.of(Role.FINANCE))));
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContextHolder.setContext(session);
		ImportJob job;
		try {
			job = this.jobs.start("invoices", file, ImportMode.ALL, "signed-out.csv");
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
		// what SecurityContextLogoutHandler does to the session's context on sign-out
		session.setAuthentication(null);
		signedOut.countDown();

		ImportJob ended = awaitEnd(job.id());
		assertThat(ended.status()).as(String.valueOf(ended.failure())).isEqualTo(ImportJob.Status.DONE);
		assertThat(numbers()).containsExactly(p + "-1", p + "-2", p + "-3");
		assertThat(this.auditTrail.entries(new AuditQuery(null, "invoice-import", null, null, null), new Paging(0, 100))
			.items()
			.stream()
			.filter(e -> e.entityId().equals(job.fileSha256()))
			.map(AuditEntry::actor)).containsExactly(this.fixtures.finance);
	}

	@Test
	void beyondTheQueuedJobsAJobIsRefusedWith503AndNothingIsStarted() throws Exception {
		String p = ReceivableFixtures.unique("Q");
		CountDownLatch release = new CountDownLatch(1);
		ImportJobs small = new ImportJobs(this.imports, this.repository, this.currentUser, this.messages, this.json,
				this.clock, this.transactionManager,
				new ImportJobs.Settings(1, 1, "queue-test", Duration.ofMinutes(5)));
		small.onStart = id -> await(release);
		try {
			ImportJob running = ActivityFixtures.as(this.fixtures.finance, Role.FINANCE,
					() -> small.start("invoices", invoices(p + "a", 1, null), ImportMode.ALL, "a.csv"));
			ImportJob queued = ActivityFixtures.as(this.fixtures.finance, Role.FINANCE,
					() -> small.start("invoices", invoices(p + "b", 1, null), ImportMode.ALL, "b.csv"));
			assertThatExceptionOfType(ImportJobs.Busy.class)
				.isThrownBy(() -> ActivityFixtures.as(this.fixtures.finance, Role.FINANCE,
						() -> small.start("invoices", invoices(p + "c", 1, null), ImportMode.ALL, p + "c.csv")));
			assertThat(jobsOf(p + "c.csv")).isZero();
			release.countDown();
			assertThat(awaitEnd(running.id()).status()).isEqualTo(ImportJob.Status.DONE);
			assertThat(awaitEnd(queued.id()).status()).isEqualTo(ImportJob.Status.DONE);
			assertThat(numbers()).containsExactly(p + "a-1", p + "b-1");
		}
		finally {
			release.countDown();
			small.stop();
		}
	}

	@Test
	void theApiAnswers503WhenTooManyJobsWait() throws Exception {
		String p = ReceivableFixtures.unique("B");
		// the workers of earlier tests' jobs return to the pool a moment after the jobs
		// end
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
		while (!this.jobs.idle() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(this.jobs.idle()).as("no import job left running by an earlier test").isTrue();
		CountDownLatch release = new CountDownLatch(1);
		this.jobs.onStart = id -> await(release);
		List<UUID> started = new ArrayList<>();
		try {
			// two workers and four waiting by default
			for (int i = 0; i < 6; i++) {
				byte[] file = invoices(p + i, 1, null);
				started.add(
						ActivityFixtures
							.as(this.fixtures.finance, Role.FINANCE,
									() -> this.jobs.start("invoices", file, ImportMode.ALL, "busy.csv"))
							.id());
			}
			this.mvc
				.perform(multipart("/api/v1/imports/{kind}", "invoices").file(file(invoices(p + "x", 1, null)))
					.param("background", "true")
					.header("Accept-Language", "en")
					.with(ActivityFixtures.basic(this.fixtures.finance)))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "60"))
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.detail", containsString("Too many imports")));
		}
		finally {
			release.countDown();
		}
		for (UUID id : started) {
			assertThat(awaitEnd(id).status()).isEqualTo(ImportJob.Status.DONE);
		}
	}

	private ImportJob.Status statusOf(UUID id) {
		return this.repository.find(id).orElseThrow().status();
	}

	private int jobsOf(String fileName) {
		return JdbcClient.create(this.dataSource)
			.sql("select count(*) from integration.import_job where file_name = :name")
			.param("name", fileName)
			.query(Integer.class)
			.single();
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("not released");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aBackgroundImportAnswers202WithTheJobWhoseReportAppearsWhenItIsDone() throws Exception {
		String p = ReceivableFixtures.unique("J");
		byte[] file = invoices(p, 3, null);

		MvcResult started = this.mvc
			.perform(multipart("/api/v1/imports/{kind}", "invoices").file(file(file))
				.param("background", "true")
				.header("Accept-Language", "en")
				.with(ActivityFixtures.basic(this.fixtures.finance)))
			.andExpect(status().isAccepted())
			.andExpect(header().string("Location", containsString("/api/v1/imports/jobs/")))
			.andExpect(jsonPath("$.kind").value("invoices"))
			.andExpect(jsonPath("$.fileName").value("invoices.csv"))
			.andReturn();
		String location = started.getResponse().getHeader("Location");
		UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

		ImportJob job = awaitEnd(id);
		assertThat(job.status()).isEqualTo(ImportJob.Status.DONE);
		this.mvc.perform(get(location).with(ActivityFixtures.basic(this.fixtures.finance)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DONE"))
			.andExpect(jsonPath("$.rowsTotal").value(3))
			.andExpect(jsonPath("$.rowsDone").value(3))
			.andExpect(jsonPath("$.report.accepted").value(3))
			.andExpect(jsonPath("$.report.rejected").value(0));
		assertThat(numbers()).containsExactly(p + "-1", p + "-2", p + "-3");

		String analyst = this.fixtures.user(Role.CREDIT_ANALYST);
		this.mvc.perform(get(location).with(ActivityFixtures.basic(analyst))).andExpect(status().isForbidden());
	}

	@Test
	void aFailureHalfWayWritesNothingFailsTheJobAndKeepsTheProgressWrittenBeside() throws Exception {
		String p = ReceivableFixtures.unique("X");
		// 25,000 good rows stream into the import's transaction before row 25,002 fails
		byte[] file = invoices(p, 25_000, p + "-CRASH");

		ImportJob job = ActivityFixtures.as(this.fixtures.finance, Role.FINANCE,
				() -> this.jobs.start(FailingInvoiceImporterConfiguration.KIND, file, ImportMode.PARTIAL, "big.csv"));
		ImportJob ended = awaitEnd(job.id());

		assertThat(ended.status()).isEqualTo(ImportJob.Status.FAILED);
		assertThat(ended.failure()).contains("simulated crash at row 25002");
		assertThat(ended.report()).isNull();
		assertThat(ended.rowsTotal()).isEqualTo(25_001);
		// progress was committed in its own transactions while the data was not
		assertThat(ended.rowsDone()).isEqualTo(20_000);
		assertThat(numbers()).isEmpty();
	}

	@Test
	void jobsRunningWhenTheApplicationStartsAreMarkedInterruptedAndFinishedOnesStayAsTheyAre() {
		UUID running = UUID.randomUUID();
		UUID done = UUID.randomUUID();
		this.repository.insert(running, "invoices", "all", "a.csv", "0".repeat(64), 10, this.fixtures.finance,
				this.clock.instant(), this.jobs.instanceId());
		this.repository.insert(done, "invoices", "all", "b.csv", "1".repeat(64), 10, this.fixtures.finance,
				this.clock.instant(), this.jobs.instanceId());
		this.repository.done(done, 0, "{\"rows\":0,\"accepted\":0,\"rejected\":0,\"errors\":[],\"unlistedErrors\":0,"
				+ "\"warnings\":[],\"unchanged\":0}", Instant.now());

		this.jobs.failInterrupted();

		org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
		ImportJob interrupted = ActivityFixtures.as(this.fixtures.finance, Role.FINANCE, () -> this.jobs.job(running));
		org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
		assertThat(interrupted.status()).isEqualTo(ImportJob.Status.FAILED);
		assertThat(interrupted.failure()).contains("Nothing was written");
		assertThat(ActivityFixtures.as(this.fixtures.finance, Role.FINANCE, () -> this.jobs.job(done)).status())
			.isEqualTo(ImportJob.Status.DONE);
	}

	@Test
	void onThePageABackgroundImportShowsItsProgressAndThenTheReport() throws Exception {
		String p = ReceivableFixtures.unique("W");
		MvcResult upload = this.mvc
			.perform(multipart("/imports/{kind}", "invoices").file(file(invoices(p, 2, null)))
				.param("background", "true")
				.header("Accept-Language", "zh-CN")
				.with(csrf())
				.with(ActivityFixtures.signedIn(this.fixtures.finance, Role.FINANCE)))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String page = upload.getResponse().getRedirectedUrl();
		assertThat(page).startsWith("/imports/invoices/jobs/");
		awaitEnd(UUID.fromString(page.substring(page.lastIndexOf('/') + 1)));

		this.mvc
			.perform(get(page).header("Accept-Language", "zh-CN")
				.with(ActivityFixtures.signedIn(this.fixtures.finance, Role.FINANCE)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已完成")))
			.andExpect(content().string(containsString("已读取并校验 2 / 2 行")));
		this.mvc
			.perform(get(page + "/progress").header("Accept-Language", "en")
				.with(ActivityFixtures.signedIn(this.fixtures.finance, Role.FINANCE)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"job-progress\"")))
			.andExpect(content().string(containsString("Imported")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("hx-trigger"))));
		assertThat(numbers()).containsExactly(p + "-1", p + "-2");
	}

	@Test
	void aFileWithAWrongHeaderIsRefusedAtOnceNotInTheBackground() throws Exception {
		this.mvc
			.perform(multipart("/api/v1/imports/{kind}", "invoices")
				.file(file("externalId,customer,number\n1,2,3\n".getBytes(StandardCharsets.UTF_8)))
				.param("background", "true")
				.header("Accept-Language", "en")
				.with(ActivityFixtures.basic(this.fixtures.finance)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].message", endsWith("“customer”.")));
	}

	private byte[] invoices(String prefix, int rows, String failingExternalId) {
		StringBuilder csv = new StringBuilder(HEADER).append('\n');
		for (int i = 1; i <= rows; i++) {
			csv.append(prefix)
				.append('-')
				.append(i)
				.append(',')
				.append(this.customer)
				.append(',')
				.append(prefix)
				.append('-')
				.append(i)
				.append(",100.00,CNY,2026-01-05,2026-02-04\n");
		}
		if (failingExternalId != null) {
			csv.append(failingExternalId)
				.append(',')
				.append(this.customer)
				.append(",CRASH,1,CNY,2026-01-05,2026-02-04\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private ImportJob awaitEnd(UUID id) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			ImportJob job = ActivityFixtures.as(this.fixtures.finance, Role.FINANCE, () -> this.jobs.job(id));
			if (!job.isRunning()) {
				return job;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("Job " + id + " still running after 60 s");
	}

	private java.util.List<String> numbers() {
		return this.fixtures.asFinance(() -> this.receivables.invoices(this.customer))
			.stream()
			.map(Invoice::number)
			.sorted()
			.toList();
	}

	static MockMultipartFile file(byte[] content) {
		return new MockMultipartFile("file", "invoices.csv", "text/csv", content);
	}

}
