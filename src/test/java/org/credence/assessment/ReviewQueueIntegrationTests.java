package org.credence.assessment;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.credence.IntegrationTest;
import org.credence.TestClock;
import org.credence.assessment.statement.FinancialStatements;
import org.credence.customer.CustomerDetails;
import org.credence.customer.CustomerStatus;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.shared.Paging;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.credence.SecurityContexts.runAs;
import static org.credence.assessment.AssessmentFixtures.customer;
import static org.credence.assessment.AssessmentFixtures.scenarioCustomer;
import static org.credence.customer.CustomerFixtures.user;

@IntegrationTest
class ReviewQueueIntegrationTests {

	@Autowired
	Assessments assessments;

	@Autowired
	Customers customers;

	@Autowired
	FinancialStatements statements;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	Users users;

	@Autowired
	TestClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void listsCustomersWhoseReviewIsDueAndThoseNeverAssessedButNotClosedOnes() {
		this.clock.setDate(LocalDate.of(2026, 1, 10));
		String owner = user(this.users, this.currentUser, "sales", Role.SALES);
		CustomerDetails assessed = scenarioCustomer(this.customers, this.statements, this.currentUser, owner);
		CustomerDetails never = customer(this.customers, this.currentUser, owner, CustomerStatus.PROSPECT);
		CustomerDetails closed = customer(this.customers, this.currentUser, owner, CustomerStatus.CLOSED);
		runAs("analyst", List.of(Role.CREDIT_ANALYST), () -> this.assessments.assess(assessed.code(), null, Map.of()));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(queue(owner)).contains(never.code()));
		assertThat(queue(owner)).containsExactly(never.code());

		this.clock.setDate(LocalDate.of(2026, 7, 10));
		assertThat(queue(owner)).containsExactly(never.code(), assessed.code());
		assertThat(queue(owner)).doesNotContain(closed.code());
		runAs(owner, List.of(Role.SALES), () -> {
			assertThat(this.assessments.countReviewsDue()).isEqualTo(2);
			ReviewDue due = this.assessments.reviewsDue(new Paging(0, 10)).items().get(1);
			assertThat(due.grade()).isEqualTo("BBB");
			assertThat(due.nextReviewDate()).isEqualTo(LocalDate.of(2026, 7, 10));
			assertThat(this.assessments.reviewsDue("code", true, new Paging(0, 10)).items())
				.extracting(ReviewDue::customerCode)
				.isSortedAccordingTo(java.util.Comparator.reverseOrder());
		});
	}

	@Test
	void salesSeeOnlyTheirOwnCustomersInTheQueue() {
		String mine = user(this.users, this.currentUser, "sales", Role.SALES);
		String theirs = user(this.users, this.currentUser, "sales", Role.SALES);
		CustomerDetails own = customer(this.customers, this.currentUser, mine, CustomerStatus.ACTIVE);
		CustomerDetails other = customer(this.customers, this.currentUser, theirs, CustomerStatus.ACTIVE);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(queue(theirs)).contains(other.code()));
		assertThat(queue(mine)).containsExactly(own.code());
		runAs("analyst", List.of(Role.CREDIT_ANALYST),
				() -> assertThat(this.assessments.reviewsDue("code", false, new Paging(0, 500)).total())
					.isGreaterThanOrEqualTo(2));
	}

	@Test
	void theQueueFollowsAnOwnerChange() {
		String first = user(this.users, this.currentUser, "sales", Role.SALES);
		String second = user(this.users, this.currentUser, "sales", Role.SALES);
		CustomerDetails customer = customer(this.customers, this.currentUser, first, CustomerStatus.ACTIVE);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(queue(first)).contains(customer.code()));

		this.currentUser
			.asSystem(() -> this.customers.change(customer.code(), new org.credence.customer.CustomerChange(null, null,
					null, null, null, null, null, null, null, null, null, null, null, second, null, null, null)));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(queue(second)).contains(customer.code()));
		assertThat(queue(first)).isEmpty();
	}

	private List<String> queue(String sales) {
		Object[] codes = new Object[1];
		runAs(sales, List.of(Role.SALES),
				() -> codes[0] = this.assessments.reviewsDue(new Paging(0, 100))
					.items()
					.stream()
					.map(ReviewDue::customerCode)
					.toList());
		@SuppressWarnings("unchecked")
		List<String> list = (List<String>) codes[0];
		return list;
	}

}
