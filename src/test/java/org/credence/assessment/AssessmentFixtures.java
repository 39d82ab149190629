package org.credence.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.credence.assessment.statement.FinancialStatements;
import org.credence.assessment.statement.StatementDraft;
import org.credence.assessment.statement.StatementExamples;
import org.credence.assessment.statement.StatementLines;
import org.credence.customer.CustomerDetails;
import org.credence.customer.CustomerDraft;
import org.credence.customer.CustomerStatus;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.jspecify.annotations.Nullable;

import static org.credence.assessment.statement.StatementExamples.amount;
import static org.credence.customer.CustomerFixtures.uniqueCode;
import static org.credence.customer.CustomerFixtures.uniqueUscc;

/**
 * Test data for assessments: customers with the scenario's statement (SCENARIOS.md §2) or
 * a distressed one, built through the real APIs as the system.
 */
public final class AssessmentFixtures {

	private AssessmentFixtures() {
	}

	/** An active customer with no statement, owned by {@code owner}. */
	public static CustomerDetails customer(Customers customers, CurrentUser currentUser, @Nullable String owner,
			CustomerStatus status) {
		CustomerDraft draft = new CustomerDraft(uniqueCode("AS"), "评估测试建材有限公司 " + uniqueCode("N"), null, uniqueUscc(),
				"CN", "上海", "C", new BigDecimal("50000000"), "CNY", LocalDate.of(2006, 4, 12), 420, null, null, null,
				owner, null, status, null);
		return currentUser.asSystem(() -> customers.register(draft).customer());
	}

	/** An active customer with the scenario's 2025 statement. */
	public static CustomerDetails scenarioCustomer(Customers customers, FinancialStatements statements,
			CurrentUser currentUser, @Nullable String owner) {
		CustomerDetails customer = customer(customers, currentUser, owner, CustomerStatus.ACTIVE);
		currentUser.asSystem(() -> statements.record(customer.code(), StatementExamples.scenarioDraft()));
		return customer;
	}

	/**
	 * An active customer in distress: debt ratio 72%, a thin margin, current ratio below
	 * one.
	 */
	public static CustomerDetails indebtedCustomer(Customers customers, FinancialStatements statements,
			CurrentUser currentUser) {
		CustomerDetails customer = customer(customers, currentUser, null, CustomerStatus.ACTIVE);
		currentUser.asSystem(() -> statements.record(customer.code(),
				StatementDraft.annual(StatementExamples.YEAR_END_2025,
						new StatementLines(amount(300_000), amount(2_000_000), amount(1_500_000), amount(4_000_000),
								amount(10_000_000), amount(4_500_000), amount(7_200_000), amount(2_800_000),
								amount(9_000_000), null, null, amount(90_000), amount(500_000), amount(200_000),
								amount(300_000), amount(700_000)))));
		return customer;
	}

}
