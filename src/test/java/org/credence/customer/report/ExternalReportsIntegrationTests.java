package org.credence.customer.report;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.credence.IntegrationTest;
import org.credence.customer.ActivityFixtures;
import org.credence.customer.Customers;
import org.credence.customer.document.Document;
import org.credence.customer.document.DocumentType;
import org.credence.customer.document.DocumentUpload;
import org.credence.customer.document.Documents;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.shared.InvalidInputException;
import org.credence.shared.Money;
import org.credence.shared.Paging;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.credence.customer.ActivityFixtures.as;

@IntegrationTest
class ExternalReportsIntegrationTests {

	static final byte[] PDF = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	ExternalReports reports;

	@Autowired
	Documents documents;

	@Autowired
	Customers customers;

	@Autowired
	Users users;

	@Autowired
	CurrentUser currentUser;

	ActivityFixtures fixtures;

	String analyst;

	String code;

	@BeforeEach
	void setUp() {
		this.fixtures = new ActivityFixtures(this.users, this.customers, this.currentUser);
		this.analyst = this.fixtures.user(Role.CREDIT_ANALYST);
		this.code = this.fixtures.customer();
	}

	@Test
	void recordsAReportWithItsFileAsACreditReportDocument() {
		ExternalReport report = as(this.analyst, Role.CREDIT_ANALYST,
				() -> this.reports.record(this.code,
						ExternalReportDraft.of("中诚信", LocalDate.of(2026, 1, 8))
							.withScore(new BigDecimal("78.5"), "AA-")
							.withLawsuits(2)
							.withSummary("两起合同纠纷，已结案"),
						DocumentUpload.of(DocumentType.OTHER, null, "中诚信报告.pdf", PDF)));

		assertThat(report.score()).isEqualByComparingTo("78.50");
		assertThat(report.lawsuits()).isEqualTo(2);
		assertThat(report.recordedBy()).isEqualTo(this.analyst);
		assertThat(report.documentFileName()).isEqualTo("中诚信报告.pdf");
		Document document = as(this.analyst, Role.CREDIT_ANALYST,
				() -> this.documents.get(this.code, report.documentId()));
		assertThat(document.type()).isEqualTo(DocumentType.CREDIT_REPORT);
		assertThat(document.title()).isEqualTo("中诚信 2026-01-08");
	}

	@Test
	void listsReportsByReportDateNewestFirst() {
		as(this.analyst, Role.CREDIT_ANALYST,
				() -> this.reports.record(this.code, ExternalReportDraft.of("企查查", LocalDate.of(2025, 6, 1))));
		as(this.analyst, Role.CREDIT_ANALYST, () -> this.reports.record(this.code,
				ExternalReportDraft.of("Dun & Bradstreet", LocalDate.of(2026, 2, 1))));

		List<ExternalReport> listed = as(this.analyst, Role.CREDIT_ANALYST,
				() -> this.reports.reports(this.code, new Paging(0, 10)))
			.items();

		assertThat(listed).extracting(ExternalReport::agency).containsExactly("Dun & Bradstreet", "企查查");
		assertThat(listed).extracting(ExternalReport::lawsuits).containsOnly(0);
	}

	@Test
	void refusesAReportWithoutAgencyOrWithADocumentOfAnotherCustomer() {
		String other = this.fixtures.customer();
		Document foreign = as(this.analyst, Role.CREDIT_ANALYST,
				() -> this.documents.upload(other, DocumentUpload.of(DocumentType.OTHER, "x", "x.pdf", PDF)));

		assertThatThrownBy(() -> as(this.analyst, Role.CREDIT_ANALYST,
				() -> this.reports.record(this.code,
						new ExternalReportDraft(" ", LocalDate.of(2026, 1, 8), null, null, -1, null, foreign.id()))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.problems()).extracting(InvalidInputException.FieldProblem::field)
						.containsExactlyInAnyOrder("agency", "lawsuits", "documentId"));
	}

	@Test
	void recordsSupplierFeedbackWithTheCreditAmountSeen() {
		Feedback feedback = as(this.analyst, Role.CREDIT_ANALYST,
				() -> this.reports.recordFeedback(this.code,
						FeedbackDraft
							.of(FeedbackSource.SUPPLIER, "上海钢材贸易有限公司", LocalDate.of(2026, 1, 9), PaymentExperience.SLOW)
							.withCreditAmount(Money.of("500000", "CNY"))
							.withComment("通常逾期 15 天左右付款")));

		assertThat(feedback.creditAmount()).isEqualTo(Money.of("500000.00", "CNY"));
		assertThat(as(this.analyst, Role.CREDIT_ANALYST, () -> this.reports.feedback(this.code, new Paging(0, 10)))
			.items()).extracting(Feedback::sourceName, Feedback::paymentExperience)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("上海钢材贸易有限公司", PaymentExperience.SLOW));
	}

}
