package org.credence.limit.application;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.credence.SecurityContexts;
import org.credence.assessment.AssessmentFixtures;
import org.credence.assessment.Assessments;
import org.credence.assessment.statement.FinancialStatements;
import org.credence.customer.CustomerDetails;
import org.credence.customer.CustomerFixtures;
import org.credence.customer.CustomerStatus;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.NewUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.jspecify.annotations.Nullable;

/**
 * Customers and users for credit application tests, built through the module APIs: an
 * assessed customer with the scenario's statement (rated, not high-risk), an indebted one
 * (high risk) and an unrated one.
 */
public final class ApplicationFixtures {

	private final Customers customers;

	private final FinancialStatements statements;

	private final Assessments assessments;

	private final Users users;

	private final CurrentUser currentUser;

	public ApplicationFixtures(Customers customers, FinancialStatements statements, Assessments assessments,
			Users users, CurrentUser currentUser) {
		this.customers = customers;
		this.statements = statements;
		this.assessments = assessments;
		this.users = users;
		this.currentUser = currentUser;
	}

	/** An assessed customer with the scenario's statement: rated, not high-risk. */
	public CustomerDetails rated(@Nullable String owner) {
		CustomerDetails customer = AssessmentFixtures.scenarioCustomer(this.customers, this.statements,
				this.currentUser, owner);
		assess(customer.code());
		return customer;
	}

	/** An assessed customer in distress: risk class HIGH. */
	public CustomerDetails highRisk() {
		CustomerDetails customer = AssessmentFixtures.indebtedCustomer(this.customers, this.statements,
				this.currentUser);
		assess(customer.code());
		return customer;
	}

	/** A customer never assessed. */
	public CustomerDetails unrated(@Nullable String owner) {
		return AssessmentFixtures.customer(this.customers, this.currentUser, owner, CustomerStatus.ACTIVE);
	}

	private void assess(String code) {
		SecurityContexts.runAs("fixture-analyst", List.of(Role.CREDIT_ANALYST),
				() -> this.assessments.assess(code, null, Map.of()));
	}

	/** An enabled user with the roles; password {@code password-of-<name>}. */
	public String user(Role... roles) {
		return CustomerFixtures.user(this.users, this.currentUser, roles[0].name().toLowerCase().replace('_', '-'),
				roles);
	}

	/** An enabled user with an e-mail address. */
	public String userWithEmail(String email, Role... roles) {
		String username = "mail." + CustomerFixtures.uniqueCode("u").toLowerCase();
		this.currentUser.asSystem(() -> this.users.create(new NewUser(username, "Mail " + username, email,
				Set.of(roles), CustomerFixtures.passwordOf(username))));
		return username;
	}

	/** Runs work as the user with the given roles. */
	public static <T> T as(String username, List<Role> roles, Supplier<T> work) {
		Object[] result = new Object[1];
		SecurityContexts.runAs(username, roles, () -> result[0] = work.get());
		@SuppressWarnings("unchecked")
		T value = (T) result[0];
		return value;
	}

}
