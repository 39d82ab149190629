package org.credence.assessment.rating;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.credence.IntegrationTest;
import org.credence.TestClock;
import org.credence.assessment.AssessmentResult;
import org.credence.assessment.Assessments;
import org.credence.assessment.model.ModelDefinition;
import org.credence.assessment.model.ScoringModels;
import org.credence.assessment.statement.FinancialStatements;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.credence.SecurityContexts.runAs;
import static org.credence.assessment.AssessmentFixtures.scenarioCustomer;

@IntegrationTest
class ReassessmentIntegrationTests {

	@Autowired
	Reassessment reassessment;

	@Autowired
	ReassessmentTriggers triggers;

	@Autowired
	Assessments assessments;

	@Autowired
	ScoringModels models;

	@Autowired
	Customers customers;

	@Autowired
	FinancialStatements statements;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	TestClock clock;

	@BeforeEach
	void noRunGoingOn() {
		await().atMost(Duration.ofSeconds(60)).until(() -> this.reassessment.running().isEmpty());
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void theBatchRunsOnceWhenStartedTwiceAtTheSameTime() throws Exception {
		List<CustomerDetails> due = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			due.add(scenarioCustomer(this.customers, this.statements, this.currentUser, null));
		}
		CyclicBarrier together = new CyclicBarrier(2);
		CompletableFuture<Reassessment.Start> first = CompletableFuture.supplyAsync(() -> start(together));
		CompletableFuture<Reassessment.Start> second = CompletableFuture.supplyAsync(() -> start(together));
		Reassessment.Start one = first.get(30, TimeUnit.SECONDS);
		Reassessment.Start other = second.get(30, TimeUnit.SECONDS);

		assertThat(List.of(one.started(), other.started())).containsExactlyInAnyOrder(true, false);
		assertThat(one.run().id()).isEqualTo(other.run().id());
		await().atMost(Duration.ofSeconds(60))
			.until(() -> !this.reassessment.find(one.run().id()).orElseThrow().isRunning());
		BatchRun run = this.reassessment.find(one.run().id()).orElseThrow();
		assertThat(run.status()).isEqualTo("COMPLETED");
		assertThat(run.done()).isGreaterThanOrEqualTo(due.size());
		for (CustomerDetails customer : due) {
			assertThat(history(customer)).hasSize(1)
				.first()
				.satisfies(assessment -> assertThat(assessment.assessedBy()).isEqualTo(CurrentUser.SYSTEM));
		}
	}

	@Test
	void theNightlyRunReassessesDueReviewsWithThePreviousAnswers() {
		this.clock.setDate(LocalDate.of(2026, 1, 10));
		CustomerDetails customer = scenarioCustomer(this.customers, this.statements, this.currentUser, null);
		runAs("analyst", List.of(Role.CREDIT_ANALYST), () -> this.assessments.assess(customer.code(), null,
				Map.of("MANAGEMENT", java.math.BigDecimal.valueOf(5))));
		this.clock.setDate(LocalDate.of(2026, 7, 11));

		this.triggers.reassessReviewsDue();

		List<AssessmentResult> history = history(customer);
		assertThat(history).hasSize(2);
		assertThat(history.get(0).assessedBy()).isEqualTo(CurrentUser.SYSTEM);
		assertThat(history.get(0).nextReviewDate()).isEqualTo(LocalDate.of(2027, 1, 11));
		assertThat(history.get(0).factors()).filteredOn(f -> f.code().equals("MANAGEMENT"))
			.singleElement()
			.satisfies(f -> assertThat(f.value()).isEqualByComparingTo("5"));
		assertThat(this.reassessment.latest().orElseThrow().trigger()).isEqualTo(Reassessment.NIGHTLY);
	}

	@Test
	void activatingAModelReassessesTheCustomersRatedWithIt() {
		CustomerDetails customer = scenarioCustomer(this.customers, this.statements, this.currentUser, null);
		AssessmentResult first = asAnalyst("analyst",
				() -> this.assessments.assess(customer.code(), "ALTMAN_Z2", Map.of()));

		ModelDefinition next = this.currentUser.asSystem(() -> this.models.newVersion("ALTMAN_Z2"));
		this.currentUser.asSystem(() -> this.models.activate("ALTMAN_Z2", next.version()));

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(history(customer)).hasSize(2));
		AssessmentResult latest = history(customer).get(0);
		assertThat(latest.modelCode()).isEqualTo("ALTMAN_Z2");
		assertThat(latest.modelVersion()).isEqualTo(next.version());
		assertThat(latest.score()).isEqualByComparingTo(first.score());
	}

	private Reassessment.Start start(CyclicBarrier together) {
		Object[] start = new Object[1];
		runAs("manager", List.of(Role.CREDIT_MANAGER), () -> {
			try {
				together.await(10, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			start[0] = this.reassessment.start(Reassessment.MANUAL, null);
		});
		return (Reassessment.Start) start[0];
	}

	private List<AssessmentResult> history(CustomerDetails customer) {
		return this.currentUser.asSystem(() -> this.assessments.history(customer.code()));
	}

	private static <T> T asAnalyst(String username, java.util.function.Supplier<T> work) {
		Object[] result = new Object[1];
		org.credence.SecurityContexts.runAs(username, List.of(Role.CREDIT_ANALYST), () -> result[0] = work.get());
		@SuppressWarnings("unchecked")
		T value = (T) result[0];
		return value;
	}

}
