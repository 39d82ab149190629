package org.credence.exposure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.credence.IntegrationTest;
import org.credence.TestClock;
import org.credence.customer.ActivityFixtures;
import org.credence.customer.Customers;
import org.credence.exposure.CreditCheck.Reservation;
import org.credence.exposure.check.ReservationKeeper;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.limit.CreditLines;
import org.credence.receivable.InvoiceEntry;
import org.credence.receivable.OrderEntry;
import org.credence.receivable.OrderStatus;
import org.credence.receivable.ReceivableFixtures;
import org.credence.receivable.Receivables;
import org.credence.shared.ConflictException;
import org.credence.shared.InvalidInputException;
import org.credence.shared.NotFoundException;
import org.credence.shared.RuleViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Credit checks against the kept exposure, on PostgreSQL: what exposure counts, the
 * reservation of an approved order and how it ends (the order arrives, it is cancelled,
 * it lapses), idempotency by order reference, the hold queue, and 60 checks at once on
 * one customer that together stay within the limit plus tolerance.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CreditChecksIntegrationTests {

	static final LocalDate TODAY = LocalDate.parse("2026-11-24");

	@Autowired
	Users users;

	@Autowired
	Customers customers;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	Receivables receivables;

	@Autowired
	CreditLines lines;

	@Autowired
	CreditChecks checks;

	@Autowired
	CreditHolds holds;

	@Autowired
	Exposures exposures;

	@Autowired
	ReservationKeeper reservations;

	@Autowired
	org.credence.limit.line.GroupLimits groupLimits;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CheckRuleVersions rules;

	@Autowired
	TestClock clock;

	ExposureFixtures fixtures;

	@BeforeEach
	void setUp() {
		this.clock.setDate(TODAY);
		this.fixtures = new ExposureFixtures(this.users, this.customers, this.currentUser, this.receivables, this.lines,
				this.checks);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	Exposure exposure(String code) {
		return this.fixtures.asManager(() -> this.exposures.of(code));
	}

	@Test
	void exposureCountsOpenInvoicesOpenOrdersAndReservations() {
		String code = this.fixtures.customerWithLine("1000000", TODAY.minusDays(10));
		this.fixtures.ledger.invoiceOf(code, "300000", "2026-11-01", "2026-12-31");
		String order = ReceivableFixtures.unique("SO");
		this.fixtures.ledger.asFinance(() -> this.receivables.recordOrder(new OrderEntry("ext-" + order, code, order,
				new BigDecimal("100000"), "CNY", TODAY, OrderStatus.OPEN, null)));
		String far = ReceivableFixtures.unique("SO");
		this.fixtures.ledger.asFinance(() -> this.receivables.recordOrder(new OrderEntry("ext-" + far, code, far,
				new BigDecimal("400000"), "CNY", TODAY, OrderStatus.OPEN, TODAY.plusDays(120))));

		CreditCheck check = this.fixtures.check(code, ReceivableFixtures.unique("PO"), "200000");

		assertThat(check.decision()).isNotEqualTo(Decision.BLOCKED);
		assertThat(check.exposure()).isEqualByComparingTo("400000");
		assertThat(check.available()).isEqualByComparingTo("600000");
		assertThat(check.reservation()).isEqualTo(Reservation.ACTIVE);
		assertThat(check.expiresOn()).isEqualTo(TODAY.plusDays(14));
		Exposure exposure = exposure(code);
		assertThat(exposure.openReceivables()).isEqualByComparingTo("300000");
		assertThat(exposure.openOrders()).isEqualByComparingTo("100000");
		assertThat(exposure.ordersBeyondHorizon()).isEqualByComparingTo("400000");
		assertThat(exposure.reserved()).isEqualByComparingTo("200000");
		assertThat(exposure.total()).isEqualByComparingTo("600000");
		assertThat(exposure.limit()).isEqualByComparingTo("1000000");
		assertThat(exposure.available()).isEqualByComparingTo("400000");
		assertThat(exposure.utilisation()).isEqualByComparingTo("60");

		// 31 days on, the far order comes within the 90-day horizon and the invoice is
		// overdue
		this.clock.setDate(TODAY.plusDays(38));
		Exposure later = exposure(code);
		assertThat(later.openOrders()).isEqualByComparingTo("500000");
		assertThat(later.overdueAmount()).isEqualByComparingTo("300000");
		assertThat(later.maxDaysOverdue()).isEqualTo(1);
	}

	@Test
	void theSameOrderCheckedAgainKeepsItsDecisionAndAnotherAmountReplacesTheReservation() {
		String code = this.fixtures.customerWithLine("1000000", TODAY.minusDays(10));
		String ref = ReceivableFixtures.unique("PO");
		CreditCheck first = this.fixtures.check(code, ref, "300000");
		CreditCheck again = this.fixtures.check(code, ref, "300000.00");
		assertThat(again.checkId()).isEqualTo(first.checkId());
		assertThat(again.checkedAt()).isEqualTo(first.checkedAt());
		assertThat(exposure(code).reserved()).isEqualByComparingTo("300000");

		CreditCheck changed = this.fixtures.check(code, ref, "500000");
		assertThat(changed.checkId()).isEqualTo(first.checkId());
		assertThat(changed.exposure()).as("its own reservation is not counted against it").isEqualByComparingTo("0");
		assertThat(changed.reserved()).isEqualByComparingTo("500000");
		assertThat(exposure(code).reserved()).isEqualByComparingTo("500000");
		assertThat(this.jdbc.sql("select count(*) from exposure.credit_check_history where check_id = :id")
			.param("id", first.checkId())
			.query(Long.class)
			.single()).isEqualTo(1);

		// now too large: blocked, nothing reserved any more, held
		CreditCheck blocked = this.fixtures.check(code, ref, "1100000");
		assertThat(blocked.decision()).isEqualTo(Decision.BLOCKED);
		assertThat(blocked.reasons()).extracting(Reason::code).contains(ReasonCode.LIMIT_EXCEEDED);
		assertThat(exposure(code).reserved()).isEqualByComparingTo("0");
		assertThat(blocked.holdStatus()).isEqualTo("PENDING");
	}

	@Test
	void anOrderReferenceBelongsToOneCustomer() {
		String one = this.fixtures.customerWithLine("1000000", TODAY.minusDays(10));
		String other = this.fixtures.customerWithLine("1000000", TODAY.minusDays(10));
		String ref = ReceivableFixtures.unique("PO");
		this.fixtures.check(one, ref, "1000");
		assertThatThrownBy(() -> this.fixtures.check(other, ref, "1000")).isInstanceOf(ConflictException.class);
	}

	@Test
	void badInputIsRefusedFieldByField() {
		assertThatThrownBy(() -> this.fixtures
			.asOrderSystem(() -> this.checks.check(new CreditCheckRequest(" ", null, new BigDecimal("-1"), "yuan"))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.problems()).extracting(InvalidInputException.FieldProblem::field)
						.containsExactly("customerCode", "orderRef", "amount", "currency"));
		assertThatThrownBy(() -> this.fixtures.check("NO-SUCH-CUSTOMER", ReceivableFixtures.unique("PO"), "1"))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void salesCheckOnlyTheirOwnCustomers() {
		String sales = this.fixtures.ledger.user(Role.SALES);
		String theirs = this.fixtures.ledger.customer(sales);
		this.fixtures.line(theirs, org.credence.limit.ApplicationType.NEW, "500000", TODAY.minusDays(1));
		String someoneElses = this.fixtures.customerWithLine("500000", TODAY.minusDays(1));
		CreditCheck own = ActivityFixtures.as(sales, Role.SALES, () -> this.checks
			.check(new CreditCheckRequest(theirs, ReceivableFixtures.unique("PO"), new BigDecimal("1000"), "CNY")));
		assertThat(own.decision()).isNotEqualTo(Decision.BLOCKED);
		assertThatThrownBy(
				() -> ActivityFixtures
					.as(sales, Role.SALES,
							() -> this.checks.check(new CreditCheckRequest(someoneElses,
									ReceivableFixtures.unique("PO"), new BigDecimal("1000"), "CNY"))))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void theOrderArrivingConsumesTheReservationSoExposureCountsItOnce() {
		String code = this.fixtures.customerWithLine("1000000", TODAY.minusDays(10));
		String ref = ReceivableFixtures.unique("SO");
		this.fixtures.check(code, ref, "250000");
		assertThat(exposure(code).total()).isEqualByComparingTo("250000");

		this.fixtures.ledger.asFinance(() -> this.receivables.recordOrder(new OrderEntry("ext-" + ref, code, ref,
				new BigDecimal("250000"), "CNY", TODAY, OrderStatus.OPEN, null)));

		CreditCheck consumed = this.fixtures.asOrderSystem(() -> this.checks.get(ref));
		assertThat(consumed.reservation()).isEqualTo(Reservation.CONSUMED);
		assertThat(consumed.reserved()).isEqualByComparingTo("0");
		Exposure exposure = exposure(code);
		assertThat(exposure.reserved()).isEqualByComparingTo("0");
		assertThat(exposure.openOrders()).isEqualByComparingTo("250000");
		assertThat(exposure.total()).isEqualByComparingTo("250000");

		// the invoice of the order takes the order's open value; exposure still counts it
		// once
		String invoice = ReceivableFixtures.unique("INV");
		this.fixtures.ledger.asFinance(() -> this.receivables.recordInvoice(new InvoiceEntry("ext-" + invoice, code,
				invoice, new BigDecimal("250000"), "CNY", TODAY, TODAY.plusDays(60), ref)));
		assertThat(exposure(code).openOrders()).isEqualByComparingTo("0");
		assertThat(exposure(code).total()).isEqualByComparingTo("250000");
	}

	@Test
	void anInvoiceWithTheCheckedReferenceConsumesItToo() {
		String code = this.fixtures.customerWithLine("1000000", TODAY.minusDays(10));
		String ref = ReceivableFixtures.unique("INV");
		this.fixtures.check(code, ref, "80000");
		this.fixtures.ledger.asFinance(() -> this.receivables.recordInvoice(
				ReceivableFixtures.invoice(code, ref, "80000", TODAY.toString(), TODAY.plusDays(30).toString())));
		assertThat(this.fixtures.asOrderSystem(() -> this.checks.get(ref)).reservation())
			.isEqualTo(Reservation.CONSUMED);
		assertThat(exposure(code).total()).isEqualByComparingTo("80000");
	}

	@Test
	void cancellingReleasesTheReservationOnce() {
		String code = this.fixtures.customerWithLine("1000000", TODAY.minusDays(10));
		String ref = ReceivableFixtures.unique("PO");
		this.fixtures.check(code, ref, "400000");
		CreditCheck cancelled = this.fixtures.asOrderSystem(() -> this.checks.cancel(ref));
		assertThat(cancelled.reservation()).isEqualTo(Reservation.RELEASED);
		assertThat(exposure(code).reserved()).isEqualByComparingTo("0");
		CreditCheck again = this.fixtures.asOrderSystem(() -> this.checks.cancel(ref));
		assertThat(again.reservation()).isEqualTo(Reservation.RELEASED);
		assertThat(exposure(code).reserved()).isEqualByComparingTo("0");
		// checking the cancelled order again checks it anew
		CreditCheck rechecked = this.fixtures.check(code, ref, "400000");
		assertThat(rechecked.reservation()).isEqualTo(Reservation.ACTIVE);
		assertThat(exposure(code).reserved()).isEqualByComparingTo("400000");
		assertThatThrownBy(() -> this.fixtures.asOrderSystem(() -> this.checks.cancel("NO-SUCH-ORDER")))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void anUnusedReservationLapsesAfterTheRulesDays() {
		String code = this.fixtures.customerWithLine("1000000", TODAY.minusDays(10));
		String ref = ReceivableFixtures.unique("PO");
		this.fixtures.check(code, ref, "100000");
		this.clock.setDate(TODAY.plusDays(14));
		this.reservations.expire();
		assertThat(this.fixtures.asOrderSystem(() -> this.checks.get(ref)).reservation()).isEqualTo(Reservation.ACTIVE);
		this.clock.setDate(TODAY.plusDays(15));
		this.reservations.expire();
		assertThat(this.fixtures.asOrderSystem(() -> this.checks.get(ref)).reservation())
			.isEqualTo(Reservation.EXPIRED);
		assertThat(exposure(code).reserved()).isEqualByComparingTo("0");
	}

	@Test
	void aBlockedOrderWaitsForTheManagerWhoReleasesItAndTheOrderSystemReadsTheNewDecision() {
		String code = this.fixtures.customerWithLine("1000000", TODAY.minusDays(10));
		// 50,000 more than 90 days overdue blocks, though the order fits the line
		this.fixtures.ledger.invoiceOf(code, "50000", "2026-07-01", "2026-08-01");
		String ref = ReceivableFixtures.unique("PO");
		CreditCheck blocked = this.fixtures.check(code, ref, "140000");
		assertThat(blocked.decision()).isEqualTo(Decision.BLOCKED);
		assertThat(blocked.reasons()).extracting(Reason::code).contains(ReasonCode.OVERDUE_DAYS);
		assertThat(blocked.reserved()).isEqualByComparingTo("0");
		CreditHold hold = this.fixtures
			.asManager(() -> this.holds.search(CreditHold.Status.PENDING, code, new org.credence.shared.Paging(0, 10)))
			.items()
			.get(0);
		assertThat(hold.orderRef()).isEqualTo(ref);

		// within the limit: a plain release, no special approval
		CreditHolds.ReleaseTerms terms = this.fixtures.asManager(() -> this.holds.terms(hold.id()));
		assertThat(terms.excess()).isEqualByComparingTo("0");
		CreditHold released = this.fixtures.asManager(() -> this.holds.release(hold.id(), "长期客户，已电话确认付款", null));
		assertThat(released.status()).isEqualTo(CreditHold.Status.RELEASED);
		CreditCheck now = this.fixtures.asOrderSystem(() -> this.checks.get(ref));
		assertThat(now.decision()).isEqualTo(Decision.APPROVED);
		assertThat(now.reasons().get(0).code()).isEqualTo(ReasonCode.RELEASED_BY_MANAGER);
		assertThat(now.reservation()).isEqualTo(Reservation.ACTIVE);
		assertThat(exposure(code).reserved()).isEqualByComparingTo("140000");
		assertThatThrownBy(() -> this.fixtures.asManager(() -> this.holds.reject(hold.id(), "too late")))
			.isInstanceOfSatisfying(RuleViolationException.class,
					ex -> assertThat(ex.reasonCode()).isEqualTo("HOLD_DECIDED"));
	}

	@Test
	void aRejectedOrderStaysBlocked() {
		String code = this.fixtures.customerWithLine("100000", TODAY.minusDays(10));
		String ref = ReceivableFixtures.unique("PO");
		this.fixtures.check(code, ref, "500000");
		CreditHold hold = this.fixtures
			.asManager(() -> this.holds.search(null, code, new org.credence.shared.Paging(0, 10)))
			.items()
			.get(0);
		assertThatThrownBy(() -> this.fixtures.asManager(() -> this.holds.reject(hold.id(), " ")))
			.isInstanceOf(InvalidInputException.class);
		this.fixtures.asManager(() -> this.holds.reject(hold.id(), "超出额度过多"));
		CreditCheck now = this.fixtures.asOrderSystem(() -> this.checks.get(ref));
		assertThat(now.decision()).isEqualTo(Decision.BLOCKED);
		assertThat(now.holdStatus()).isEqualTo("REJECTED");
		assertThat(now.reasons().get(0).code()).isEqualTo(ReasonCode.REJECTED_BY_MANAGER);
		assertThat(exposure(code).reserved()).isEqualByComparingTo("0");
	}

	@Test
	void aReleaseAboveTheLimitIsASpecialApprovalWithinTheManagersAuthority() {
		String code = this.fixtures.customerWithLine("1000000", TODAY.minusDays(10));
		// rated: an unrated or high-risk customer's excess would need the committee at
		// any size
		this.currentUser.asSystem(() -> {
			this.customers.recordRating(code, "A", "LOW");
			return null;
		});
		String ref = ReceivableFixtures.unique("PO");
		this.fixtures.check(code, ref, "1300000");
		CreditHold hold = this.fixtures
			.asManager(() -> this.holds.search(null, code, new org.credence.shared.Paging(0, 10)))
			.items()
			.get(0);
		assertThat(this.fixtures.asManager(() -> this.holds.terms(hold.id())).excess()).isEqualByComparingTo("300000");
		assertThatThrownBy(() -> this.fixtures.asManager(() -> this.holds.release(hold.id(), "特批", null)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.problems().get(0).field()).isEqualTo("excessUntil"));
		CreditHold released = this.fixtures
			.asManager(() -> this.holds.release(hold.id(), "特批：年末备货", TODAY.plusDays(20)));
		assertThat(released.excessAmount()).isEqualByComparingTo("300000");
		assertThat(released.excessUntil()).isEqualTo(TODAY.plusDays(20));
		assertThat(this.fixtures.asOrderSystem(() -> this.checks.get(ref)).expiresOn()).isEqualTo(TODAY.plusDays(20));

		// an excess the matrix gives the committee is not the manager's to grant
		String big = ReceivableFixtures.unique("PO");
		this.fixtures.check(code, big, "5000000");
		CreditHold bigHold = this.fixtures
			.asManager(() -> this.holds.search(CreditHold.Status.PENDING, code, new org.credence.shared.Paging(0, 10)))
			.items()
			.get(0);
		assertThatThrownBy(
				() -> this.fixtures.asManager(() -> this.holds.release(bigHold.id(), "特批", TODAY.plusDays(5))))
			.isInstanceOfSatisfying(RuleViolationException.class,
					ex -> assertThat(ex.reasonCode()).isEqualTo("SPECIAL_APPROVAL_NEEDS_COMMITTEE"));
	}

	@Test
	void sixtyConcurrentChecksOnOneCustomerNeverTogetherPassTheLimitPlusTolerance() throws Exception {
		String code = this.fixtures.customerWithLine("1000000", TODAY.minusDays(10));
		int threads = 60;
		ExecutorService pool = Executors.newFixedThreadPool(16);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<CreditCheck>> futures = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			String ref = ReceivableFixtures.unique("CC");
			Callable<CreditCheck> task = () -> {
				start.await();
				return this.fixtures.check(code, ref, "70000");
			};
			futures.add(pool.submit(task));
		}
		start.countDown();
		BigDecimal approved = BigDecimal.ZERO;
		int passed = 0;
		for (Future<CreditCheck> future : futures) {
			CreditCheck check = future.get(60, TimeUnit.SECONDS);
			if (check.decision() != Decision.BLOCKED) {
				approved = approved.add(check.companyAmount());
				passed++;
			}
		}
		pool.shutdown();
		// 15 × 70,000 = 1,050,000 is the limit plus 5 % exactly; a 16th would pass it
		assertThat(passed).isEqualTo(15);
		assertThat(approved).isLessThanOrEqualTo(new BigDecimal("1050000"));
		assertThat(exposure(code).reserved()).isEqualByComparingTo(approved);
		assertThat(this.jdbc.sql("select count(*) from exposure.credit_hold where customer_code = :c")
			.param("c", code)
			.query(Long.class)
			.single()).isEqualTo(threads - 15);
	}

	@Test
	void oneOrderReferenceCheckedForTwoCustomersAtOnceGoesToOneOfThem() throws Exception {
		String one = this.fixtures.customerWithLine("1000000", TODAY.minusDays(10));
		String other = this.fixtures.customerWithLine("1000000", TODAY.minusDays(10));
		// their rows exist: both checks lock in one statement and meet at the insert
		this.fixtures.check(one, ReceivableFixtures.unique("PO"), "1000");
		this.fixtures.check(other, ReceivableFixtures.unique("PO"), "1000");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 5; round++) {
				BigDecimal oneBefore = exposure(one).reserved();
				BigDecimal otherBefore = exposure(other).reserved();
				String ref = ReceivableFixtures.unique("PO");
				CountDownLatch start = new CountDownLatch(1);
				Future<CreditCheck> first = pool.submit(() -> {
					start.await();
					return this.fixtures.check(one, ref, "2000");
				});
				Future<CreditCheck> second = pool.submit(() -> {
					start.await();
					return this.fixtures.check(other, ref, "3000");
				});
				start.countDown();
				List<CreditCheck> answered = new ArrayList<>();
				int refused = 0;
				for (Future<CreditCheck> future : List.of(first, second)) {
					try {
						answered.add(future.get(30, TimeUnit.SECONDS));
					}
					catch (ExecutionException ex) {
						assertThat(ex.getCause()).isInstanceOf(ConflictException.class);
						refused++;
					}
				}
				assertThat(answered).hasSize(1);
				assertThat(refused).isEqualTo(1);
				boolean oneWon = answered.get(0).customerCode().equals(one);
				assertThat(exposure(one).reserved())
					.isEqualByComparingTo(oneWon ? oneBefore.add(new BigDecimal("2000")) : oneBefore);
				assertThat(exposure(other).reserved())
					.isEqualByComparingTo(oneWon ? otherBefore : otherBefore.add(new BigDecimal("3000")));
			}
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void theSameOrderSentSeveralTimesAtOnceIsCheckedAndReservedOnce() throws Exception {
		String code = this.fixtures.customerWithLine("1000000", TODAY.minusDays(10));
		this.fixtures.check(code, ReceivableFixtures.unique("PO"), "1000");
		BigDecimal before = exposure(code).reserved();
		String ref = ReceivableFixtures.unique("PO");
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<CreditCheck>> futures = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			futures.add(pool.submit(() -> {
				start.await();
				return this.fixtures.check(code, ref, "5000");
			}));
		}
		start.countDown();
		java.util.Set<Long> ids = new java.util.HashSet<>();
		for (Future<CreditCheck> future : futures) {
			ids.add(future.get(30, TimeUnit.SECONDS).checkId());
		}
		pool.shutdown();
		assertThat(ids).hasSize(1);
		assertThat(exposure(code).reserved()).isEqualByComparingTo(before.add(new BigDecimal("5000")));
	}

	@Test
	void newRulesReachTheNextCheckAtOnce() {
		String code = this.fixtures.customerWithLine("1000000", TODAY.minusDays(10));
		this.fixtures.check(code, ReceivableFixtures.unique("PO"), "1000");
		CheckRuleSet d = CheckRuleSet.defaults();
		CheckRuleSet threeDays = new CheckRuleSet(d.tolerancePercent(), d.countOpenOrders(), d.orderHorizonDays(), 3,
				d.noCreditLine(), d.lineExpired(), d.limitExceeded(), d.overdueDaysMode(), d.overdueDays(),
				d.overdueDaysMinAmount(), d.overdueAmountMode(), d.overdueAmount(), d.overdueGraceDays(),
				d.blacklisted(), d.suspended(), d.gradeMode(), d.minimumGrade(), d.reviewOverdue(), d.severeAlert(),
				d.groupLimitExceeded(), d.utilisationMode(), d.utilisationPercent(), d.oldestItemMode(),
				d.oldestItemDays());
		try {
			this.fixtures.asManager(() -> this.rules.save(threeDays, "reservations for three days"));
			assertThat(this.fixtures.check(code, ReceivableFixtures.unique("PO"), "1000").expiresOn())
				.isEqualTo(TODAY.plusDays(3));
		}
		finally {
			this.fixtures.asManager(() -> this.rules.save(CheckRuleSet.defaults(), "back to the defaults"));
		}
		assertThat(this.fixtures.check(code, ReceivableFixtures.unique("PO"), "1000").expiresOn())
			.isEqualTo(TODAY.plusDays(14));
	}

	@Test
	void theReconciliationFindsAPositionThatDrifted() {
		String code = this.fixtures.customerWithLine("1000000", TODAY.minusDays(10));
		this.fixtures.ledger.invoiceOf(code, "123456.78", "2026-11-01", "2026-12-31");
		this.fixtures.check(code, ReceivableFixtures.unique("PO"), "1000");
		assertThat(this.fixtures.asManager(() -> this.exposures.reconcile()).differences())
			.noneMatch(d -> d.customerCode().equals(code));
		this.jdbc.sql("update exposure.position set reserved = reserved + 1 where customer_code = :c")
			.param("c", code)
			.update();
		assertThat(this.fixtures.asManager(() -> this.exposures.reconcile()).differences()).anySatisfy(d -> {
			assertThat(d.customerCode()).isEqualTo(code);
			assertThat(d.keptTotal()).isEqualByComparingTo("124457.78");
			assertThat(d.recomputedTotal()).isEqualByComparingTo("124456.78");
		});
		this.fixtures.asManager(() -> this.exposures.rebuild(List.of(code)));
		assertThat(this.fixtures.asManager(() -> this.exposures.reconcile()).differences())
			.noneMatch(d -> d.customerCode().equals(code));
	}

	@Test
	void theReconciliationFindsNothingWhileChecksGoOn(CapturedOutput output) throws Exception {
		// checks committing while the reconciliation runs must not look like drift: the
		// kept rows and their recomputation are read from one snapshot
		List<String> busy = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String code = this.fixtures.customerWithLine("100000000", TODAY.minusDays(10));
			this.fixtures.check(code, ReceivableFixtures.unique("PO"), "1");
			busy.add(code);
		}
		java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		Future<Integer> checking = pool.submit(() -> {
			int checked = 0;
			while (running.get()) {
				this.fixtures.check(busy.get(checked % busy.size()), ReceivableFixtures.unique("PO"), "1");
				checked++;
			}
			return checked;
		});
		try {
			for (int run = 0; run < 3; run++) {
				assertThat(this.fixtures.asManager(() -> this.exposures.reconcile()).differences())
					.noneMatch(d -> busy.contains(d.customerCode()));
			}
			// the nightly job too, which calls it from inside the service
			this.exposures.reconcileNightly();
			for (String code : busy) {
				assertThat(output.getOut()).doesNotContain("Exposure of " + code + " kept as");
			}
		}
		finally {
			running.set(false);
			assertThat(checking.get(60, TimeUnit.SECONDS)).isPositive();
			pool.shutdown();
		}
	}

	@Test
	void aLineChangeOrSuspensionReachesTheNextCheckAtOnce() {
		String code = this.fixtures.customerWithLine("100000", TODAY.minusDays(10));
		assertThat(this.fixtures.check(code, ReceivableFixtures.unique("PO"), "150000").decision())
			.isEqualTo(Decision.BLOCKED);
		this.fixtures.line(code, org.credence.limit.ApplicationType.INCREASE, "500000", TODAY);
		assertThat(this.fixtures.check(code, ReceivableFixtures.unique("PO"), "150000").decision())
			.isNotEqualTo(Decision.BLOCKED);
		this.currentUser.asSystem(() -> this.lines.suspend(code, "逾期未还"));
		CreditCheck suspended = this.fixtures.check(code, ReceivableFixtures.unique("PO"), "1000");
		assertThat(suspended.decision()).isEqualTo(Decision.BLOCKED);
		assertThat(suspended.reasons()).extracting(Reason::code).contains(ReasonCode.CUSTOMER_SUSPENDED);
		this.currentUser.asSystem(() -> this.customers.blacklist(code, "欺诈", null, null));
		assertThat(this.fixtures.check(code, ReceivableFixtures.unique("PO"), "1000").reasons())
			.extracting(Reason::code)
			.contains(ReasonCode.BLACKLISTED);
	}

	@Test
	void theGroupLimitCountsMembersNobodyCheckedYet() {
		String busy = groupAtNinetyPercent();

		CreditCheck check = this.fixtures.check(busy, ReceivableFixtures.unique("PO"), "500000");

		assertThat(check.decision()).isEqualTo(Decision.BLOCKED);
		assertThat(check.reasons()).extracting(Reason::code).contains(ReasonCode.GROUP_LIMIT_EXCEEDED);
		Exposure.GroupExposure exposure = exposure(busy).group();
		assertThat(exposure).isNotNull();
		assertThat(exposure.total()).isEqualByComparingTo("900000");
		assertThat(exposure.members()).isEqualTo(2);
		// checked again, its row built: the group's row is still locked first
		CreditCheck small = this.fixtures.check(busy, ReceivableFixtures.unique("PO"), "50000");
		// (a warning at most: the members are unrated, so their review is overdue)
		assertThat(small.decision()).isNotEqualTo(Decision.BLOCKED);
		assertThat(small.reasons()).extracting(Reason::code).doesNotContain(ReasonCode.GROUP_LIMIT_EXCEEDED);
		assertThat(exposure(busy).reserved()).isEqualByComparingTo("50000");
	}

	@Test
	void releasingAnOrderBeyondTheGroupLimitIsASpecialApprovalOfTheGroupsExcess() {
		String busy = groupAtNinetyPercent();
		// within the customer's own line, 400,000 beyond the group's
		CreditCheck held = this.fixtures.check(busy, ReceivableFixtures.unique("PO"), "500000");
		assertThat(held.reasons()).extracting(Reason::code)
			.contains(ReasonCode.GROUP_LIMIT_EXCEEDED)
			.doesNotContain(ReasonCode.LIMIT_EXCEEDED);

		assertThat(this.fixtures.asManager(() -> this.holds.terms(held.holdId())).excess())
			.isEqualByComparingTo("400000");
		assertThatThrownBy(() -> this.fixtures.asManager(() -> this.holds.release(held.holdId(), "老客户", null)))
			.isInstanceOf(InvalidInputException.class);
		// the members are unrated: an excess for them is the committee's
		assertThatThrownBy(
				() -> this.fixtures.asManager(() -> this.holds.release(held.holdId(), "老客户", TODAY.plusDays(30))))
			.isInstanceOfSatisfying(RuleViolationException.class,
					ex -> assertThat(ex.reasonCode()).isEqualTo("SPECIAL_APPROVAL_NEEDS_COMMITTEE"));
	}

	/**
	 * A group of two unrated members with lines of 1,000,000 each and a group limit of
	 * 1,000,000, of which one member owes 900,000; the other member's code.
	 */
	String groupAtNinetyPercent() {
		String group = ReceivableFixtures.unique("GRP");
		String quiet = groupMember(group);
		String busy = groupMember(group);
		this.fixtures.line(quiet, org.credence.limit.ApplicationType.NEW, "1000000", TODAY.minusDays(10));
		this.fixtures.line(busy, org.credence.limit.ApplicationType.NEW, "1000000", TODAY.minusDays(10));
		this.currentUser.asSystem(() -> this.groupLimits.set(group, new BigDecimal("1000000"), "CNY", "集团额度"));
		this.fixtures.ledger.invoiceOf(quiet, "900000", "2026-11-01", "2026-12-31");
		return busy;
	}

	String groupMember(String group) {
		org.credence.customer.CustomerDraft draft = new org.credence.customer.CustomerDraft(
				ReceivableFixtures.unique("GM"), "集团成员有限公司", null, null, "CN", "上海", "C", null, null, null, null, null,
				group, "测试集团 " + group, null, null, org.credence.customer.CustomerStatus.ACTIVE, null);
		return this.currentUser.asSystem(() -> this.customers.register(draft).customer()).code();
	}

	@Test
	void anOrderAlreadyInTheLedgerIsNotCountedAgainByItsCheck() {
		String code = this.fixtures.customerWithLine("1000000", TODAY.minusDays(10));
		this.fixtures.check(code, ReceivableFixtures.unique("PO"), "1000");
		String ref = ReceivableFixtures.unique("SO");
		this.fixtures.ledger.asFinance(() -> this.receivables.recordOrder(new OrderEntry("ext-" + ref, code, ref,
				new BigDecimal("50000"), "CNY", TODAY, OrderStatus.OPEN, null)));
		BigDecimal before = exposure(code).total();

		CreditCheck check = this.fixtures.check(code, ref, "50000");
		assertThat(check.reserved()).isEqualByComparingTo("0");
		assertThat(exposure(code).total()).isEqualByComparingTo(before);
		// checked again for more after it arrived: only the difference is reserved
		this.fixtures.check(code, ref, "70000");
		assertThat(exposure(code).total()).isEqualByComparingTo(before.add(new BigDecimal("20000")));
	}

	@Test
	void anInvoiceDatedTomorrowCountsFromTheMomentItIsRecorded() {
		String code = this.fixtures.customerWithLine("1000000", TODAY.minusDays(10));
		this.fixtures.check(code, ReceivableFixtures.unique("PO"), "1000");
		String order = ReceivableFixtures.unique("SO");
		this.fixtures.ledger.asFinance(() -> this.receivables.recordOrder(new OrderEntry("ext-" + order, code, order,
				new BigDecimal("300000"), "CNY", TODAY, OrderStatus.OPEN, null)));
		String invoice = ReceivableFixtures.unique("INV");
		this.fixtures.ledger.asFinance(() -> this.receivables.recordInvoice(new InvoiceEntry("ext-" + invoice, code,
				invoice, new BigDecimal("300000"), "CNY", TODAY.plusDays(1), TODAY.plusDays(61), order)));
		Exposure exposure = exposure(code);
		assertThat(exposure.openReceivables()).isEqualByComparingTo("300000");
		assertThat(exposure.openOrders()).isEqualByComparingTo("0");
		assertThat(this.fixtures.asManager(() -> this.exposures.reconcile()).differences())
			.noneMatch(d -> d.customerCode().equals(code));
	}

	@Test
	void withoutALineEveryOrderIsBlocked() {
		String code = this.fixtures.ledger.customer();
		CreditCheck check = this.fixtures.check(code, ReceivableFixtures.unique("PO"), "1");
		assertThat(check.decision()).isEqualTo(Decision.BLOCKED);
		assertThat(check.reasons()).extracting(Reason::code).contains(ReasonCode.NO_CREDIT_LINE);
		assertThat(check.limit()).isNull();
		// a line from 14 November 2026 is valid to 13 November 2027
		String expiring = this.fixtures.customerWithLine("100000", TODAY.minusDays(10));
		this.clock.setDate(LocalDate.parse("2027-11-13"));
		assertThat(this.fixtures.check(expiring, ReceivableFixtures.unique("PO"), "1").reasons())
			.extracting(Reason::code)
			.doesNotContain(ReasonCode.CREDIT_LINE_EXPIRED, ReasonCode.NO_CREDIT_LINE);
		this.clock.setDate(LocalDate.parse("2027-11-14"));
		CreditCheck expired = this.fixtures.check(expiring, ReceivableFixtures.unique("PO"), "1");
		assertThat(expired.decision()).isEqualTo(Decision.BLOCKED);
		assertThat(expired.reasons()).extracting(Reason::code).contains(ReasonCode.CREDIT_LINE_EXPIRED);
	}

}
