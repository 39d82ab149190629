package org.credence.demo;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.credence.IntegrationTest;
import org.credence.SecurityContexts;
import org.credence.assessment.Assessments;
import org.credence.assessment.statement.FinancialStatements;
import org.credence.customer.Customers;
import org.credence.customer.communication.Communications;
import org.credence.customer.contact.Contacts;
import org.credence.customer.report.ExternalReports;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.limit.CreditApplication;
import org.credence.limit.CreditApplications;
import org.credence.limit.CreditLine;
import org.credence.limit.CreditLines;
import org.credence.limit.CreditPolicies;
import org.credence.receivable.FxRates;
import org.credence.receivable.Receivables;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's credit lines come from applications approved by the demo approvers, and a
 * few applications wait in their inboxes.
 */
@IntegrationTest
class DemoCreditIntegrationTests {

	@Autowired
	Users users;

	@Autowired
	Customers customers;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	Contacts contacts;

	@Autowired
	Communications communications;

	@Autowired
	ExternalReports reports;

	@Autowired
	FinancialStatements statements;

	@Autowired
	Assessments assessments;

	@Autowired
	Receivables receivables;

	@Autowired
	FxRates fxRates;

	@Autowired
	CreditApplications applications;

	@Autowired
	CreditPolicies policies;

	@Autowired
	CreditLines lines;

	@Autowired
	Clock clock;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void grantsLinesThroughApplicationsAndLeavesSomeWaiting() {
		new DemoPortfolio(this.users, this.customers, this.currentUser, this.contacts, this.communications,
				this.reports, this.statements, this.assessments, this.receivables, this.fxRates, this.clock,
				this.transactionManager, "demo-password-1")
			.run(new DefaultApplicationArguments());
		DemoCredit credit = new DemoCredit(this.applications, this.policies, this.customers, this.currentUser,
				this.transactionManager);
		long started = System.nanoTime();
		credit.run(new DefaultApplicationArguments());
		long millis = (System.nanoTime() - started) / 1_000_000;
		Map<String, Long> afterFirstRun = demoApplicationsByStatus();
		credit.run(new DefaultApplicationArguments());
		Map<String, Long> afterSecondRun = demoApplicationsByStatus();
		assertThat(afterSecondRun).as("a second run adds nothing").isEqualTo(afterFirstRun);

		CreditLine line = this.currentUser.asSystem(() -> this.lines.current("HD-0001")).orElseThrow();
		assertThat(line.limit()).isEqualByComparingTo("2000000");
		assertThat(line.termsDays()).isEqualTo(60);
		assertThat(afterFirstRun.getOrDefault("APPROVED", 0L)).as("approved demo applications")
			.isGreaterThan(DemoCredit.LINES / 2);
		assertThat(inbox("sun.li", Role.CREDIT_MANAGER)).isGreaterThanOrEqualTo(3);
		assertThat(inbox("zheng.hua", Role.COMMITTEE_MEMBER)).isGreaterThanOrEqualTo(2);
		assertThat(afterFirstRun.getOrDefault("RETURNED", 0L)).isPositive();
		assertThat(afterFirstRun.getOrDefault("REJECTED", 0L)).isPositive();
		assertThat(millis).as("demo credit load time in ms").isLessThan(10_000);
	}

	/**
	 * The demo customers' applications by status (other tests' customers share the
	 * database).
	 */
	private Map<String, Long> demoApplicationsByStatus() {
		Set<String> demo = DemoPlan.customers(DemoPortfolio.CUSTOMERS)
			.stream()
			.map(c -> c.code())
			.collect(Collectors.toSet());
		Map<String, Long> counts = new TreeMap<>();
		this.currentUser.asSystem(() -> {
			for (int page = 0;; page++) {
				PageResult<CreditApplication> result = this.applications.search(null, null, false, false, "id", false,
						new Paging(page, Paging.MAX_SIZE));
				result.items()
					.stream()
					.filter(a -> demo.contains(a.customerCode()))
					.forEach(a -> counts.merge(a.status().name(), 1L, Long::sum));
				if ((long) (page + 1) * Paging.MAX_SIZE >= result.total()) {
					return null;
				}
			}
		});
		return counts;
	}

	private long inbox(String username, Role role) {
		long[] count = new long[1];
		SecurityContexts.runAs(username, List.of(role), () -> count[0] = this.applications.countAssignedToMe());
		return count[0];
	}

}
