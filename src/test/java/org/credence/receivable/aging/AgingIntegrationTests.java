package org.credence.receivable.aging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.credence.IntegrationTest;
import org.credence.TestClock;
import org.credence.customer.ActivityFixtures;
import org.credence.customer.CustomerDraft;
import org.credence.customer.CustomerQuery;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.receivable.Aging;
import org.credence.receivable.AgingBasis;
import org.credence.receivable.AgingBucket;
import org.credence.receivable.AgingReport;
import org.credence.receivable.CurrencyAging;
import org.credence.receivable.CustomerAging;
import org.credence.receivable.DsoPoint;
import org.credence.receivable.FxRates;
import org.credence.receivable.InvoiceEntry;
import org.credence.receivable.Payment;
import org.credence.receivable.PortfolioAging;
import org.credence.receivable.ReceivableFixtures;
import org.credence.receivable.Receivables;
import org.credence.shared.NotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

@IntegrationTest
class AgingIntegrationTests {

	@Autowired
	Aging aging;

	@Autowired
	Receivables receivables;

	@Autowired
	Customers customers;

	@Autowired
	Users users;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	TestClock clock;

	@Autowired
	FxRates fxRates;

	@Autowired
	AgingRepository agingRepository;

	@Autowired
	JdbcClient jdbc;

	ReceivableFixtures fixtures;

	String customer;

	@BeforeEach
	void setUp() {
		this.fixtures = new ReceivableFixtures(this.users, this.customers, this.currentUser, this.receivables);
		this.customer = this.fixtures.customer();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	AgingReport agingOf(String customer, String asOf, AgingBasis basis) {
		return this.fixtures.asFinance(() -> this.aging.customer(customer, LocalDate.parse(asOf), basis));
	}

	static BigDecimal bucket(AgingReport report, String label) {
		return report.buckets().stream().filter(b -> b.label().equals(label)).findFirst().orElseThrow().amount();
	}

	@Test
	void countsAPaymentOnlyFromTheDayItWasReceived() {
		this.fixtures.invoiceOf(this.customer, "800000.00", "2026-03-01", "2026-04-30");
		this.fixtures.pay(this.customer, "500000.00", "2026-05-10");

		AgingReport before = agingOf(this.customer, "2026-05-05", AgingBasis.DUE);
		AgingReport after = agingOf(this.customer, "2026-05-15", AgingBasis.DUE);

		assertThat(bucket(before, "1-30")).isEqualByComparingTo("800000.00");
		assertThat(before.total()).isEqualByComparingTo("800000.00");
		assertThat(before.overdue()).isEqualByComparingTo("800000.00");
		assertThat(bucket(after, "1-30")).isEqualByComparingTo("300000.00");
		assertThat(after.total()).isEqualByComparingTo("300000.00");
		assertThat(after.buckets().stream().map(AgingBucket::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo("300000.00");
		assertThat(after.currency()).isEqualTo("CNY");
		assertThat(bucket(agingOf(this.customer, "2026-04-01", AgingBasis.DUE), "not yet due"))
			.isEqualByComparingTo("800000.00");
		assertThat(agingOf(this.customer, "2026-02-28", AgingBasis.DUE).total()).isEqualByComparingTo("0");
	}

	@Test
	void anInvoiceWhoseAllocationsAreAllRemovedIsOpenAgain() {
		String number = this.fixtures.invoiceOf(this.customer, "1000.00", "2026-01-01", "2026-01-31");
		this.fixtures.pay(this.customer, "1000.00", "2026-02-10");
		assertThat(agingOf(this.customer, "2026-02-15", AgingBasis.DUE).total()).isEqualByComparingTo("0");

		// a correction that deletes the allocations (none of the ledger's operations does
		// today) must leave the settlement marker true, not stale
		this.jdbc.sql(
				"delete from receivable.allocation where invoice_id = (select id from receivable.invoice where number = ?)")
			.param(number)
			.update();

		assertThat(bucket(agingOf(this.customer, "2026-02-15", AgingBasis.DUE), "1-30"))
			.isEqualByComparingTo("1000.00");
	}

	@Test
	void agesByInvoiceDateWhenAsked() {
		this.fixtures.invoiceOf(this.customer, "800000.00", "2026-03-01", "2026-04-30");

		AgingReport byInvoice = agingOf(this.customer, "2026-05-15", AgingBasis.INVOICE);

		// 75 days since the invoice date, 15 days past due
		assertThat(bucket(byInvoice, "61-90")).isEqualByComparingTo("800000.00");
		assertThat(byInvoice.overdue()).isEqualByComparingTo("800000.00");
		assertThat(byInvoice.basis()).isEqualTo(AgingBasis.INVOICE);
	}

	@Test
	void aReversalCountsFromTheDayItWasMadeNotBefore() {
		this.fixtures.invoiceOf(this.customer, "1000.00", "2026-01-01", "2026-01-31");
		Payment payment = this.fixtures.pay(this.customer, "1000.00", "2026-02-10");
		this.clock.setDate(LocalDate.parse("2026-02-20"));
		this.fixtures.asFinance(() -> this.receivables.reversePayment(payment.externalId(), "退票"));

		assertThat(agingOf(this.customer, "2026-02-15", AgingBasis.DUE).total()).isEqualByComparingTo("0");
		assertThat(bucket(agingOf(this.customer, "2026-02-25", AgingBasis.DUE), "1-30"))
			.isEqualByComparingTo("1000.00");
	}

	@Test
	void addsUpAGroupAndThePortfolioCustomerByCustomer() {
		String group = ReceivableFixtures.unique("GRP");
		String first = groupMember(group);
		String second = groupMember(group);
		this.fixtures.invoiceOf(first, "100.00", "2026-01-01", "2026-01-31");
		this.fixtures.invoiceOf(second, "250.00", "2026-01-01", "2026-03-31");

		PortfolioAging groupAging = this.fixtures
			.asFinance(() -> this.aging.group(group, LocalDate.parse("2026-03-15"), AgingBasis.DUE));

		assertThat(groupAging.total().total()).isEqualByComparingTo("350.00");
		assertThat(bucket(groupAging.total(), "31-60")).isEqualByComparingTo("100.00");
		assertThat(bucket(groupAging.total(), "not yet due")).isEqualByComparingTo("250.00");
		assertThat(groupAging.customers()).extracting(c -> c.customerCode()).containsExactly(second, first);

		PortfolioAging portfolio = this.fixtures
			.asFinance(() -> this.aging.portfolio(CustomerQuery.all(), LocalDate.parse("2026-03-15"), AgingBasis.DUE));
		assertThat(portfolio.customers()).extracting(c -> c.customerCode()).contains(first, second);
		assertThat(portfolio.total().total()).isGreaterThanOrEqualTo(new BigDecimal("350.00"));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.fixtures
			.asFinance(() -> this.aging.group("NO-SUCH-GROUP", LocalDate.parse("2026-03-15"), AgingBasis.DUE)));
	}

	@Test
	void salesSeeOnlyTheirOwnCustomersInThePortfolio() {
		String sales = this.fixtures.user(Role.SALES);
		String own = this.fixtures.customer(sales);
		this.fixtures.invoiceOf(own, "100.00", "2026-01-01", "2026-01-31");
		this.fixtures.invoiceOf(this.customer, "100.00", "2026-01-01", "2026-01-31");

		PortfolioAging portfolio = ActivityFixtures.as(sales, Role.SALES,
				() -> this.aging.portfolio(CustomerQuery.all(), LocalDate.parse("2026-03-15"), AgingBasis.DUE));

		assertThat(portfolio.customers()).extracting(c -> c.customerCode()).containsExactly(own);
		assertThat(portfolio.total().total()).isEqualByComparingTo("100.00");
	}

	@Test
	void salesScopeIsTheCustomerModulesNotTheAgingsCopy() {
		String before = this.fixtures.user(Role.SALES);
		String now = this.fixtures.user(Role.SALES);
		String moved = this.fixtures.customer(now);
		this.fixtures.invoiceOf(moved, "100.00", "2026-01-01", "2026-01-31");
		// the aging's copy of the customer still names the previous owner: its listener
		// has not run yet
		this.fixtures
			.asFinance(() -> this.aging.portfolio(CustomerQuery.all(), LocalDate.parse("2026-03-15"), AgingBasis.DUE));
		this.jdbc.sql("update receivable.aging_customer set owner_username = ? where customer_code = ?")
			.params(before, moved)
			.update();

		PortfolioAging previousOwners = ActivityFixtures.as(before, Role.SALES,
				() -> this.aging.portfolio(CustomerQuery.all(), LocalDate.parse("2026-03-15"), AgingBasis.DUE));
		PortfolioAging currentOwners = ActivityFixtures.as(now, Role.SALES,
				() -> this.aging.portfolio(CustomerQuery.all(), LocalDate.parse("2026-03-15"), AgingBasis.DUE));

		assertThat(previousOwners.customers()).isEmpty();
		assertThat(currentOwners.customers()).extracting(c -> c.customerCode()).containsExactly(moved);
	}

	@Test
	void derivesPaymentBehaviourFromTheLedger() {
		this.fixtures.invoiceOf(this.customer, "100.00", "2026-01-01", "2026-01-31");
		this.fixtures.invoiceOf(this.customer, "300.00", "2026-02-01", "2026-02-28");
		this.fixtures.pay(this.customer, "100.00", "2026-02-10");
		this.fixtures.pay(this.customer, "300.00", "2026-02-20");

		var behaviour = this.fixtures
			.asFinance(() -> this.receivables.behaviour(this.customer, LocalDate.parse("2026-06-30")));

		assertThat(behaviour.averageDaysLate()).isEqualByComparingTo("2.5");
		assertThat(behaviour.shareOfInvoicesPaidLate()).isEqualByComparingTo("0.5");
		assertThat(behaviour.maxDaysOverdue()).isEqualTo(10);
		assertThat(behaviour.invoicesPaid()).isEqualTo(2);
		assertThat(behaviour.dso()).isEqualByComparingTo("0");
	}

	@Test
	void agesAGroupAsOfPastDaysFromWhatWasInForceThen() {
		String group = ReceivableFixtures.unique("GRP");
		String first = groupMember(group);
		String second = groupMember(group);
		ActivityFixtures.as(this.fixtures.user(Role.ADMIN), Role.ADMIN,
				() -> this.fxRates.enter(LocalDate.parse("2026-03-01"), "GBP", new BigDecimal("7.85")));
		String invoice = this.fixtures.invoiceOf(first, "1000.00", "2026-01-01", "2026-01-31");
		this.fixtures.pay(first, "400.00", "2026-02-10");
		Payment rest = this.fixtures.pay(first, "600.00", "2026-03-10");
		this.fixtures.asFinance(() -> this.receivables.recordInvoice(new InvoiceEntry(ReceivableFixtures.unique("ext"),
				second, ReceivableFixtures.unique("INV"), new BigDecimal("100.00"), "GBP",
				LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"), null)));
		this.clock.setDate(LocalDate.parse("2026-04-01"));
		this.fixtures.asFinance(() -> this.receivables.reversePayment(rest.externalId(), "退票"));

		// before the first payment, and before the pound invoice was issued
		PortfolioAging early = groupAging(group, "2026-02-05");
		assertThat(early.customers()).extracting(CustomerAging::customerCode).containsExactly(first);
		assertThat(bucket(early.total(), "1-30")).isEqualByComparingTo("1000.00");
		// part paid
		assertThat(bucket(groupAging(group, "2026-02-15").total(), "1-30")).isEqualByComparingTo("600.00");
		// settled then, though the payment that settled it was reversed later
		PortfolioAging settled = groupAging(group, "2026-03-15");
		assertThat(settled.customers()).extracting(CustomerAging::customerCode).containsExactly(second);
		assertThat(settled.total().total()).isEqualByComparingTo("785.00");
		assertThat(bucket(settled.total(), "not yet due")).isEqualByComparingTo("785.00");
		assertThat(settled.total().byCurrency()).singleElement().satisfies(pounds -> {
			assertThat(pounds.currency()).isEqualTo("GBP");
			assertThat(pounds.total()).isEqualByComparingTo("100.00");
		});
		// open again from the day of the reversal
		PortfolioAging reopened = groupAging(group, "2026-04-05");
		assertThat(bucket(reopened.total(), "61-90")).isEqualByComparingTo("600.00");
		assertThat(bucket(reopened.total(), "1-30")).isEqualByComparingTo("785.00");
		assertThat(reopened.total().overdue()).isEqualByComparingTo("1385.00");
		assertThat(reopened.total().byCurrency()).extracting(CurrencyAging::currency, CurrencyAging::total)
			.containsExactly(tuple("CNY", new BigDecimal("600.00")), tuple("GBP", new BigDecimal("100.00")));
		assertThat(this.fixtures.invoice(invoice).openAmount()).isEqualByComparingTo("600.00");
	}

	@Test
	void theSqlAgingAgreesWithTheAllocationsReadOneByOne() {
		String invoice = this.fixtures.invoiceOf(this.customer, "500.00", "2026-01-10", "2026-02-09");
		this.fixtures.invoiceOf(this.customer, "300.00", "2026-02-01", "2026-03-03");
		this.fixtures.pay(this.customer, "650.00", "2026-03-01");
		Payment bounced = this.fixtures.pay(this.customer, "150.00", "2026-03-20");
		this.clock.setDate(LocalDate.parse("2026-04-10"));
		this.fixtures.asFinance(() -> this.receivables.reversePayment(bounced.externalId(), "退票"));

		for (String day : List.of("2026-01-09", "2026-01-31", "2026-02-28", "2026-03-01", "2026-03-25", "2026-04-10",
				"2026-12-31")) {
			LocalDate asOf = LocalDate.parse(day);
			BigDecimal fromAllocations = this.agingRepository.history(this.customer, asOf)
				.stream()
				.map(InvoiceHistory::companyOpenAmount)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			assertThat(agingOf(this.customer, day, AgingBasis.DUE).total()).as(day)
				.isEqualByComparingTo(fromAllocations);
		}
		assertThat(this.fixtures.invoice(invoice).openAmount()).isEqualByComparingTo("0");
	}

	@Test
	void theSummedBucketsAgreeWithTheOpenItemsBucketedOneByOneForAnyBoundsAndBasis() {
		ActivityFixtures.as(this.fixtures.user(Role.ADMIN), Role.ADMIN,
				() -> this.fxRates.enter(LocalDate.parse("2026-01-01"), "GBP", new BigDecimal("7.8537")));
		this.fixtures.invoiceOf(this.customer, "500.00", "2026-01-10", "2026-02-09");
		this.fixtures.invoiceOf(this.customer, "300.55", "2026-02-01", "2026-03-03");
		this.fixtures.invoiceOf(this.customer, "120.00", "2026-03-20", "2026-05-19");
		this.fixtures.asFinance(() -> this.receivables.recordInvoice(new InvoiceEntry(ReceivableFixtures.unique("ext"),
				this.customer, ReceivableFixtures.unique("INV"), new BigDecimal("99.99"), "GBP",
				LocalDate.parse("2026-02-15"), LocalDate.parse("2026-03-01"), null)));
		this.fixtures.pay(this.customer, "650.00", "2026-03-01");
		Payment bounced = this.fixtures.pay(this.customer, "100.33", "2026-03-20");
		this.clock.setDate(LocalDate.parse("2026-04-10"));
		this.fixtures.asFinance(() -> this.receivables.reversePayment(bounced.externalId(), "退票"));
		String currency = this.fxRates.companyCurrency();

		for (AgingPolicy policy : List.of(AgingPolicy.standard(), new AgingPolicy(List.of(15, 45)),
				new AgingPolicy(List.of(0, 10)))) {
			for (AgingBasis basis : AgingBasis.values()) {
				for (String day : List.of("2026-02-01", "2026-02-20", "2026-03-02", "2026-03-25", "2026-04-10",
						"2026-06-30")) {
					LocalDate asOf = LocalDate.parse(day);
					AgingReport oneByOne = policy.report(asOf, basis, currency,
							this.agingRepository.openItems(List.of(this.customer), asOf));
					AgingReport summed = policy.summarise(asOf, basis, currency,
							this.agingRepository.aging(asOf, basis, policy, AgingSelection.of(this.customer)));
					assertThat(summed).as("%s %s %s", policy.upperBounds(), basis, day)
						.usingRecursiveComparison()
						.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
						.isEqualTo(oneByOne);
					assertThat(summed.items()).as(day).isPositive();
				}
			}
		}
	}

	@Test
	void namesACustomerItHadNotHeardOfBeforeAgingIt() {
		this.fixtures.invoiceOf(this.customer, "100.00", "2026-01-01", "2026-01-31");
		this.jdbc.sql(
				"update receivable.aging_customer set customer_name = customer_code, synced = false where customer_code = :code")
			.param("code", this.customer)
			.update();

		PortfolioAging portfolio = this.fixtures
			.asFinance(() -> this.aging.portfolio(CustomerQuery.all(), LocalDate.parse("2026-03-15"), AgingBasis.DUE));

		assertThat(portfolio.customers()).filteredOn(c -> c.customerCode().equals(this.customer))
			.singleElement()
			.satisfies(c -> assertThat(c.customerName()).isNotEqualTo(this.customer));
	}

	@Test
	void tracesDsoMonthByMonthWithTheCountbackOfThePaymentBehaviour() {
		this.fixtures.invoiceOf(this.customer, "1000.00", "2026-01-05", "2026-02-04");
		this.fixtures.pay(this.customer, "1000.00", "2026-02-20");
		this.fixtures.invoiceOf(this.customer, "2000.00", "2026-03-05", "2026-04-04");

		List<DsoPoint> trend = this.fixtures
			.asFinance(() -> this.aging.dsoTrend(this.customer, LocalDate.parse("2026-04-20")));

		assertThat(trend).hasSize(12);
		assertThat(trend.get(0).asOf()).isEqualTo("2025-05-31");
		assertThat(trend.get(0).dso()).isNull();
		assertThat(trend.get(7).dso()).isNull();
		assertThat(trend.get(8).asOf()).isEqualTo("2026-01-31");
		assertThat(trend.get(8).dso()).isEqualByComparingTo("31.0");
		// paid in February, nothing open at its end
		assertThat(trend.get(9).dso()).isEqualByComparingTo("0");
		assertThat(trend.get(10).asOf()).isEqualTo("2026-03-31");
		assertThat(trend.get(10).dso()).isEqualByComparingTo("31.0");
		assertThat(trend.get(11).asOf()).isEqualTo("2026-04-20");
		assertThat(trend.get(11).dso()).isEqualByComparingTo(
				this.fixtures.asFinance(() -> this.receivables.behaviour(this.customer, LocalDate.parse("2026-04-20")))
					.dso());
	}

	private PortfolioAging groupAging(String group, String asOf) {
		return this.fixtures.asFinance(() -> this.aging.group(group, LocalDate.parse(asOf), AgingBasis.DUE));
	}

	private String groupMember(String group) {
		String code = ReceivableFixtures.unique("GM");
		CustomerDraft draft = new CustomerDraft(code, "集团成员 " + code, null, null, null, null, null, null, null, null,
				null, null, group, "测试集团 " + group, null, null, null, null);
		this.currentUser.asSystem(() -> this.customers.register(draft));
		return code;
	}

}
