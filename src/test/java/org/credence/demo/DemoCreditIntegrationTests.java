package org.credence.demo;

import java.time.Clock;
import java.util.List;

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
import org.credence.limit.CreditApplications;
import org.credence.limit.CreditLine;
import org.credence.limit.CreditLines;
import org.credence.limit.CreditPolicies;
import org.credence.receivable.FxRates;
import org.credence.receivable.Receivables;
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
		credit.run(new DefaultApplicationArguments());

		CreditLine line = this.currentUser.asSystem(() -> this.lines.current("HD-0001")).orElseThrow();
		assertThat(line.limit()).isEqualByComparingTo("2000000");
		assertThat(line.termsDays()).isEqualTo(60);
		long approved = this.currentUser.asSystem(
				() -> this.applications.search("APPROVED", null, false, false, null, true, new Paging(0, 1)).total());
		assertThat(approved).as("approved demo applications").isGreaterThan(DemoCredit.LINES / 2);
		assertThat(inbox("sun.li", Role.CREDIT_MANAGER)).isGreaterThanOrEqualTo(3);
		assertThat(inbox("zheng.hua", Role.COMMITTEE_MEMBER)).isGreaterThanOrEqualTo(2);
		assertThat(this.currentUser.asSystem(
				() -> this.applications.search("RETURNED", null, false, false, null, true, new Paging(0, 1)).total()))
			.isPositive();
		assertThat(this.currentUser.asSystem(
				() -> this.applications.search("REJECTED", null, false, false, null, true, new Paging(0, 1)).total()))
			.isPositive();
		assertThat(millis).as("demo credit load time in ms").isLessThan(10_000);
	}

	private long inbox(String username, Role role) {
		long[] count = new long[1];
		SecurityContexts.runAs(username, List.of(role), () -> count[0] = this.applications.countAssignedToMe());
		return count[0];
	}

}
