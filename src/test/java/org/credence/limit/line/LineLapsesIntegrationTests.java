package org.credence.limit.line;

import java.time.LocalDate;

import org.credence.IntegrationTest;
import org.credence.TestClock;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.limit.ApplicationType;
import org.credence.limit.CreditLineChanged;
import org.credence.limit.CreditLineStatus;
import org.credence.limit.CreditLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.limit.line.LineFixtures.apply;

@IntegrationTest
@RecordApplicationEvents
class LineLapsesIntegrationTests {

	@Autowired
	LineLapses lapses;

	@Autowired
	CreditLines lines;

	@Autowired
	Customers customers;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	TestClock clock;

	@Autowired
	ApplicationEvents events;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void announcesALapsedTemporaryIncreaseAndAnExpiredLineOnceEach() {
		this.clock.setDate(LocalDate.parse("2026-04-15"));
		String expiring = LineFixtures.customer(this.customers, this.currentUser, null);
		apply(this.lines, this.currentUser, expiring, ApplicationType.NEW, "500000.00", 30, "2025-05-01", null);
		String temporary = LineFixtures.customer(this.customers, this.currentUser, null);
		apply(this.lines, this.currentUser, temporary, ApplicationType.NEW, "1000000.00", 60, "2026-01-01", null);
		apply(this.lines, this.currentUser, temporary, ApplicationType.TEMPORARY, "200000.00", 60, "2026-04-15",
				"2026-04-30");

		this.clock.setDate(LocalDate.parse("2026-05-02"));
		this.lapses.announce();
		this.lapses.announce();

		assertThat(this.events.stream(CreditLineChanged.class)
			.filter(e -> e.customerCode().equals(expiring) && !e.change().equals("GRANTED"))).singleElement()
			.satisfies(e -> {
				assertThat(e.change()).isEqualTo("EXPIRED");
				assertThat(e.status()).isEqualTo(CreditLineStatus.EXPIRED);
			});
		assertThat(this.events.stream(CreditLineChanged.class)
			.filter(e -> e.customerCode().equals(temporary) && e.change().equals("TEMPORARY_LAPSED"))).singleElement()
			.satisfies(e -> assertThat(e.effectiveLimit()).isEqualByComparingTo("1000000"));
	}

	@Test
	void announcesAChangeApprovedForALaterDayOnceWhenItTakesEffect() {
		this.clock.setDate(LocalDate.parse("2026-03-01"));
		String code = LineFixtures.customer(this.customers, this.currentUser, null);
		apply(this.lines, this.currentUser, code, ApplicationType.NEW, "1000000.00", 60, "2026-01-12", null);
		apply(this.lines, this.currentUser, code, ApplicationType.INCREASE, "1500000.00", 60, "2026-04-01", null);

		this.clock.setDate(LocalDate.parse("2026-03-31"));
		this.lapses.announce();
		assertThat(this.events.stream(CreditLineChanged.class)
			.filter(e -> e.customerCode().equals(code) && e.change().equals("TAKES_EFFECT"))).isEmpty();

		this.clock.setDate(LocalDate.parse("2026-04-01"));
		this.lapses.announce();
		this.clock.setDate(LocalDate.parse("2026-04-02"));
		this.lapses.announce();

		assertThat(this.events.stream(CreditLineChanged.class)
			.filter(e -> e.customerCode().equals(code) && e.change().equals("TAKES_EFFECT"))).singleElement()
			.satisfies(e -> assertThat(e.limit()).isEqualByComparingTo("1500000"));
	}

}
