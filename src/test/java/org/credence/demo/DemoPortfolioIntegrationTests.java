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
import org.credence.receivable.Aging;
import org.credence.receivable.AgingBasis;
import org.credence.receivable.CustomerAging;
import org.credence.receivable.FxRates;
import org.credence.receivable.PortfolioAging;
import org.credence.receivable.Receivables;
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
	Receivables receivables;

	@Autowired
	FxRates fxRates;

	@Autowired
	Aging aging;

	@Autowired
	Clock clock;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactionManager;

	@Test
	void loadsThePortfolioThroughTheModuleApisOnceOnly() {
		DemoPortfolio demo = new DemoPortfolio(this.users, this.customers, this.currentUser, this.contacts,
				this.communications, this.reports, this.statements, this.assessments, this.receivables, this.fxRates,
				this.clock, this.transactionManager, "demo-password-1");

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

		java.time.LocalDate today = java.time.LocalDate.now(this.clock);
		PortfolioAging portfolio = this.currentUser
			.asSystem(() -> this.aging.portfolio(CustomerQuery.all(), today, AgingBasis.DUE));
		java.util.List<CustomerAging> demoRows = portfolio.customers()
			.stream()
			.filter(row -> DemoPlan.customers(DemoPortfolio.CUSTOMERS)
				.stream()
				.anyMatch(c -> c.code().equals(row.customerCode())))
			.toList();
		java.util.Map<String, DemoLedger.Payer> payers = DemoLedger.payers(DemoPlan.customers(DemoPortfolio.CUSTOMERS));
		assertThat(demoRows).as("demo customers with open receivables")
			.hasSizeGreaterThan(DemoPortfolio.CUSTOMERS / 4)
			.anyMatch(row -> row.customerCode().equals("HD-0001") && row.aging().total().signum() > 0);
		// like a real supplier's book: a fifth or so overdue, mostly by a month or two
		java.math.BigDecimal total = portfolio.total().total();
		java.math.BigDecimal overdue = portfolio.total().overdue();
		java.util.List<java.math.BigDecimal> buckets = portfolio.total()
			.buckets()
			.stream()
			.map(b -> b.amount())
			.toList();
		assertThat(overdue.doubleValue() / total.doubleValue())
			.as("overdue %s of %s, buckets %s", overdue, total, buckets)
			.isBetween(0.15, 0.25);
		assertThat(buckets.get(1).add(buckets.get(2)).doubleValue() / overdue.doubleValue())
			.as("1 to 60 days of the overdue %s", buckets)
			.isGreaterThan(0.6);
		assertThat(demoRows).as("only a few owe money more than 180 days overdue")
			.filteredOn(row -> row.aging().buckets().stream().skip(5).anyMatch(b -> b.amount().signum() > 0))
			.extracting(CustomerAging::customerCode)
			.hasSizeBetween(1, 3)
			.allSatisfy(code -> assertThat(payers.get(code)).isEqualTo(DemoLedger.Payer.STOPPED));
		assertThat(demoRows).as("some owe in dollars or euros")
			.anyMatch(row -> row.aging().byCurrency().stream().anyMatch(c -> !c.currency().equals("CNY")));
		// the assessments saw the ledger: behaviour counts, and late payers score lower
		java.util.Map<DemoLedger.Payer, java.util.List<AssessmentResult>> byPayer = payers.entrySet()
			.stream()
			.flatMap(e -> this.currentUser.asSystem(() -> this.assessments.current(e.getKey()))
				.map(result -> java.util.Map.entry(e.getValue(), result))
				.stream())
			.collect(java.util.stream.Collectors.groupingBy(java.util.Map.Entry::getKey, java.util.stream.Collectors
				.mapping(java.util.Map.Entry::getValue, java.util.stream.Collectors.toList())));
		assertThat(byPayer.values().stream().flatMap(java.util.List::stream))
			.allSatisfy(result -> assertThat(result.factors())
				.filteredOn(f -> f.code().equals("AVG_DAYS_LATE") || f.code().equals("LATE_SHARE"))
				.isNotEmpty()
				.noneMatch(AssessmentResult.FactorResult::missing));
		java.util.function.Function<DemoLedger.Payer, Double> averageScore = payer -> byPayer.get(payer)
			.stream()
			.mapToDouble(result -> result.score().doubleValue())
			.average()
			.orElseThrow();
		assertThat(averageScore.apply(DemoLedger.Payer.PROMPT)).as("prompt payers score above late ones")
			.isGreaterThan(averageScore.apply(DemoLedger.Payer.LATE));
		assertThat(averageScore.apply(DemoLedger.Payer.LATE)).as("late payers score above chronic ones")
			.isGreaterThan(averageScore.apply(DemoLedger.Payer.CHRONIC));
		assertThat(byPayer.get(DemoLedger.Payer.STOPPED)).as("customers that stopped paying are rated C-ish")
			.allSatisfy(result -> assertThat(result.grade()).isIn("CCC", "CC", "C", "D"));
		java.util.Set<java.math.BigDecimal> dsos = demoRows.stream()
			.map(row -> this.currentUser.asSystem(() -> this.receivables.behaviour(row.customerCode(), today)).dso())
			.filter(java.util.Objects::nonNull)
			.collect(java.util.stream.Collectors.toSet());
		assertThat(dsos).as("DSO differs between customers").hasSizeGreaterThan(10);
		assertThat(DemoLedger.history(DemoPlan.customers(DemoPortfolio.CUSTOMERS), today).disputes())
			.allSatisfy(d -> assertThat(this.currentUser.asSystem(() -> this.receivables.invoice(d.invoiceNumber())))
				.satisfies(invoice -> assertThat(invoice.disputed()).isTrue()))
			.isNotEmpty();
	}

}
