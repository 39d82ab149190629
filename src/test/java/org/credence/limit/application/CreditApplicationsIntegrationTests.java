package org.credence.limit.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.credence.IntegrationTest;
import org.credence.assessment.Assessments;
import org.credence.assessment.statement.FinancialStatements;
import org.credence.customer.CustomerDetails;
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
import org.credence.limit.CreditLine;
import org.credence.limit.CreditLines;
import org.credence.shared.ConflictException;
import org.credence.shared.InvalidInputException;
import org.credence.shared.Paging;
import org.credence.shared.RuleViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.credence.limit.application.ApplicationFixtures.as;

@IntegrationTest
class CreditApplicationsIntegrationTests {

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

	ApplicationFixtures fixtures;

	String requester;

	@BeforeEach
	void setUp() {
		this.fixtures = new ApplicationFixtures(this.customers, this.statements, this.assessments, this.users,
				this.currentUser);
		this.requester = this.fixtures.user(Role.CREDIT_ANALYST);
	}

	private CreditApplication apply(String code, ApplicationType type, String amount) {
		return as(this.requester, ANALYST, () -> this.applications.submit(request(code, type, amount)));
	}

	private static CreditApplicationRequest request(String code, ApplicationType type, String amount) {
		return new CreditApplicationRequest(code, type, new BigDecimal(amount), "CNY", 60,
				type == ApplicationType.TEMPORARY ? LocalDate.now().plusMonths(3) : null, "年度授信");
	}

	private CreditApplication decide(String user, List<Role> roles, long id, Decision decision, String comment) {
		return as(user, roles, () -> this.applications.decide(id, decision, comment));
	}

	private static List<String> route(CreditApplication application) {
		return application.route().stream().map(s -> s.role() + ":" + s.required()).toList();
	}

	@Test
	void routesEachAmountBandAndHighRiskAndUnratedCustomers() {
		CreditApplication small = apply(this.fixtures.rated(null).code(), ApplicationType.NEW, "500000");
		CreditApplication middle = apply(this.fixtures.rated(null).code(), ApplicationType.NEW, "2000000");
		CreditApplication large = apply(this.fixtures.rated(null).code(), ApplicationType.NEW, "2000000.01");
		CreditApplication risky = apply(this.fixtures.highRisk().code(), ApplicationType.NEW, "100000");
		CreditApplication unrated = apply(this.fixtures.unrated(null).code(), ApplicationType.NEW, "100000");

		assertThat(route(small)).containsExactly("CREDIT_ANALYST:1");
		assertThat(route(middle)).containsExactly("CREDIT_ANALYST:1", "CREDIT_MANAGER:1");
		assertThat(route(large)).containsExactly("CREDIT_ANALYST:1", "CREDIT_MANAGER:1", "COMMITTEE_MEMBER:2");
		assertThat(risky.riskClass()).isEqualTo("HIGH");
		assertThat(risky.highRisk()).isTrue();
		assertThat(route(risky)).containsExactly("CREDIT_ANALYST:1", "CREDIT_MANAGER:1", "COMMITTEE_MEMBER:2");
		assertThat(unrated.rated()).isFalse();
		assertThat(unrated.highRisk()).isTrue();
		assertThat(route(unrated)).containsExactly("CREDIT_ANALYST:1", "CREDIT_MANAGER:1", "COMMITTEE_MEMBER:2");
		assertThat(small.status()).isEqualTo(ApplicationStatus.IN_APPROVAL);
		assertThat(small.currentLevel()).isEqualTo(1);
		assertThat(small.route()).allSatisfy(s -> assertThat(s.status()).isEqualTo("PENDING"));
		assertThat(small.recommendation().basis()).isNotBlank();
	}

	@Test
	void committeeOfTwoApprovesAfterAnalystAndManagerAndTheLineIsGranted() {
		String code = this.fixtures.rated(null).code();
		CreditApplication application = apply(code, ApplicationType.NEW, "3000000");
		long id = application.id();
		String analystManager = this.fixtures.user(Role.CREDIT_ANALYST, Role.CREDIT_MANAGER);
		List<Role> both = List.of(Role.CREDIT_ANALYST, Role.CREDIT_MANAGER);
		String manager = this.fixtures.user(Role.CREDIT_MANAGER);
		String c1 = this.fixtures.user(Role.COMMITTEE_MEMBER);
		String c2 = this.fixtures.user(Role.COMMITTEE_MEMBER);

		// nobody approves their own application
		assertThatThrownBy(() -> decide(this.requester, ANALYST, id, Decision.APPROVE, "ok")).isInstanceOfSatisfying(
				RuleViolationException.class, ex -> assertThat(ex.reasonCode()).isEqualTo("OWN_APPLICATION"));
		// the manager step is not yet due for a manager without the analyst role
		assertThatThrownBy(() -> decide(manager, MANAGER, id, Decision.APPROVE, "ok"))
			.isInstanceOf(AccessDeniedException.class);

		CreditApplication afterAnalyst = decide(analystManager, both, id, Decision.APPROVE, "财务稳健");
		assertThat(afterAnalyst.currentLevel()).isEqualTo(2);
		assertThat(afterAnalyst.route().get(0).status()).isEqualTo("APPROVED");
		// nobody approves two steps of the same application
		assertThatThrownBy(() -> decide(analystManager, both, id, Decision.APPROVE, "again")).isInstanceOfSatisfying(
				RuleViolationException.class, ex -> assertThat(ex.reasonCode()).isEqualTo("ALREADY_APPROVED"));

		decide(manager, MANAGER, id, Decision.APPROVE, "同意");
		CreditApplication oneOfTwo = decide(c1, COMMITTEE, id, Decision.APPROVE, "同意");
		assertThat(oneOfTwo.status()).isEqualTo(ApplicationStatus.IN_APPROVAL);
		assertThat(oneOfTwo.currentLevel()).isEqualTo(3);
		assertThat(oneOfTwo.route().get(2).approvedCount()).isEqualTo(1);
		// the same committee member cannot give both committee approvals
		assertThatThrownBy(() -> decide(c1, COMMITTEE, id, Decision.APPROVE, "again")).isInstanceOfSatisfying(
				RuleViolationException.class, ex -> assertThat(ex.reasonCode()).isEqualTo("ALREADY_APPROVED"));

		CreditApplication approved = decide(c2, COMMITTEE, id, Decision.APPROVE, "同意");
		assertThat(approved.status()).isEqualTo(ApplicationStatus.APPROVED);
		assertThat(approved.route()).allSatisfy(s -> assertThat(s.status()).isEqualTo("APPROVED"));
		assertThat(approved.decisions()).extracting(CreditApplication.Approval::username)
			.containsExactly(analystManager, manager, c1, c2);
		assertThat(approved.effectiveFrom()).isNotNull();
		CreditLine line = as(c2, COMMITTEE, () -> this.lines.current(code)).orElseThrow();
		assertThat(line.limit()).isEqualByComparingTo("3000000");
		assertThat(line.termsDays()).isEqualTo(60);
		assertThat(line.isActive()).isTrue();
		// decided applications take no more decisions
		String c3 = this.fixtures.user(Role.COMMITTEE_MEMBER);
		assertThatThrownBy(() -> decide(c3, COMMITTEE, id, Decision.APPROVE, "late"))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void returnedApplicationIsAmendedAndResubmittedWithAFreshRoute() {
		String code = this.fixtures.rated(null).code();
		CreditApplication application = apply(code, ApplicationType.NEW, "1500000");
		String analyst = this.fixtures.user(Role.CREDIT_ANALYST);
		assertThatThrownBy(() -> decide(analyst, ANALYST, application.id(), Decision.RETURN, " "))
			.isInstanceOf(InvalidInputException.class);

		CreditApplication returned = decide(analyst, ANALYST, application.id(), Decision.RETURN, "请补充担保");
		assertThat(returned.status()).isEqualTo(ApplicationStatus.RETURNED);
		assertThat(returned.route()).extracting(CreditApplication.Step::status).containsExactly("RETURNED", "SKIPPED");
		assertThatThrownBy(() -> as(analyst, ANALYST,
				() -> this.applications.resubmit(application.id(), request(code, ApplicationType.NEW, "400000"))))
			.isInstanceOfSatisfying(RuleViolationException.class,
					ex -> assertThat(ex.reasonCode()).isEqualTo("NOT_REQUESTER"));

		CreditApplication resubmitted = as(this.requester, ANALYST,
				() -> this.applications.resubmit(application.id(), request(code, ApplicationType.NEW, "400000")));
		assertThat(resubmitted.status()).isEqualTo(ApplicationStatus.IN_APPROVAL);
		assertThat(resubmitted.round()).isEqualTo(2);
		assertThat(resubmitted.amount()).isEqualByComparingTo("400000");
		assertThat(route(resubmitted)).containsExactly("CREDIT_ANALYST:1");
		assertThat(resubmitted.decisions()).hasSize(1);

		CreditApplication approved = decide(analyst, ANALYST, application.id(), Decision.APPROVE, "已补充");
		assertThat(approved.status()).isEqualTo(ApplicationStatus.APPROVED);
		assertThat(as(analyst, ANALYST, () -> this.lines.current(code)).orElseThrow().limit())
			.isEqualByComparingTo("400000");
	}

	@Test
	void rejectionEndsTheApplicationAndSkipsTheRemainingSteps() {
		String code = this.fixtures.rated(null).code();
		CreditApplication application = apply(code, ApplicationType.NEW, "1800000");
		String analyst = this.fixtures.user(Role.CREDIT_ANALYST);
		CreditApplication rejected = decide(analyst, ANALYST, application.id(), Decision.REJECT, "负债过高");
		assertThat(rejected.status()).isEqualTo(ApplicationStatus.REJECTED);
		assertThat(rejected.route()).extracting(CreditApplication.Step::status).containsExactly("REJECTED", "SKIPPED");
		assertThat(rejected.decisions().get(0).comment()).isEqualTo("负债过高");
		assertThat(as(analyst, ANALYST, () -> this.lines.current(code))).isEmpty();
		// a rejected application frees the customer for a new one
		assertThat(apply(code, ApplicationType.NEW, "300000").status()).isEqualTo(ApplicationStatus.IN_APPROVAL);
	}

	@Test
	void decreaseNeedsOneApprovalAndTheTypesFollowTheLine() {
		String code = this.fixtures.rated(null).code();
		String analyst = this.fixtures.user(Role.CREDIT_ANALYST);
		assertThatThrownBy(() -> apply(code, ApplicationType.INCREASE, "900000")).isInstanceOfSatisfying(
				RuleViolationException.class, ex -> assertThat(ex.reasonCode()).isEqualTo("NO_CREDIT_LINE"));
		CreditApplication first = apply(code, ApplicationType.NEW, "450000");
		assertThatThrownBy(() -> apply(code, ApplicationType.NEW, "100000")).isInstanceOf(ConflictException.class);
		decide(analyst, ANALYST, first.id(), Decision.APPROVE, "ok");

		assertThatThrownBy(() -> apply(code, ApplicationType.NEW, "100000")).isInstanceOfSatisfying(
				RuleViolationException.class, ex -> assertThat(ex.reasonCode()).isEqualTo("CREDIT_LINE_EXISTS"));
		assertThatThrownBy(() -> apply(code, ApplicationType.DECREASE, "450000")).isInstanceOfSatisfying(
				InvalidInputException.class,
				ex -> assertThat(ex.problems()).extracting(p -> p.field()).containsExactly("amount"));
		assertThatThrownBy(() -> apply(code, ApplicationType.INCREASE, "400000"))
			.isInstanceOf(InvalidInputException.class);

		// a decrease on a line in the top band still needs a single analyst
		CreditApplication decrease = apply(code, ApplicationType.DECREASE, "200000");
		assertThat(route(decrease)).containsExactly("CREDIT_ANALYST:1");
		CreditApplication done = decide(analyst, ANALYST, decrease.id(), Decision.APPROVE, "客户要求");
		assertThat(done.status()).isEqualTo(ApplicationStatus.APPROVED);
		assertThat(as(analyst, ANALYST, () -> this.lines.current(code)).orElseThrow().limit())
			.isEqualByComparingTo("200000");

		// a temporary increase routes by the resulting limit: 200,000 + 1,900,000
		CreditApplication temporary = apply(code, ApplicationType.TEMPORARY, "1900000");
		assertThat(temporary.routingAmount()).isEqualByComparingTo("2100000");
		// and its flags compare the same resulting limit with the recommendation
		assertThat(temporary.aboveRecommendation())
			.isEqualTo(temporary.routingAmount().compareTo(temporary.recommendation().amount()) > 0);
		assertThat(temporary.aboveGradeMaximum())
			.isEqualTo(temporary.routingAmount().compareTo(temporary.recommendation().gradeMaximum()) > 0);
		assertThat(route(temporary)).containsExactly("CREDIT_ANALYST:1", "CREDIT_MANAGER:1", "COMMITTEE_MEMBER:2");
	}

	@Test
	void refusesBadFieldsWithEveryProblem() {
		String code = this.fixtures.rated(null).code();
		assertThatThrownBy(() -> as(this.requester, ANALYST,
				() -> this.applications.submit(new CreditApplicationRequest(code, ApplicationType.TEMPORARY,
						new BigDecimal("-1"), "XX", -5, null, " "))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.problems()).extracting(p -> p.field())
						.containsExactlyInAnyOrder("amount", "currency", "termsDays", "validTo", "reason"));
		assertThatThrownBy(() -> as(this.requester, ANALYST,
				() -> this.applications.submit(
						new CreditApplicationRequest("NO-SUCH-CUSTOMER", null, BigDecimal.TEN, "CNY", 30, null, "x"))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.problems()).extracting(p -> p.field())
						.containsExactlyInAnyOrder("customerCode", "type"));
	}

	@Test
	void salesApplyOnlyForTheirOwnCustomersAndCannotDecide() {
		String sales = this.fixtures.user(Role.SALES);
		String own = this.fixtures.rated(sales).code();
		String other = this.fixtures.rated(null).code();
		List<Role> salesRoles = List.of(Role.SALES);
		CreditApplication application = as(sales, salesRoles,
				() -> this.applications.submit(request(own, ApplicationType.NEW, "200000")));
		assertThat(application.requestedBy()).isEqualTo(sales);
		assertThatThrownBy(() -> as(sales, salesRoles,
				() -> this.applications.submit(request(other, ApplicationType.NEW, "200000"))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.problems()).extracting(p -> p.field()).containsExactly("customerCode"));
		assertThatThrownBy(() -> decide(sales, salesRoles, application.id(), Decision.APPROVE, "ok"))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(as(sales, salesRoles,
				() -> this.applications.search(null, null, false, true, null, true, new Paging(0, 50)).items()))
			.extracting(CreditApplication::id)
			.containsExactly(application.id());
		// the requester may cancel
		CreditApplication cancelled = as(sales, salesRoles, () -> this.applications.cancel(application.id(), "客户撤回"));
		assertThat(cancelled.status()).isEqualTo(ApplicationStatus.CANCELLED);
	}

	@Test
	void inboxHoldsWhatTheUserMayDecideAndCountsIt() {
		String code = this.fixtures.rated(null).code();
		CreditApplication application = apply(code, ApplicationType.NEW, "1200000");
		String analyst = this.fixtures.user(Role.CREDIT_ANALYST);
		String manager = this.fixtures.user(Role.CREDIT_MANAGER);

		assertThat(inbox(analyst, ANALYST, code)).containsExactly(application.id());
		assertThat(inbox(manager, MANAGER, code)).isEmpty();
		assertThat(inbox(this.requester, ANALYST, code)).isEmpty();
		long managerCount = as(manager, MANAGER, () -> this.applications.countAssignedToMe());

		decide(analyst, ANALYST, application.id(), Decision.APPROVE, "ok");
		assertThat(inbox(analyst, ANALYST, code)).isEmpty();
		assertThat(inbox(manager, MANAGER, code)).containsExactly(application.id());
		assertThat(as(manager, MANAGER, () -> this.applications.countAssignedToMe())).isEqualTo(managerCount + 1);
	}

	private List<Long> inbox(String user, List<Role> roles, String code) {
		return as(user, roles,
				() -> this.applications.search(null, code, true, false, null, true, new Paging(0, 50)).items())
			.stream()
			.map(CreditApplication::id)
			.toList();
	}

}
