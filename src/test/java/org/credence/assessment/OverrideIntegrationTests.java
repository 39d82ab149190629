package org.credence.assessment;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.credence.IntegrationTest;
import org.credence.assessment.statement.FinancialStatements;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.shared.InvalidInputException;
import org.credence.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.credence.SecurityContexts.runAs;
import static org.credence.assessment.AssessmentFixtures.scenarioCustomer;

@IntegrationTest
@RecordApplicationEvents
class OverrideIntegrationTests {

	@Autowired
	Assessments assessments;

	@Autowired
	Customers customers;

	@Autowired
	FinancialStatements statements;

	@Autowired
	CurrentUser currentUser;

	@Test
	void anOverrideTakesEffectOnlyWhenASecondPersonApprovesIt(ApplicationEvents events) {
		CustomerDetails customer = scenarioCustomer(this.customers, this.statements, this.currentUser, null);
		AssessmentResult assessed = as("analyst-1", Role.CREDIT_ANALYST,
				() -> this.assessments.assess(customer.code(), null, Map.of()));

		AssessmentResult proposed = as("analyst-1", Role.CREDIT_ANALYST,
				() -> this.assessments.proposeOverride(assessed.id(), "BB", "实际控制人涉诉，担保链风险"));

		assertThat(proposed.status()).isEqualTo("OVERRIDE_PROPOSED");
		assertThat(proposed.grade()).isEqualTo("BBB");
		assertThat(proposed.override().proposedGrade()).isEqualTo("BB");
		assertThat(proposed.override().reason()).isEqualTo("实际控制人涉诉，担保链风险");
		assertThat(gradeOf(customer)).isEqualTo("BBB");

		AssessmentResult approved = as("manager-2", Role.CREDIT_MANAGER,
				() -> this.assessments.decideOverride(assessed.id(), true, "同意"));

		assertThat(approved.status()).isEqualTo("OVERRIDDEN");
		assertThat(approved.grade()).isEqualTo("BB");
		assertThat(approved.modelGrade()).isEqualTo("BBB");
		assertThat(approved.pd()).isEqualByComparingTo("0.0060");
		assertThat(approved.riskClass()).isEqualTo("MEDIUM");
		assertThat(approved.override().decidedBy()).isEqualTo("manager-2");
		assertThat(approved.override().decision()).isEqualTo("APPROVED");
		assertThat(gradeOf(customer)).isEqualTo("BB");
		assertThat(as("manager-2", Role.CREDIT_MANAGER, () -> this.assessments.current(customer.code()))).get()
			.extracting(AssessmentResult::grade)
			.isEqualTo("BB");
		assertThat(events.stream(AssessmentCompleted.class).map(AssessmentCompleted::grade)).containsExactly("BBB",
				"BB");
	}

	@Test
	void theProposerCannotApproveTheirOwnOverride() {
		CustomerDetails customer = scenarioCustomer(this.customers, this.statements, this.currentUser, null);
		AssessmentResult assessed = as("manager-1", Role.CREDIT_MANAGER,
				() -> this.assessments.assess(customer.code(), null, Map.of()));
		as("manager-1", Role.CREDIT_MANAGER, () -> this.assessments.proposeOverride(assessed.id(), "A", "集团担保"));

		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> as("manager-1", Role.CREDIT_MANAGER,
					() -> this.assessments.decideOverride(assessed.id(), true, null)))
			.satisfies(ex -> assertThat(ex.reasonCode()).isEqualTo("SAME_PERSON"));
		assertThat(gradeOf(customer)).isEqualTo("BBB");
	}

	@Test
	void aRejectedOverrideKeepsTheModelsGradeAndAnotherMayBeProposed() {
		CustomerDetails customer = scenarioCustomer(this.customers, this.statements, this.currentUser, null);
		AssessmentResult assessed = as("analyst-1", Role.CREDIT_ANALYST,
				() -> this.assessments.assess(customer.code(), null, Map.of()));
		as("analyst-1", Role.CREDIT_ANALYST, () -> this.assessments.proposeOverride(assessed.id(), "AA", "行业龙头"));

		AssessmentResult rejected = as("manager-2", Role.CREDIT_MANAGER,
				() -> this.assessments.decideOverride(assessed.id(), false, "依据不足"));

		assertThat(rejected.status()).isEqualTo("APPROVED");
		assertThat(rejected.grade()).isEqualTo("BBB");
		assertThat(rejected.override().decision()).isEqualTo("REJECTED");
		assertThat(rejected.override().comment()).isEqualTo("依据不足");
		assertThat(gradeOf(customer)).isEqualTo("BBB");
		assertThat(as("analyst-1", Role.CREDIT_ANALYST,
				() -> this.assessments.proposeOverride(assessed.id(), "A", "补充了银行资信证明"))
			.status()).isEqualTo("OVERRIDE_PROPOSED");
	}

	@Test
	void anOverrideNeedsAReasonAGradeOnTheScaleAndTheLatestAssessment() {
		CustomerDetails customer = scenarioCustomer(this.customers, this.statements, this.currentUser, null);
		AssessmentResult first = as("analyst-1", Role.CREDIT_ANALYST,
				() -> this.assessments.assess(customer.code(), null, Map.of()));

		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> as("analyst-1", Role.CREDIT_ANALYST,
					() -> this.assessments.proposeOverride(first.id(), "Z", " ")))
			.satisfies(ex -> assertThat(ex.problems()).extracting(p -> p.field())
				.containsExactlyInAnyOrder("grade", "reason"));
		as("analyst-1", Role.CREDIT_ANALYST, () -> this.assessments.assess(customer.code(), null, Map.of()));
		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> as("analyst-1", Role.CREDIT_ANALYST,
					() -> this.assessments.proposeOverride(first.id(), "BB", "reason")))
			.satisfies(ex -> assertThat(ex.reasonCode()).isEqualTo("NOT_CURRENT"));
		assertThatExceptionOfType(org.springframework.security.access.AccessDeniedException.class)
			.isThrownBy(() -> as("analyst-1", Role.CREDIT_ANALYST,
					() -> this.assessments.decideOverride(first.id(), true, null)));
	}

	private String gradeOf(CustomerDetails customer) {
		return this.currentUser.asSystem(() -> this.customers.get(customer.code())).grade();
	}

	private <T> T as(String username, Role role, Supplier<T> work) {
		Object[] result = new Object[1];
		runAs(username, List.of(role), () -> result[0] = work.get());
		@SuppressWarnings("unchecked")
		T value = (T) result[0];
		return value;
	}

}
