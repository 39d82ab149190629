package org.credence.limit.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.credence.assessment.AssessmentResult;
import org.credence.assessment.Assessments;
import org.credence.assessment.statement.FinancialStatements;
import org.credence.assessment.statement.StatementDraft;
import org.credence.assessment.statement.StatementExamples;
import org.credence.customer.CustomerDetails;
import org.credence.customer.CustomerStatus;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.jspecify.annotations.Nullable;

import static org.credence.SecurityContexts.runAs;
import static org.credence.assessment.AssessmentFixtures.customer;

/**
 * Customers for credit policy tests, built through the real APIs: with the scenario's
 * statement scaled by a factor (ratios, hence the grade, stay those of the scenario:
 * BBB), assessed, and optionally given another grade through an approved override.
 */
final class PolicyFixtures {

	private final Customers customers;

	private final FinancialStatements statements;

	private final Assessments assessments;

	private final CurrentUser currentUser;

	PolicyFixtures(Customers customers, FinancialStatements statements, Assessments assessments,
			CurrentUser currentUser) {
		this.customers = customers;
		this.statements = statements;
		this.assessments = assessments;
		this.currentUser = currentUser;
	}

	/** An active customer with no statement and no assessment. */
	CustomerDetails unrated(@Nullable String owner) {
		return customer(this.customers, this.currentUser, owner, CustomerStatus.ACTIVE);
	}

	/**
	 * An assessed customer whose statement is the scenario's (SCENARIOS.md §2, equity
	 * 4,000,000, revenue 12,000,000) times {@code factor}.
	 */
	CustomerDetails assessed(long factor, @Nullable String owner) {
		CustomerDetails customer = unrated(owner);
		BigDecimal times = BigDecimal.valueOf(factor);
		this.currentUser.asSystem(() -> this.statements.record(customer.code(), StatementDraft
			.annual(StatementExamples.YEAR_END_2025, StatementExamples.scenarioLines().map(v -> v.multiply(times)))));
		assess(customer.code());
		return customer;
	}

	/** An assessed customer whose only statement is the given one. */
	CustomerDetails assessedWith(StatementDraft statement) {
		CustomerDetails customer = unrated(null);
		this.currentUser.asSystem(() -> this.statements.record(customer.code(), statement));
		assess(customer.code());
		return customer;
	}

	AssessmentResult assess(String code) {
		AssessmentResult[] result = new AssessmentResult[1];
		runAs("policy-analyst", List.of(Role.CREDIT_ANALYST),
				() -> result[0] = this.assessments.assess(code, null, Map.of()));
		return result[0];
	}

	/** Gives the customer's current assessment another grade, proposed and approved. */
	void grade(String code, String grade) {
		AssessmentResult current = this.currentUser.asSystem(() -> this.assessments.current(code)).orElseThrow();
		if (current.grade().equals(grade)) {
			return;
		}
		runAs("policy-analyst", List.of(Role.CREDIT_ANALYST),
				() -> this.assessments.proposeOverride(current.id(), grade, "测试：设定等级"));
		runAs("policy-manager", List.of(Role.CREDIT_MANAGER),
				() -> this.assessments.decideOverride(current.id(), true, "同意"));
	}

}
