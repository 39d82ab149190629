package org.credence.demo;

import org.credence.IntegrationTest;
import org.credence.assessment.AssessmentResult;
import org.credence.assessment.Assessments;
import org.credence.assessment.statement.FinancialStatements;
import org.credence.customer.CustomerDetails;
import org.credence.customer.CustomerQuery;
import org.credence.customer.Customers;
import org.credence.customer.communication.Communications;
import org.credence.customer.contact.Contacts;
import org.credence.customer.report.ExternalReports;
import org.credence.identity.CurrentUser;
import org.credence.identity.Users;
import org.credence.shared.Paging;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class DemoPortfolioIntegrationTests {

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
	Clock clock;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactionManager;

	@Test
	void loadsThePortfolioThroughTheModuleApisOnceOnly() {
		DemoPortfolio demo = new DemoPortfolio(this.users, this.customers, this.currentUser, this.contacts,
				this.communications, this.reports, this.statements, this.assessments, this.clock,
				this.transactionManager, "demo-password-1");

		demo.run(new DefaultApplicationArguments());
		demo.run(new DefaultApplicationArguments());

		assertThat(this.users.find("wang.fang")).hasValueSatisfying(u -> assertThat(u.displayName()).isEqualTo("王芳"));
		CustomerDetails first = this.currentUser.asSystem(() -> this.customers.get("HD-0001"));
		assertThat(first.name()).isEqualTo("华东精密建材有限公司");
		assertThat(first.ownerUsername()).isEqualTo("wang.fang");
		long demoCustomers = DemoPlan.customers(DemoPortfolio.CUSTOMERS)
			.stream()
			.filter(c -> this.currentUser.asSystem(() -> this.customers.find(c.code())).isPresent())
			.count();
		assertThat(demoCustomers).isEqualTo(DemoPortfolio.CUSTOMERS);
		assertThat(this.currentUser.asSystem(() -> this.contacts.all("HD-0001"))).singleElement()
			.satisfies(contact -> assertThat(contact.name()).isEqualTo("李明"));
		long withCommunications = DemoPlan.customers(DemoPortfolio.CUSTOMERS)
			.stream()
			.filter(c -> this.currentUser.asSystem(() -> this.communications.list(c.code(), new Paging(0, 1)))
				.total() > 0)
			.count();
		assertThat(withCommunications).isGreaterThan(DemoPortfolio.CUSTOMERS / 2);
		long withReports = DemoPlan.customers(DemoPortfolio.CUSTOMERS)
			.stream()
			.filter(c -> this.currentUser.asSystem(() -> this.reports.reports(c.code(), new Paging(0, 1))).total() > 0)
			.count();
		assertThat(withReports).isGreaterThan(DemoPortfolio.CUSTOMERS / 2);
		assertThat(this.currentUser.asSystem(() -> this.customers.search(
				new CustomerQuery(null, null, null, null, null, true, null, null, null, null, false),
				new Paging(0, 500)))
			.items())
			.extracting(CustomerDetails::code)
			.containsAll(DemoPlan.blacklistings(DemoPlan.customers(DemoPortfolio.CUSTOMERS))
				.stream()
				.map(DemoPlan.DemoBlacklisting::customerCode)
				.toList());
		assertThat(this.currentUser.asSystem(() -> this.statements.latest("HD-0001"))).hasValueSatisfying(
				statement -> assertThat(statement.lines().totalAssets()).isEqualByComparingTo("10000000"));
		java.util.Map<String, Long> grades = DemoPlan.customers(DemoPortfolio.CUSTOMERS)
			.stream()
			.map(c -> this.currentUser.asSystem(() -> this.assessments.current(c.code())))
			.flatMap(java.util.Optional::stream)
			.collect(java.util.stream.Collectors.groupingBy(AssessmentResult::grade,
					java.util.stream.Collectors.counting()));
		long assessed = grades.values().stream().mapToLong(Long::longValue).sum();
		long investmentGrade = grades.getOrDefault("A", 0L) + grades.getOrDefault("BBB", 0L)
				+ grades.getOrDefault("AA", 0L);
		long speculative = grades.getOrDefault("BB", 0L) + grades.getOrDefault("B", 0L);
		long distressed = assessed - investmentGrade - speculative - grades.getOrDefault("AAA", 0L);
		assertThat(assessed).as("assessed demo customers %s", grades).isGreaterThan(DemoPortfolio.CUSTOMERS * 3 / 4);
		assertThat(investmentGrade).as("A to BBB in %s", grades).isGreaterThan(assessed / 2);
		assertThat(speculative).as("BB and B in %s", grades).isGreaterThan(assessed / 10);
		assertThat(distressed).as("CCC and below in %s", grades).isBetween(1L, assessed / 10);
	}

}
