package org.credence.exposure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.credence.IntegrationTest;
import org.credence.TestClock;
import org.credence.assessment.AssessmentFixtures;
import org.credence.assessment.Assessments;
import org.credence.assessment.statement.FinancialStatements;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.exposure.CreditCheck.Reservation;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.limit.ApplicationType;
import org.credence.limit.CreditApplicationApproved;
import org.credence.limit.CreditLines;
import org.credence.receivable.InvoiceEntry;
import org.credence.receivable.OrderEntry;
import org.credence.receivable.OrderStatus;
import org.credence.receivable.ReceivableFixtures;
import org.credence.receivable.Receivables;
import org.credence.shared.Paging;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.SecurityContexts.runAs;

/**
 * SCENARIOS.md §4 and the start of §5 with its figures: HD-0001's orders against its line
 * of 2,000,000, the special approval of SO-1004, the re-checks of SO-1002, and the
 * invoice of SO-1001 taking up its reservation with exposure unchanged.
 */
@IntegrationTest
class ScenarioCreditChecksTests {

	@Autowired
	Users users;

	@Autowired
	Customers customers;

	@Autowired
	FinancialStatements statements;

	@Autowired
	Assessments assessments;

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
	TestClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void ordersAgainstHd0001sLine() {
		this.clock.setDate(LocalDate.parse("2026-01-12"));
		CustomerDetails customer = AssessmentFixtures.scenarioCustomer(this.customers, this.statements,
				this.currentUser, null);
		String code = customer.code();
		runAs("scenario-analyst", List.of(Role.CREDIT_ANALYST), () -> this.assessments.assess(code, null, Map.of()));
		this.currentUser
			.asSystem(() -> this.lines.applyApproved(new CreditApplicationApproved(6_000_001, code, ApplicationType.NEW,
					new BigDecimal("2000000"), "CNY", 60, LocalDate.parse("2026-01-12"), null, "liu.yang", "sun.li")));
		ExposureFixtures fixtures = new ExposureFixtures(this.users, this.customers, this.currentUser, this.receivables,
				this.lines, this.checks);
		this.clock.setDate(LocalDate.parse("2026-02-10"));
		String so = ReceivableFixtures.unique("HD") + "-SO-";

		CreditCheck so1001 = fixtures.check(code, so + "1001", "800000");
		assertThat(so1001.decision()).isEqualTo(Decision.APPROVED);
		assertThat(so1001.reserved()).isEqualByComparingTo("800000");
		assertThat(exposure(fixtures, code).available()).isEqualByComparingTo("1200000");

		CreditCheck so1002 = fixtures.check(code, so + "1002", "900000");
		assertThat(so1002.decision()).isEqualTo(Decision.APPROVED);
		assertThat(exposure(fixtures, code).available()).isEqualByComparingTo("300000");
		assertThat(exposure(fixtures, code).utilisation()).isEqualByComparingTo("85");

		CreditCheck so1003 = fixtures.check(code, so + "1003", "250000");
		assertThat(so1003.decision()).isEqualTo(Decision.WARNING);
		assertThat(so1003.reasons()).extracting(Reason::code).containsExactly(ReasonCode.UTILISATION_HIGH);
		assertThat(so1003.reasons().get(0).args()).containsExactly("97.50", "90");
		assertThat(exposure(fixtures, code).available()).isEqualByComparingTo("50000");

		CreditCheck so1004 = fixtures.check(code, so + "1004", "300000");
		assertThat(so1004.decision()).isEqualTo(Decision.BLOCKED);
		assertThat(so1004.reasons()).extracting(Reason::code).containsExactly(ReasonCode.LIMIT_EXCEEDED);
		assertThat(so1004.reasons().get(0).args()).containsExactly("1950000.00", "300000.00", "2000000.00",
				"250000.00");
		assertThat(so1004.reserved()).isEqualByComparingTo("0");
		CreditHold hold = fixtures.asManager(() -> this.holds.search(CreditHold.Status.PENDING, code, new Paging(0, 5)))
			.items()
			.get(0);
		assertThat(hold.orderRef()).isEqualTo(so + "1004");
		CreditHold released = fixtures
			.asManager(() -> this.holds.release(hold.id(), "信用特批：年度大客户，三月底前回款", LocalDate.parse("2026-03-31")));
		assertThat(released.excessAmount()).isEqualByComparingTo("250000");
		CreditCheck now = fixtures.asOrderSystem(() -> this.checks.get(so + "1004"));
		assertThat(now.decision()).isEqualTo(Decision.APPROVED);
		assertThat(now.reasons().get(0).code()).isEqualTo(ReasonCode.RELEASED_BY_MANAGER);
		assertThat(now.expiresOn()).isEqualTo(LocalDate.parse("2026-03-31"));
		assertThat(exposure(fixtures, code).total()).isEqualByComparingTo("2250000");

		CreditCheck same = fixtures.check(code, so + "1002", "900000");
		assertThat(same.checkId()).isEqualTo(so1002.checkId());
		assertThat(exposure(fixtures, code).available()).isEqualByComparingTo("-250000");
		CreditCheck less = fixtures.check(code, so + "1002", "850000");
		assertThat(less.reserved()).isEqualByComparingTo("850000");
		assertThat(exposure(fixtures, code).available()).isEqualByComparingTo("-200000");

		// §5: SO-1001 arrives as an order, then its invoice INV-2001; exposure does not
		// move
		BigDecimal before = exposure(fixtures, code).total();
		this.clock.setDate(LocalDate.parse("2026-03-01"));
		fixtures.ledger.asFinance(() -> this.receivables.recordOrder(new OrderEntry("ext-" + so + "1001", code,
				so + "1001", new BigDecimal("800000"), "CNY", LocalDate.parse("2026-02-10"), OrderStatus.OPEN, null)));
		assertThat(fixtures.asOrderSystem(() -> this.checks.get(so + "1001")).reservation())
			.isEqualTo(Reservation.CONSUMED);
		String invoice = so + "INV-2001";
		fixtures.ledger.asFinance(() -> this.receivables
			.recordInvoice(new InvoiceEntry("ext-" + invoice, code, invoice, new BigDecimal("800000"), "CNY",
					LocalDate.parse("2026-03-01"), LocalDate.parse("2026-04-30"), so + "1001")));
		Exposure after = exposure(fixtures, code);
		assertThat(after.openReceivables()).isEqualByComparingTo("800000");
		assertThat(after.openOrders()).isEqualByComparingTo("0");
		assertThat(after.total()).isEqualByComparingTo(before);
	}

	private Exposure exposure(ExposureFixtures fixtures, String code) {
		return fixtures.asManager(() -> this.exposures.of(code));
	}

}
