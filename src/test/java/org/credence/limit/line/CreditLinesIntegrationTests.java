package org.credence.limit.line;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.credence.IntegrationTest;
import org.credence.TestClock;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.identity.AuditEntry;
import org.credence.identity.AuditQuery;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.limit.ApplicationType;
import org.credence.limit.CreditApplicationApproved;
import org.credence.limit.CreditLine;
import org.credence.limit.CreditLineChanged;
import org.credence.limit.CreditLineStatus;
import org.credence.limit.CreditLines;
import org.credence.limit.TemporaryIncrease;
import org.credence.shared.Paging;
import org.credence.shared.RuleViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.credence.limit.line.LineFixtures.apply;

@IntegrationTest
@RecordApplicationEvents
class CreditLinesIntegrationTests {

	@Autowired
	CreditLines lines;

	@Autowired
	Customers customers;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	TestClock clock;

	@Autowired
	ApplicationEvents events;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	private CreditLine current(String code) {
		return this.currentUser.asSystem(() -> this.lines.current(code)).orElseThrow();
	}

	private CreditLine asOf(String code, String day) {
		return this.currentUser.asSystem(() -> this.lines.asOf(code, LocalDate.parse(day))).orElseThrow();
	}

	private boolean hasLineOn(String code, String day) {
		return this.currentUser.asSystem(() -> this.lines.asOf(code, LocalDate.parse(day))).isPresent();
	}

	@Test
	void newLineIsActiveForAYearLessADayInTheCompanyCurrencyAuditedAndPublished() {
		this.clock.setDate(LocalDate.parse("2026-01-12"));
		String code = LineFixtures.customer(this.customers, this.currentUser, null);

		CreditLine line = apply(this.lines, this.currentUser, code, ApplicationType.NEW, "2000000.00", 60, "2026-01-12",
				null);

		assertThat(line.status()).isEqualTo(CreditLineStatus.ACTIVE);
		assertThat(line.limit()).isEqualByComparingTo("2000000");
		assertThat(line.currency()).isEqualTo("CNY");
		assertThat(line.termsDays()).isEqualTo(60);
		assertThat(line.validFrom()).isEqualTo("2026-01-12");
		assertThat(line.validTo()).isEqualTo("2027-01-11");
		assertThat(current(code).limit()).isEqualByComparingTo("2000000");
		List<AuditEntry> audit = this.currentUser.asSystem(() -> this.auditTrail
			.entries(AuditQuery.forSubject(CustomerDetails.auditSubject(code)), new Paging(0, 10))
			.items());
		assertThat(audit).anyMatch(e -> e.entityType().equals("credit-line") && e.action().equals("GRANTED"));
		assertThat(this.events.stream(CreditLineChanged.class))
			.anyMatch(e -> e.customerCode().equals(code) && e.change().equals("GRANTED")
					&& e.limit().compareTo(new BigDecimal("2000000")) == 0 && e.status() == CreditLineStatus.ACTIVE);
	}

	@Test
	void showsTheLineExactlyAsItStoodOnAnyPastDay() {
		this.clock.setDate(LocalDate.parse("2026-07-01"));
		String code = LineFixtures.customer(this.customers, this.currentUser, null);
		apply(this.lines, this.currentUser, code, ApplicationType.NEW, "1000000.00", 60, "2026-01-12", null);
		apply(this.lines, this.currentUser, code, ApplicationType.INCREASE, "1500000.00", 90, "2026-03-01", null);
		apply(this.lines, this.currentUser, code, ApplicationType.DECREASE, "800000.00", 30, "2026-05-01", null);

		assertThat(hasLineOn(code, "2026-01-11")).isFalse();
		assertThat(asOf(code, "2026-01-12").limit()).isEqualByComparingTo("1000000");
		assertThat(asOf(code, "2026-02-28").limit()).isEqualByComparingTo("1000000");
		assertThat(asOf(code, "2026-02-28").termsDays()).isEqualTo(60);
		assertThat(asOf(code, "2026-03-01").limit()).isEqualByComparingTo("1500000");
		assertThat(asOf(code, "2026-03-01").termsDays()).isEqualTo(90);
		assertThat(asOf(code, "2026-04-30").limit()).isEqualByComparingTo("1500000");
		assertThat(asOf(code, "2026-05-01").limit()).isEqualByComparingTo("800000");
		assertThat(current(code).limit()).isEqualByComparingTo("800000");
		assertThat(asOf(code, "2027-01-11").status()).isEqualTo(CreditLineStatus.ACTIVE);
		assertThat(asOf(code, "2027-01-12").status()).isEqualTo(CreditLineStatus.EXPIRED);
		assertThat(this.currentUser.asSystem(() -> this.lines.history(code))).extracting(LineVersion::change)
			.containsExactly("DECREASED", "INCREASED", "GRANTED");
	}

	@Test
	void aTemporaryIncreaseLapsesOnItsDateWithoutAnyJob() {
		this.clock.setDate(LocalDate.parse("2026-03-20"));
		String code = LineFixtures.customer(this.customers, this.currentUser, null);
		apply(this.lines, this.currentUser, code, ApplicationType.NEW, "1000000.00", 60, "2026-01-12", null);
		apply(this.lines, this.currentUser, code, ApplicationType.TEMPORARY, "300000.00", 60, "2026-04-01",
				"2026-04-30");

		CreditLine before = current(code);
		assertThat(before.effectiveLimit()).isEqualByComparingTo("1000000");
		assertThat(before.temporaryIncreases()).containsExactly(new TemporaryIncrease(new BigDecimal("300000.00"),
				LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-30")));

		this.clock.setDate(LocalDate.parse("2026-04-01"));
		assertThat(current(code).effectiveLimit()).isEqualByComparingTo("1300000");
		this.clock.setDate(LocalDate.parse("2026-04-30"));
		assertThat(current(code).effectiveLimit()).isEqualByComparingTo("1300000");
		this.clock.setDate(LocalDate.parse("2026-05-01"));
		CreditLine after = current(code);
		assertThat(after.effectiveLimit()).isEqualByComparingTo("1000000");
		assertThat(after.limit()).isEqualByComparingTo("1000000");
		assertThat(after.temporaryIncreases()).isEmpty();
		assertThat(asOf(code, "2026-04-15").effectiveLimit()).isEqualByComparingTo("1300000");
		// before it was approved, the line as of that day did not know of it
		assertThat(asOf(code, "2026-03-01").temporaryIncreases()).isEmpty();
	}

	@Test
	void refusesANewLineWhileOneIsActiveOrSuspendedAndReplacesAnExpiredOne() {
		this.clock.setDate(LocalDate.parse("2026-06-01"));
		String code = LineFixtures.customer(this.customers, this.currentUser, null);
		CreditLine first = apply(this.lines, this.currentUser, code, ApplicationType.NEW, "1000000.00", 60,
				"2026-01-12", null);

		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> apply(this.lines, this.currentUser, code, ApplicationType.NEW, "500000.00", 30,
					"2026-06-01", null))
			.satisfies(ex -> assertThat(ex.reasonCode()).isEqualTo("CREDIT_LINE_EXISTS"));
		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> this.lines.requireApplicable(code, ApplicationType.NEW, LocalDate.parse("2026-06-01")))
			.satisfies(ex -> assertThat(ex.reasonCode()).isEqualTo("CREDIT_LINE_EXISTS"));
		this.lines.requireApplicable(code, ApplicationType.INCREASE, LocalDate.parse("2026-06-01"));
		this.lines.requireApplicable(code, ApplicationType.NEW, LocalDate.parse("2027-02-01"));
		assertThat(current(code).limit()).isEqualByComparingTo("1000000");

		this.clock.setDate(LocalDate.parse("2027-02-01"));
		assertThat(current(code).status()).isEqualTo(CreditLineStatus.EXPIRED);
		CreditLine second = apply(this.lines, this.currentUser, code, ApplicationType.NEW, "500000.00", 30,
				"2027-02-01", null);

		assertThat(second.id()).isNotEqualTo(first.id());
		assertThat(current(code).limit()).isEqualByComparingTo("500000");
		assertThat(current(code).status()).isEqualTo(CreditLineStatus.ACTIVE);
		assertThat(asOf(code, "2026-06-01").limit()).isEqualByComparingTo("1000000");
	}

	@Test
	void renewalSetsANewPeriodAndChangesNeedALine() {
		this.clock.setDate(LocalDate.parse("2026-12-20"));
		String code = LineFixtures.customer(this.customers, this.currentUser, null);
		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> apply(this.lines, this.currentUser, code, ApplicationType.INCREASE, "500000.00", 30,
					"2026-12-20", null))
			.satisfies(ex -> assertThat(ex.reasonCode()).isEqualTo("NO_CREDIT_LINE"));
		apply(this.lines, this.currentUser, code, ApplicationType.NEW, "2000000.00", 60, "2026-01-12", null);

		CreditLine renewed = apply(this.lines, this.currentUser, code, ApplicationType.RENEWAL, "2500000.00", 45,
				"2027-01-12", null);

		assertThat(renewed.asOf()).isEqualTo("2027-01-12");
		assertThat(renewed.validTo()).isEqualTo("2028-01-11");
		assertThat(current(code).limit()).isEqualByComparingTo("2000000");
		assertThat(asOf(code, "2027-01-11").validTo()).isEqualTo("2027-01-11");
		assertThat(asOf(code, "2027-01-12").limit()).isEqualByComparingTo("2500000");
		assertThat(asOf(code, "2027-01-12").termsDays()).isEqualTo(45);
		assertThat(asOf(code, "2027-06-01").status()).isEqualTo(CreditLineStatus.ACTIVE);

		this.clock.setDate(LocalDate.parse("2028-02-01"));
		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> apply(this.lines, this.currentUser, code, ApplicationType.INCREASE, "3000000.00", 45,
					"2028-02-01", null))
			.satisfies(ex -> assertThat(ex.reasonCode()).isEqualTo("CREDIT_LINE_EXPIRED"));
	}

	@Test
	void aLineApprovedForALaterDayTakesEffectOnThatDay() {
		this.clock.setDate(LocalDate.parse("2026-01-05"));
		String code = LineFixtures.customer(this.customers, this.currentUser, null);
		apply(this.lines, this.currentUser, code, ApplicationType.NEW, "2000000.00", 60, "2026-01-12", "2026-12-31");

		assertThat(this.currentUser.asSystem(() -> this.lines.current(code))).isEmpty();
		this.clock.setDate(LocalDate.parse("2026-01-12"));
		assertThat(current(code).validTo()).isEqualTo("2026-12-31");
		assertThat(current(code).status()).isEqualTo(CreditLineStatus.ACTIVE);
	}

	@Test
	void aChangeBeforeAnIncreaseAlreadyApprovedForLaterIsNotUndoneByIt() {
		this.clock.setDate(LocalDate.parse("2026-03-01"));
		String code = LineFixtures.customer(this.customers, this.currentUser, null);
		apply(this.lines, this.currentUser, code, ApplicationType.NEW, "1000000.00", 60, "2026-01-12", null);
		apply(this.lines, this.currentUser, code, ApplicationType.TEMPORARY, "300000.00", 60, "2026-04-01",
				"2026-04-30");
		apply(this.lines, this.currentUser, code, ApplicationType.RENEWAL, "2000000.00", 90, "2026-06-01", null);

		apply(this.lines, this.currentUser, code, ApplicationType.INCREASE, "1500000.00", 60, "2026-03-05", null);

		assertThat(asOf(code, "2026-03-04").limit()).isEqualByComparingTo("1000000");
		assertThat(asOf(code, "2026-04-15").limit()).isEqualByComparingTo("1500000");
		assertThat(asOf(code, "2026-04-15").effectiveLimit()).isEqualByComparingTo("1800000");
		// a renewal scheduled later keeps its own figures
		assertThat(asOf(code, "2026-06-15").limit()).isEqualByComparingTo("2000000");
		assertThat(asOf(code, "2026-06-15").termsDays()).isEqualTo(90);
	}

	@Test
	void publishesAChangeForLaterOnlyWhenItTakesEffectAndOneForTodayAsItStandsToday() {
		this.clock.setDate(LocalDate.parse("2026-03-01"));
		String code = LineFixtures.customer(this.customers, this.currentUser, null);
		apply(this.lines, this.currentUser, code, ApplicationType.NEW, "1000000.00", 60, "2026-01-12", null);
		apply(this.lines, this.currentUser, code, ApplicationType.INCREASE, "1500000.00", 60, "2026-04-01", null);

		assertThat(this.events.stream(CreditLineChanged.class).filter(e -> e.customerCode().equals(code)))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.change()).isEqualTo("GRANTED");
				assertThat(e.limit()).isEqualByComparingTo("1000000");
			});
	}

	@Test
	void aPeriodFromTheTwentyNinthOfFebruaryEndsOnTheTwentyEighthAYearLater() {
		this.clock.setDate(LocalDate.parse("2028-02-29"));
		String code = LineFixtures.customer(this.customers, this.currentUser, null);

		CreditLine line = apply(this.lines, this.currentUser, code, ApplicationType.NEW, "1000000.00", 60, "2028-02-29",
				null);

		assertThat(line.validTo()).isEqualTo("2029-02-28");
		assertThat(asOf(code, "2029-02-28").status()).isEqualTo(CreditLineStatus.ACTIVE);
	}

	@Test
	void aChangeIsInTheLinesCurrencyAndAnotherIsRefused() {
		this.clock.setDate(LocalDate.parse("2026-03-01"));
		String code = LineFixtures.customer(this.customers, this.currentUser, null);
		this.currentUser.asSystem(() -> this.lines.applyApproved(
				new CreditApplicationApproved(8_100_001L, code, ApplicationType.NEW, new BigDecimal("100000.00"), "USD",
						60, LocalDate.parse("2026-03-01"), null, "analyst.a", "manager.m")));

		CreditLine increased = this.currentUser.asSystem(() -> this.lines.applyApproved(
				new CreditApplicationApproved(8_100_002L, code, ApplicationType.INCREASE, new BigDecimal("150000.00"),
						" ", 60, LocalDate.parse("2026-03-01"), null, "analyst.a", "manager.m")));

		assertThat(increased.currency()).isEqualTo("USD");
		for (ApplicationType type : List.of(ApplicationType.INCREASE, ApplicationType.DECREASE, ApplicationType.RENEWAL,
				ApplicationType.TEMPORARY)) {
			assertThatExceptionOfType(RuleViolationException.class)
				.isThrownBy(() -> apply(this.lines, this.currentUser, code, type, "90000.00", 60, "2026-03-01", null))
				.satisfies(ex -> assertThat(ex.reasonCode()).isEqualTo("CURRENCY_MISMATCH"));
		}
		assertThatExceptionOfType(RuleViolationException.class).isThrownBy(
				() -> this.lines.requireApplicable(code, ApplicationType.RENEWAL, LocalDate.parse("2026-03-01"), "CNY"))
			.satisfies(ex -> assertThat(ex.reasonCode()).isEqualTo("CURRENCY_MISMATCH"));
		this.lines.requireApplicable(code, ApplicationType.INCREASE, LocalDate.parse("2026-03-01"), null);
		this.lines.requireApplicable(code, ApplicationType.INCREASE, LocalDate.parse("2026-03-01"), "usd");
		assertThat(current(code).limit()).isEqualByComparingTo("150000");
		assertThat(current(code).currency()).isEqualTo("USD");
	}

}
