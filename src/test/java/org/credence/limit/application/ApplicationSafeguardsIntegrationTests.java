package org.credence.limit.application;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.credence.IntegrationTest;
import org.credence.TestClock;
import org.credence.assessment.Assessments;
import org.credence.assessment.statement.FinancialStatements;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.limit.ApplicationType;
import org.credence.limit.CreditApplication;
import org.credence.limit.CreditApplication.ApplicationStatus;
import org.credence.limit.CreditApplication.Decision;
import org.credence.limit.CreditApplicationRequest;
import org.credence.limit.CreditApplications;
import org.credence.limit.CreditApplications.Actions;
import org.credence.limit.CreditApplications.Upload;
import org.credence.limit.CreditLines;
import org.credence.shared.ConflictException;
import org.credence.shared.InvalidInputException;
import org.credence.shared.Paging;
import org.credence.shared.RuleViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.credence.limit.application.ApplicationFixtures.as;

/**
 * The safeguards around a credit application: the last approval checked against the line,
 * attachments all or nothing, the credit manager's cancellation, four-eyes across rounds
 * and simultaneous submissions.
 */
@IntegrationTest
class ApplicationSafeguardsIntegrationTests {

	private static final List<Role> ANALYST = List.of(Role.CREDIT_ANALYST);

	private static final List<Role> MANAGER = List.of(Role.CREDIT_MANAGER);

	private static final List<Role> COMMITTEE = List.of(Role.COMMITTEE_MEMBER);

	@Autowired
	CreditApplications applications;

	@Autowired
	CreditLines lines;

	@Autowired
	Customers customers;

	@Autowired
	FinancialStatements statements;

	@Autowired
	Assessments assessments;

	@Autowired
	Users users;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	TestClock clock;

	ApplicationFixtures fixtures;

	String requester;

	String analyst;

	@BeforeEach
	void setUp() {
		this.fixtures = new ApplicationFixtures(this.customers, this.statements, this.assessments, this.users,
				this.currentUser);
		this.requester = this.fixtures.user(Role.CREDIT_ANALYST);
		this.analyst = this.fixtures.user(Role.CREDIT_ANALYST);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	private CreditApplication apply(CreditApplicationRequest request) {
		return as(this.requester, ANALYST, () -> this.applications.submit(request));
	}

	private CreditApplicationRequest request(String code, ApplicationType type, String amount, LocalDate validTo) {
		return new CreditApplicationRequest(code, type, new BigDecimal(amount), "CNY", 60, validTo, "年度授信");
	}

	private CreditApplication decide(String user, List<Role> roles, long id, Decision decision) {
		return as(user, roles, () -> this.applications.decide(id, decision, "意见"));
	}

	/** A customer with a line of 300,000 in force until the day given. */
	private String customerWithLine(LocalDate lineValidTo) {
		String code = this.fixtures.rated(null).code();
		CreditApplication first = apply(request(code, ApplicationType.NEW, "300000", lineValidTo));
		assertThat(decide(this.analyst, ANALYST, first.id(), Decision.APPROVE).status())
			.isEqualTo(ApplicationStatus.APPROVED);
		return code;
	}

	private long applicationsOf(String code) {
		return as(this.requester, ANALYST,
				() -> this.applications.search(null, code, false, false, null, true, new Paging(0, 50)).total());
	}

	@Test
	void lastApprovalOfATemporaryIncreaseWhoseEndPassedIsRefusedAndShownBeforehand() {
		String code = customerWithLine(today().plusMonths(6));
		CreditApplication temporary = apply(request(code, ApplicationType.TEMPORARY, "50000", today().plusDays(3)));
		String approver = this.fixtures.user(Role.CREDIT_ANALYST);
		this.clock.advance(Duration.ofDays(5));

		Actions actions = as(approver, ANALYST, () -> this.applications.actions(this.applications.get(temporary.id())));
		assertThat(actions.decide()).isTrue();
		assertThat(actions.approvalRefusal()).isNotNull();
		assertThat(actions.approvalRefusal().reasonCode()).isEqualTo("VALID_TO_PASSED");

		assertThatThrownBy(() -> decide(approver, ANALYST, temporary.id(), Decision.APPROVE)).isInstanceOfSatisfying(
				RuleViolationException.class, ex -> assertThat(ex.reasonCode()).isEqualTo("VALID_TO_PASSED"));
		CreditApplication still = as(approver, ANALYST, () -> this.applications.get(temporary.id()));
		assertThat(still.status()).isEqualTo(ApplicationStatus.IN_APPROVAL);
		assertThat(still.decisions()).isEmpty();
		// returning it is still possible
		assertThat(decide(approver, ANALYST, temporary.id(), Decision.RETURN).status())
			.isEqualTo(ApplicationStatus.RETURNED);
	}

	@Test
	void lastApprovalOfAnIncreaseWhoseLineExpiredMeanwhileIsRefused() {
		String code = customerWithLine(today().plusDays(3));
		CreditApplication increase = apply(request(code, ApplicationType.INCREASE, "400000", null));
		String approver = this.fixtures.user(Role.CREDIT_ANALYST);
		this.clock.advance(Duration.ofDays(10));

		Actions actions = as(approver, ANALYST, () -> this.applications.actions(this.applications.get(increase.id())));
		assertThat(actions.approvalRefusal()).isNotNull();
		assertThat(actions.approvalRefusal().reasonCode()).isEqualTo("CREDIT_LINE_EXPIRED");
		assertThatThrownBy(() -> decide(approver, ANALYST, increase.id(), Decision.APPROVE)).isInstanceOfSatisfying(
				RuleViolationException.class, ex -> assertThat(ex.reasonCode()).isEqualTo("CREDIT_LINE_EXPIRED"));
		assertThat(as(approver, ANALYST, () -> this.applications.get(increase.id())).status())
			.isEqualTo(ApplicationStatus.IN_APPROVAL);
	}

	@Test
	void aRefusedFileCreatesNothingAndGoodFilesAreStoredWithTheApplication() {
		String code = this.fixtures.rated(null).code();
		CreditApplicationRequest request = request(code, ApplicationType.NEW, "200000", null);
		Upload good = upload("报表.pdf", "application/pdf", "%PDF-1.4".getBytes());
		Upload html = upload("page.html", "text/html", "<script>".getBytes());
		assertThatThrownBy(
				() -> as(this.requester, ANALYST, () -> this.applications.submit(request, List.of(good, html))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.problems()).extracting(p -> p.field()).containsExactly("file"));
		assertThat(applicationsOf(code)).isZero();

		// the declared size is checked before anything is read
		Upload huge = new Upload("big.pdf", "application/pdf", CreditApplications.MAX_ATTACHMENT_BYTES + 1L, () -> {
			throw new AssertionError("read before the size check");
		});
		assertThatThrownBy(() -> as(this.requester, ANALYST, () -> this.applications.submit(request, List.of(huge))))
			.isInstanceOf(InvalidInputException.class);
		assertThat(applicationsOf(code)).isZero();

		Upload legacy = upload("old.xls", "application/vnd.ms-excel", new byte[] { 1, 2 });
		Upload gif = upload("scan.gif", "image/gif", new byte[] { 3 });
		Upload csv = upload("ledger.csv", "application/octet-stream", "a,b".getBytes());
		CreditApplication created = as(this.requester, ANALYST,
				() -> this.applications.submit(request, List.of(good, legacy, gif, csv)));
		assertThat(created.attachments()).extracting(CreditApplication.Attachment::contentType)
			.containsExactlyInAnyOrder("application/pdf", "application/vnd.ms-excel", "image/gif", "text/csv");
	}

	@Test
	void theRequesterAndTheCurrentApproversAttachFilesOthersCannot() {
		String code = this.fixtures.rated(null).code();
		CreditApplication large = apply(request(code, ApplicationType.NEW, "3000000", null));
		String manager = this.fixtures.user(Role.CREDIT_MANAGER);
		String c1 = this.fixtures.user(Role.COMMITTEE_MEMBER);
		String otherAnalyst = this.fixtures.user(Role.CREDIT_ANALYST);
		decide(this.analyst, ANALYST, large.id(), Decision.APPROVE);
		decide(manager, MANAGER, large.id(), Decision.APPROVE);

		// a committee member (no limit:apply) at the current step may add a file
		assertThat(as(c1, COMMITTEE, () -> this.applications.attach(large.id(),
				List.of(upload("会议纪要.pdf", "application/pdf", new byte[] { 1 })))))
			.hasSize(1);
		assertThat(as(c1, COMMITTEE, () -> this.applications.actions(this.applications.get(large.id()))).attach())
			.isTrue();
		// an analyst who neither asked nor approves now may not
		assertThatThrownBy(() -> as(otherAnalyst, ANALYST,
				() -> this.applications.attach(large.id(),
						List.of(upload("x.pdf", "application/pdf", new byte[] { 1 })))))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(as(this.requester, ANALYST,
				() -> this.applications.attach(large.id(), "附件.pdf", "application/pdf", new byte[] { 2 }))
			.size()).isEqualTo(1);
		assertThat(as(c1, COMMITTEE, () -> this.applications.get(large.id())).attachments()).hasSize(2);
	}

	@Test
	void aCreditManagerCancelsAnyOpenApplicationWithAReason() {
		String code = this.fixtures.rated(null).code();
		CreditApplication application = apply(request(code, ApplicationType.NEW, "1500000", null));
		CreditApplication returned = decide(this.analyst, ANALYST, application.id(), Decision.RETURN);
		assertThat(returned.status()).isEqualTo(ApplicationStatus.RETURNED);
		String manager = this.fixtures.user(Role.CREDIT_MANAGER);

		assertThatThrownBy(() -> as(this.analyst, ANALYST, () -> this.applications.cancel(application.id(), "no")))
			.isInstanceOfSatisfying(RuleViolationException.class,
					ex -> assertThat(ex.reasonCode()).isEqualTo("NOT_REQUESTER"));
		assertThatThrownBy(() -> as(manager, MANAGER, () -> this.applications.cancel(application.id(), " ")))
			.isInstanceOf(InvalidInputException.class);
		assertThat(as(manager, MANAGER, () -> this.applications.actions(this.applications.get(application.id())))
			.cancelAsManager()).isTrue();

		CreditApplication cancelled = as(manager, MANAGER, () -> this.applications.cancel(application.id(), "申请人已离职"));
		assertThat(cancelled.status()).isEqualTo(ApplicationStatus.CANCELLED);
		// the customer is free for a new application
		assertThat(apply(request(code, ApplicationType.NEW, "100000", null)).status())
			.isEqualTo(ApplicationStatus.IN_APPROVAL);
	}

	@Test
	void nobodyApprovesTwoStepsAcrossRoundsButMayStillReturnOrReject() {
		String code = this.fixtures.rated(null).code();
		CreditApplication application = apply(request(code, ApplicationType.NEW, "1500000", null));
		String analystManager = this.fixtures.user(Role.CREDIT_ANALYST, Role.CREDIT_MANAGER);
		List<Role> both = List.of(Role.CREDIT_ANALYST, Role.CREDIT_MANAGER);
		String manager = this.fixtures.user(Role.CREDIT_MANAGER);
		decide(analystManager, both, application.id(), Decision.APPROVE);
		decide(manager, MANAGER, application.id(), Decision.RETURN);
		as(this.requester, ANALYST, () -> this.applications.resubmit(application.id(),
				request(code, ApplicationType.NEW, "1400000", null)));
		decide(this.analyst, ANALYST, application.id(), Decision.APPROVE);

		// round 2, step 2: the analyst of round 1 may not approve it, but sees reject and
		// return
		Actions actions = as(analystManager, both,
				() -> this.applications.actions(this.applications.get(application.id())));
		assertThat(actions.decide()).isTrue();
		assertThat(actions.approve()).isFalse();
		assertThatThrownBy(() -> decide(analystManager, both, application.id(), Decision.APPROVE))
			.isInstanceOfSatisfying(RuleViolationException.class,
					ex -> assertThat(ex.reasonCode()).isEqualTo("ALREADY_APPROVED"));
		assertThat(decide(analystManager, both, application.id(), Decision.REJECT).status())
			.isEqualTo(ApplicationStatus.REJECTED);
	}

	@Test
	void simultaneousSubmissionsForOneCustomerGiveOneApplicationAndAConflict() throws Exception {
		String code = this.fixtures.rated(null).code();
		CreditApplicationRequest request = request(code, ApplicationType.NEW, "100000", null);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Object>> results = new ArrayList<>();
		try {
			for (int i = 0; i < 2; i++) {
				results.add(pool.submit(() -> {
					start.await();
					try {
						return as(this.requester, ANALYST, () -> this.applications.submit(request));
					}
					catch (RuntimeException ex) {
						return ex;
					}
				}));
			}
			start.countDown();
			List<Object> outcomes = new ArrayList<>();
			for (Future<Object> result : results) {
				outcomes.add(result.get());
			}
			assertThat(outcomes).filteredOn(CreditApplication.class::isInstance).hasSize(1);
			assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(applicationsOf(code)).isEqualTo(1);
	}

	private static Upload upload(String name, String type, byte[] content) {
		return new Upload(name, type, content.length, new ByteArrayResource(content));
	}

}
