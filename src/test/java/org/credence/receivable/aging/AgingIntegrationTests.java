package org.credence.receivable.aging;

import java.math.BigDecimal;
import java.time.LocalDate;

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
import org.credence.receivable.Payment;
import org.credence.receivable.PortfolioAging;
import org.credence.receivable.ReceivableFixtures;
import org.credence.receivable.Receivables;
import org.credence.shared.NotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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

	private String groupMember(String group) {
		String code = ReceivableFixtures.unique("GM");
		CustomerDraft draft = new CustomerDraft(code, "集团成员 " + code, null, null, null, null, null, null, null, null,
				null, null, group, "测试集团 " + group, null, null, null, null);
		this.currentUser.asSystem(() -> this.customers.register(draft));
		return code;
	}

}
