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

}
