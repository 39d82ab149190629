package org.credence.receivable.aging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.credence.receivable.PaymentBehaviour;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BehaviourPolicyTests {

	static final LocalDate AS_OF = LocalDate.parse("2026-06-30");

	static InvoiceHistory paid(String issued, String due, String amount, String paidOn) {
		return new InvoiceHistory("P", LocalDate.parse(issued), LocalDate.parse(due), new BigDecimal(amount),
				BigDecimal.ONE, new BigDecimal(amount), new BigDecimal(amount), LocalDate.parse(paidOn), false);
	}

	static InvoiceHistory open(String issued, String due, String amount) {
		return new InvoiceHistory("O", LocalDate.parse(issued), LocalDate.parse(due), new BigDecimal(amount),
				BigDecimal.ONE, new BigDecimal(amount), BigDecimal.ZERO, null, false);
	}

	@Test
	void weighsDaysLateByAmountAndCountsTheShareOfLatePayments() {
		List<InvoiceHistory> invoices = List.of(paid("2026-01-01", "2026-01-31", "100", "2026-02-10"),
				paid("2026-02-01", "2026-02-28", "300", "2026-02-20"));

		PaymentBehaviour behaviour = BehaviourPolicy.behaviour("C", AS_OF, "CNY", invoices, BigDecimal.ZERO);

		// (10 days × 100 + 0 days × 300) / 400
		assertThat(behaviour.averageDaysLate()).isEqualByComparingTo("2.5");
		assertThat(behaviour.shareOfInvoicesPaidLate()).isEqualByComparingTo("0.5");
		assertThat(behaviour.invoicesPaid()).isEqualTo(2);
		assertThat(behaviour.maxDaysOverdue()).isEqualTo(10);
	}

	@Test
	void countsAnOpenOverdueInvoiceInTheMaximumDaysOverdue() {
		PaymentBehaviour behaviour = BehaviourPolicy.behaviour("C", AS_OF, "CNY",
				List.of(open("2026-03-01", "2026-04-30", "800000")), BigDecimal.ZERO);

		assertThat(behaviour.maxDaysOverdue()).isEqualTo(61);
		assertThat(behaviour.averageDaysLate()).isNull();
		assertThat(behaviour.shareOfInvoicesPaidLate()).isNull();
	}

	@Test
	void countsDaysSalesOutstandingBackMonthByMonth() {
		// sales: June 100 (open), May 200 (100 open), April 300 (paid)
		List<InvoiceHistory> invoices = List.of(open("2026-06-15", "2026-07-15", "100"),
				new InvoiceHistory("M", LocalDate.parse("2026-05-15"), LocalDate.parse("2026-06-14"),
						new BigDecimal("200"), BigDecimal.ONE, new BigDecimal("200"), new BigDecimal("100"),
						LocalDate.parse("2026-06-10"), false),
				paid("2026-04-15", "2026-05-15", "300", "2026-05-10"));

		// receivables 200: June's sales of 100 are covered (30 days), then 100 of May's
		// 200
		// (31 days × 100/200)
		assertThat(BehaviourPolicy.dso(AS_OF, invoices)).isEqualByComparingTo("45.5");
	}

	@Test
	void hasNoDaysSalesOutstandingWithoutInvoices() {
		PaymentBehaviour behaviour = BehaviourPolicy.behaviour("C", AS_OF, "CNY", List.of(), BigDecimal.TEN);

		assertThat(behaviour.dso()).isNull();
		assertThat(behaviour.maxDaysOverdue()).isNull();
		assertThat(behaviour.unappliedCash()).isEqualByComparingTo("10");
	}

}
