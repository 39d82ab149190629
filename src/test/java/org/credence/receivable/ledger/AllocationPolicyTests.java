package org.credence.receivable.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.credence.receivable.ledger.AllocationPolicy.Candidate;
import org.credence.receivable.ledger.AllocationPolicy.Share;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AllocationPolicyTests {

	static Candidate open(long id, String number, String issued, String due, String amount) {
		return new Candidate(id, number, LocalDate.parse(issued), LocalDate.parse(due), new BigDecimal(amount));
	}

	@Test
	void paysTheOldestDueDateFirstThenTheOldestIssueDateThenTheLowerNumber() {
		List<Candidate> invoices = List.of(open(1, "INV-3", "2026-03-01", "2026-04-30", "100.00"),
				open(2, "INV-2", "2026-02-15", "2026-03-31", "100.00"),
				open(3, "INV-1", "2026-02-01", "2026-03-31", "100.00"),
				open(4, "INV-0", "2026-02-01", "2026-03-31", "100.00"));

		List<Share> shares = AllocationPolicy.oldestDueFirst(new BigDecimal("400.00"), invoices);

		assertThat(shares).extracting(Share::number).containsExactly("INV-0", "INV-1", "INV-2", "INV-3");
	}

	@Test
	void paysTheLastInvoiceInPartWhenTheMoneyRunsOut() {
		List<Share> shares = AllocationPolicy.oldestDueFirst(new BigDecimal("250.00"),
				List.of(open(1, "A", "2026-01-01", "2026-01-31", "100.00"),
						open(2, "B", "2026-01-01", "2026-02-28", "200.00"),
						open(3, "C", "2026-01-01", "2026-03-31", "300.00")));

		assertThat(shares).containsExactly(new Share(1, "A", new BigDecimal("100.00")),
				new Share(2, "B", new BigDecimal("150.00")));
	}

	@Test
	void leavesWhatNoInvoiceTakesUnallocated() {
		List<Share> shares = AllocationPolicy.oldestDueFirst(new BigDecimal("500.00"), List
			.of(open(1, "A", "2026-01-01", "2026-01-31", "100.00"), open(2, "B", "2026-01-01", "2026-02-28", "0.00")));

		assertThat(shares).containsExactly(new Share(1, "A", new BigDecimal("100.00")));
	}

}
