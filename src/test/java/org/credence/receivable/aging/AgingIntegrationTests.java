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
import org.credence.receivable.AgingOrder;
import org.credence.receivable.AgingReport;
import org.credence.receivable.CurrencyAging;
import org.credence.receivable.CustomerAging;
import org.credence.receivable.DsoPoint;
import org.credence.receivable.FxRates;
import org.credence.receivable.InvoiceEntry;
import org.credence.receivable.LedgerImport;
import org.credence.receivable.LedgerImports;
import org.credence.receivable.LedgerRow;
import org.credence.receivable.Payment;
import org.credence.receivable.PortfolioAging;
import org.credence.receivable.ReceivableFixtures;
import org.credence.receivable.Receivables;
import org.credence.shared.NotFoundException;
import org.credence.shared.Paging;
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

	@Autowired
	LedgerImports ledgerImports;

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
	void pagesThePortfolioLargestFirstWithTheTotalOfEveryCustomer() {
		String sales = this.fixtures.user(Role.SALES);
		ActivityFixtures.as(this.fixtures.user(Role.ADMIN), Role.ADMIN,
				() -> this.fxRates.enter(LocalDate.parse("2026-01-05"), "HKD", new BigDecimal("0.9137")));
		List<String> codes = new java.util.ArrayList<>();
		String[][] invoices = { { "500.00", "2026-01-01", "2026-01-31" }, { "300.00", "2026-02-20", "2026-04-30" },
				{ "900.00", "2025-06-01", "2025-06-30" }, { "120.50", "2026-03-01", "2026-03-10" },
				{ "300.00", "2025-12-01", "2025-12-31" } };
		for (String[] invoice : invoices) {
			String code = this.fixtures.customer(sales);
			codes.add(code);
			this.fixtures.invoiceOf(code, invoice[0], invoice[1], invoice[2]);
		}
		// a second currency and a part payment
		this.fixtures.asFinance(() -> this.receivables.recordInvoice(new InvoiceEntry(ReceivableFixtures.unique("x"),
				codes.get(3), ReceivableFixtures.unique("INV"), new BigDecimal("1000.00"), "HKD",
				LocalDate.parse("2026-01-05"), LocalDate.parse("2026-02-04"), null)));
		String paid = this.fixtures.invoiceOf(codes.get(1), "80.00", "2026-01-10", "2026-02-09");
		this.fixtures.pay(codes.get(1), "30.00", "2026-02-01", ReceivableFixtures.to(paid, "30.00"));
		LocalDate asOf = LocalDate.parse("2026-03-15");

		List<PortfolioAging> pages = new java.util.ArrayList<>();
		for (int page = 0; page < 3; page++) {
			int p = page;
			pages.add(ActivityFixtures.as(sales, Role.SALES, () -> this.aging.portfolio(CustomerQuery.all(), asOf,
					AgingBasis.DUE, AgingOrder.DEFAULT, new Paging(p, 2))));
		}

		assertThat(pages).extracting(p -> p.customers().size()).containsExactly(2, 2, 1);
		assertThat(pages).allSatisfy(p -> {
			assertThat(p.customerCount()).isEqualTo(5);
			assertThat(p.totalPages()).isEqualTo(3);
		});
		List<CustomerAging> all = pages.stream().flatMap(p -> p.customers().stream()).toList();
		// HKD 1000 at 0.9137 is 913.70: with 120.50 CNY the largest
		assertThat(all).extracting(CustomerAging::customerCode)
			.containsExactly(codes.get(3), codes.get(2), codes.get(0), codes.get(1), codes.get(4));
		assertThat(all).extracting(c -> c.aging().total().toPlainString())
			.containsExactly("1034.20", "900.00", "500.00", "350.00", "300.00");
		// every page carries the total of every customer, equal to the sum of each
		// customer's own aging
		AgingReport total = pages.get(2).total();
		assertThat(pages).allSatisfy(p -> assertThat(p.total()).isEqualTo(total));
		assertThat(total.total()).isEqualByComparingTo("3084.20");
		assertThat(total.items()).isEqualTo(7);
		assertIsTheSumOfEachCustomer(total, codes, asOf);
		// a day after every allocation in the ledger: read from the settled sums alone
		LocalDate later = LocalDate.parse("2099-12-31");
		assertIsTheSumOfEachCustomer(ActivityFixtures
			.as(sales, Role.SALES,
					() -> this.aging.portfolio(CustomerQuery.all(), later, AgingBasis.DUE, AgingOrder.DEFAULT,
							new Paging(0, 2)))
			.total(), codes, later);
		assertThat(total.byCurrency()).extracting(CurrencyAging::currency, c -> c.total().toPlainString())
			.containsExactly(tuple("CNY", "2170.50"), tuple("HKD", "1000.00"));

		PortfolioAging beyond = ActivityFixtures.as(sales, Role.SALES, () -> this.aging.portfolio(CustomerQuery.all(),
				asOf, AgingBasis.DUE, AgingOrder.DEFAULT, new Paging(7, 2)));
		assertThat(beyond.customers()).isEmpty();
		assertThat(beyond.customerCount()).isEqualTo(5);
		assertThat(beyond.total()).isEqualTo(total);
	}

	@Test
	void sortsThePortfolioByAnyColumnThenByCode() {
		String sales = this.fixtures.user(Role.SALES);
		String young = this.fixtures.customer(sales);
		String old = this.fixtures.customer(sales);
		String both = this.fixtures.customer(sales);
		this.fixtures.invoiceOf(young, "700.00", "2026-03-01", "2026-03-31");
		this.fixtures.invoiceOf(old, "200.00", "2025-01-01", "2025-01-31");
		this.fixtures.invoiceOf(both, "100.00", "2025-01-01", "2025-01-31");
		this.fixtures.invoiceOf(both, "150.00", "2026-02-01", "2026-02-28");
		LocalDate asOf = LocalDate.parse("2026-03-15");

		assertThat(order(sales, asOf, "total", true)).containsExactly(young, both, old);
		assertThat(order(sales, asOf, "total", false)).containsExactly(old, both, young);
		assertThat(order(sales, asOf, "overdue", true)).containsExactly(both, old, young);
		List<String> byCode = java.util.stream.Stream.of(young, old, both).sorted().toList();
		assertThat(order(sales, asOf, "code", false)).containsExactlyElementsOf(byCode);
		assertThat(order(sales, asOf, "code", true)).containsExactly(byCode.get(2), byCode.get(1), byCode.get(0));
		// b0: not yet due; b1: 1-30 days; b6: over 365 days; ties by code
		List<String> oldAndBoth = java.util.stream.Stream.of(old, both).sorted().toList();
		List<String> youngAndOld = java.util.stream.Stream.of(young, old).sorted().toList();
		assertThat(order(sales, asOf, "b0", true)).containsExactly(young, oldAndBoth.get(0), oldAndBoth.get(1));
		assertThat(order(sales, asOf, "b1", true)).containsExactly(both, youngAndOld.get(0), youngAndOld.get(1));
		assertThat(order(sales, asOf, "b6", true)).containsExactly(old, both, young);
		assertThat(order(sales, asOf, "b6", false)).containsExactly(young, both, old);
		// the ages counted from the invoice date: only young's invoice is 1-30 days old
		assertThat(ActivityFixtures.as(sales, Role.SALES,
				() -> this.aging.portfolio(CustomerQuery.all(), asOf, AgingBasis.INVOICE,
						AgingOrder.parse("b1", true).orElseThrow(), new Paging(0, 10)))
			.customers()).extracting(CustomerAging::customerCode)
			.containsExactly(young, oldAndBoth.get(0), oldAndBoth.get(1));
	}

	@Test
	void pagesThePortfolioAsOfADayBeforeLaterPayments() {
		String sales = this.fixtures.user(Role.SALES);
		String payer = this.fixtures.customer(sales);
		String other = this.fixtures.customer(sales);
		String paid = this.fixtures.invoiceOf(payer, "900.00", "2026-01-01", "2026-01-31");
		this.fixtures.invoiceOf(other, "400.00", "2026-01-01", "2026-01-31");
		this.fixtures.pay(payer, "900.00", "2026-03-01", ReceivableFixtures.to(paid, "900.00"));

		PortfolioAging before = ActivityFixtures.as(sales, Role.SALES, () -> this.aging.portfolio(CustomerQuery.all(),
				LocalDate.parse("2026-02-15"), AgingBasis.DUE, AgingOrder.DEFAULT, new Paging(0, 1)));
		PortfolioAging after = ActivityFixtures.as(sales, Role.SALES, () -> this.aging.portfolio(CustomerQuery.all(),
				LocalDate.parse("2026-03-15"), AgingBasis.DUE, AgingOrder.DEFAULT, new Paging(0, 1)));

		assertThat(before.customerCount()).isEqualTo(2);
		assertThat(before.customers()).extracting(CustomerAging::customerCode).containsExactly(payer);
		assertThat(before.total().total()).isEqualByComparingTo("1300.00");
		assertThat(bucket(before.total(), "1-30")).isEqualByComparingTo("1300.00");
		assertThat(after.customerCount()).isEqualTo(1);
		assertThat(after.customers()).extracting(CustomerAging::customerCode).containsExactly(other);
		assertThat(after.total().total()).isEqualByComparingTo("400.00");
	}

	private void assertIsTheSumOfEachCustomer(AgingReport total, List<String> codes, LocalDate asOf) {
		List<AgingReport> own = codes.stream()
			.map(code -> this.fixtures.asFinance(() -> this.aging.customer(code, asOf, AgingBasis.DUE)))
			.toList();
		assertThat(total.total())
			.isEqualByComparingTo(own.stream().map(AgingReport::total).reduce(BigDecimal.ZERO, BigDecimal::add));
		assertThat(total.overdue())
			.isEqualByComparingTo(own.stream().map(AgingReport::overdue).reduce(BigDecimal.ZERO, BigDecimal::add));
		assertThat(total.items()).isEqualTo(own.stream().mapToInt(AgingReport::items).sum());
		for (int i = 0; i < total.buckets().size(); i++) {
			int b = i;
			assertThat(total.buckets().get(i).amount()).as(total.buckets().get(i).label())
				.isEqualByComparingTo(
						own.stream().map(r -> r.buckets().get(b).amount()).reduce(BigDecimal.ZERO, BigDecimal::add));
		}
	}

	private List<String> order(String sales, LocalDate asOf, String sort, boolean descending) {
		return ActivityFixtures
			.as(sales, Role.SALES,
					() -> this.aging.portfolio(CustomerQuery.all(), asOf, AgingBasis.DUE,
							AgingOrder.parse(sort, descending).orElseThrow(), new Paging(0, 10)))
			.customers()
			.stream()
			.map(CustomerAging::customerCode)
			.toList();
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
	void everyWriterOfInvoicesGivesACustomerTheCopyDoesNotKnowItsRow() {
		String single = this.fixtures.customer();
		String imported = this.fixtures.customer();
		this.jdbc.sql("delete from receivable.aging_customer where customer_code in (:single, :imported)")
			.param("single", single)
			.param("imported", imported)
			.update();

		this.fixtures.invoiceOf(single, "100.00", "2026-01-01", "2026-01-31");
		String number = ReceivableFixtures.unique("INV");
		LedgerImport result = this.fixtures.asFinance(() -> this.ledgerImports.importInvoices(
				receiver -> receiver.accept(new LedgerRow<>(2,
						ReceivableFixtures.invoice(imported, number, "200.00", "2026-01-01", "2026-01-31"))),
				true, "0".repeat(64), rows -> {
				}));

		assertThat(result.written()).isEqualTo(1);
		assertThat(this.jdbc
			.sql("select customer_code from receivable.aging_customer where customer_code in (:single, :imported)")
			.param("single", single)
			.param("imported", imported)
			.query(String.class)
			.list()).containsExactlyInAnyOrder(single, imported);
		// and the aging, before it reads, names them from the customer module
		this.fixtures.asFinance(() -> this.aging.portfolio(CustomerQuery.all(), LocalDate.parse("2026-03-15"),
				AgingBasis.DUE, AgingOrder.DEFAULT, new Paging(0, 1)));
		assertThat(this.jdbc
			.sql("select count(*) from receivable.aging_customer where customer_code in (:single, :imported)"
					+ " and synced and customer_name <> customer_code")
			.param("single", single)
			.param("imported", imported)
			.query(Integer.class)
			.single()).isEqualTo(2);
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
