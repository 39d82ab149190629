package org.credence.receivable.aging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.credence.receivable.AgingBasis;
import org.credence.receivable.AgingBucket;
import org.credence.receivable.AgingReport;
import org.credence.receivable.OpenItem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AgingPolicyTests {

	final AgingPolicy policy = AgingPolicy.standard();

	static OpenItem item(String issued, String due, String open) {
		return new OpenItem("C", "INV", LocalDate.parse(issued), LocalDate.parse(due), new BigDecimal(open),
				new BigDecimal(open), "CNY", new BigDecimal(open), 0, false);
	}

	@Test
	void putsEachDayCountInItsStandardBucket() {
		assertThat(this.policy.bucketOf(-10)).isZero();
		assertThat(this.policy.bucketOf(0)).isZero();
		assertThat(this.policy.bucketOf(1)).isEqualTo(1);
		assertThat(this.policy.bucketOf(30)).isEqualTo(1);
		assertThat(this.policy.bucketOf(31)).isEqualTo(2);
		assertThat(this.policy.bucketOf(90)).isEqualTo(3);
		assertThat(this.policy.bucketOf(91)).isEqualTo(4);
		assertThat(this.policy.bucketOf(365)).isEqualTo(5);
		assertThat(this.policy.bucketOf(366)).isEqualTo(6);
	}

	@Test
	void labelsTheStandardBucketsWithTheirDayRanges() {
		AgingReport report = this.policy.report(LocalDate.parse("2026-05-15"), AgingBasis.DUE, "CNY", List.of());

		assertThat(report.buckets()).extracting(AgingBucket::label)
			.containsExactly("not yet due", "1-30", "31-60", "61-90", "91-180", "181-365", "over 365");
		assertThat(report.buckets().get(0).fromDays()).isNull();
		assertThat(report.buckets().get(0).toDays()).isZero();
		assertThat(report.buckets().get(6).fromDays()).isEqualTo(366);
		assertThat(report.buckets().get(6).toDays()).isNull();
	}

	@Test
	void agesByDueDateOrByInvoiceDate() {
		List<OpenItem> items = List.of(item("2026-03-01", "2026-04-30", "300000.00"),
				item("2026-05-01", "2026-06-30", "100.00"));
		LocalDate asOf = LocalDate.parse("2026-05-15");

		AgingReport byDue = this.policy.report(asOf, AgingBasis.DUE, "CNY", items);
		AgingReport byInvoice = this.policy.report(asOf, AgingBasis.INVOICE, "CNY", items);

		assertThat(byDue.buckets().get(0).amount()).isEqualByComparingTo("100");
		assertThat(byDue.buckets().get(1).amount()).isEqualByComparingTo("300000");
		assertThat(byInvoice.buckets().get(1).amount()).isEqualByComparingTo("100");
		assertThat(byInvoice.buckets().get(3).amount()).isEqualByComparingTo("300000");
		assertThat(byDue.overdue()).isEqualByComparingTo("300000");
		assertThat(byInvoice.overdue()).isEqualByComparingTo("300000");
		assertThat(byDue.total()).isEqualByComparingTo("300100");
	}

	@Test
	void takesConfiguredBucketsAndRefusesBoundsThatDoNotAscend() {
		AgingPolicy quarterly = new AgingPolicy(List.of(0, 90));

		assertThat(quarterly.report(LocalDate.parse("2026-05-15"), AgingBasis.DUE, "CNY", List.of()).buckets())
			.extracting(AgingBucket::label)
			.containsExactly("not yet due", "1-90", "over 90");
		assertThatIllegalArgumentException().isThrownBy(() -> new AgingPolicy(List.of(30, 30)));
		assertThatIllegalArgumentException().isThrownBy(() -> new AgingPolicy(List.of(-1, 30)));
	}

	@Test
	void addsCustomersRowsIntoCompanyCurrencyAndKeepsEachDocumentCurrency() {
		List<BigDecimal> none = List.of(zero(), zero(), zero(), zero(), zero(), zero(), zero());
		AgingRow yuan = new AgingRow("C1", "甲", null, null, "CNY", amounts("100.00", "50.00"),
				amounts("100.00", "50.00"), new BigDecimal("50.00"), new BigDecimal("50.00"), 2);
		AgingRow dollars = new AgingRow("C1", "甲", null, null, "USD", amounts("0", "10.00"), amounts("0", "71.00"),
				new BigDecimal("10.00"), new BigDecimal("71.00"), 1);
		AgingRow empty = new AgingRow("C2", "乙", null, null, "CNY", none, none, zero(), zero(), 0);

		AgingReport report = this.policy.summarise(LocalDate.parse("2026-05-15"), AgingBasis.DUE, "CNY",
				List.of(yuan, dollars, empty));

		assertThat(report.buckets().get(0).amount()).isEqualByComparingTo("100.00");
		assertThat(report.buckets().get(1).amount()).isEqualByComparingTo("121.00");
		assertThat(report.total()).isEqualByComparingTo("221.00");
		assertThat(report.overdue()).isEqualByComparingTo("121.00");
		assertThat(report.items()).isEqualTo(3);
		assertThat(report.byCurrency()).extracting(c -> c.currency()).containsExactly("CNY", "USD");
		assertThat(report.byCurrency().get(1).total()).isEqualByComparingTo("10.00");
		assertThat(report.byCurrency().get(1).buckets().get(1).amount()).isEqualByComparingTo("10.00");
	}

	private static BigDecimal zero() {
		return BigDecimal.ZERO.setScale(2);
	}

	private static List<BigDecimal> amounts(String notYetDue, String upTo30) {
		return List.of(new BigDecimal(notYetDue), new BigDecimal(upTo30), zero(), zero(), zero(), zero(), zero());
	}

}
