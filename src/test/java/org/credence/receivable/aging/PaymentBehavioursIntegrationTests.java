package org.credence.receivable.aging;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.credence.IntegrationTest;
import org.credence.customer.ActivityFixtures;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.receivable.PaymentBehaviour;
import org.credence.receivable.ReceivableFixtures;
import org.credence.receivable.Receivables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.receivable.ReceivableFixtures.to;

/** The payment behaviour of many customers read at once is that of each read alone. */
@IntegrationTest
class PaymentBehavioursIntegrationTests {

	private static final LocalDate AS_OF = LocalDate.parse("2026-06-30");

	@Autowired
	Receivables receivables;

	@Autowired
	Customers customers;

	@Autowired
	Users users;

	@Autowired
	CurrentUser currentUser;

	ReceivableFixtures fixtures;

	@BeforeEach
	void setUp() {
		this.fixtures = new ReceivableFixtures(this.users, this.customers, this.currentUser, this.receivables);
	}

	@Test
	void manyCustomersAtOnceGiveWhatEachGivesAlone() {
		String punctual = this.fixtures.customer();
		String late = this.fixtures.customer();
		String open = this.fixtures.customer();
		String none = this.fixtures.customer();
		String first = this.fixtures.invoiceOf(punctual, "100.00", "2026-01-01", "2026-01-31");
		this.fixtures.pay(punctual, "100.00", "2026-01-20", to(first, "100.00"));
		this.fixtures.invoiceOf(late, "100.00", "2026-01-01", "2026-01-31");
		this.fixtures.invoiceOf(late, "300.00", "2026-02-01", "2026-02-28");
		this.fixtures.pay(late, "100.00", "2026-02-10");
		this.fixtures.pay(late, "350.00", "2026-03-20");
		this.fixtures.invoiceOf(open, "250.00", "2026-03-01", "2026-03-31");
		this.fixtures.pay(open, "100.00", "2026-04-15");
		List<String> codes = List.of(punctual, late, open, none, "NO-SUCH-CUSTOMER");

		Map<String, PaymentBehaviour> all = this.fixtures.asFinance(() -> this.receivables.behaviours(codes, AS_OF));

		assertThat(all).containsOnlyKeys(punctual, late, open, none);
		for (String code : List.of(punctual, late, open, none)) {
			assertThat(all.get(code)).isEqualTo(this.fixtures.asFinance(() -> this.receivables.behaviour(code, AS_OF)));
		}
		assertThat(all.get(late).averageDaysLate()).isPositive();
		assertThat(all.get(late).unappliedCash()).isEqualByComparingTo("50.00");
		assertThat(all.get(open).maxDaysOverdue()).isPositive();
		assertThat(all.get(none).averageDaysLate()).isNull();
	}

	@Test
	void salesLearnOnlyAboutTheirOwnCustomers() {
		String sales = this.fixtures.user(Role.SALES);
		String own = this.fixtures.customer(sales);
		String other = this.fixtures.customer();
		this.fixtures.invoiceOf(own, "100.00", "2026-01-01", "2026-01-31");
		this.fixtures.invoiceOf(other, "100.00", "2026-01-01", "2026-01-31");

		Map<String, PaymentBehaviour> seen = ActivityFixtures.as(sales, Role.SALES,
				() -> this.receivables.behaviours(List.of(own, other), AS_OF));

		assertThat(seen).containsOnlyKeys(own);
	}

}
