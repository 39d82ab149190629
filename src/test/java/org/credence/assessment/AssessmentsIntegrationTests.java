package org.credence.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.credence.IntegrationTest;
import org.credence.TestClock;
import org.credence.assessment.AssessmentResult.FactorResult;
import org.credence.assessment.AssessmentResult.Reason;
import org.credence.assessment.statement.FinancialStatements;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.identity.AuditQuery;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.shared.InvalidInputException;
import org.credence.shared.Paging;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.credence.SecurityContexts.runAs;
import static org.credence.assessment.AssessmentFixtures.indebtedCustomer;
import static org.credence.assessment.AssessmentFixtures.scenarioCustomer;

@IntegrationTest
@RecordApplicationEvents
class AssessmentsIntegrationTests {

	@Autowired
	Assessments assessments;

	@Autowired
	Customers customers;

	@Autowired
	FinancialStatements statements;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	TestClock clock;

	@Autowired
	org.credence.receivable.Receivables receivables;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void scoresPaymentBehaviourFromTheLedgerInsteadOfCallingItMissing() {
		this.clock.setDate(LocalDate.of(2026, 6, 1));
		CustomerDetails customer = scenarioCustomer(this.customers, this.statements, this.currentUser, null);
		String invoice = customer.code() + "-INV";
		this.currentUser.asSystem(() -> {
			this.receivables.recordInvoice(new org.credence.receivable.InvoiceEntry(invoice, customer.code(), invoice,
					new java.math.BigDecimal("100000"), "CNY", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
					null));
			return this.receivables.recordPayment(new org.credence.receivable.PaymentEntry(invoice + "-P",
					customer.code(), new java.math.BigDecimal("100000"), "CNY", LocalDate.of(2026, 4, 20), null, null));
		});

		AssessmentResult result = asAnalyst(() -> this.assessments.assess(customer.code(), null, Map.of()));

		assertThat(factor(result, "AVG_DAYS_LATE").missing()).isFalse();
		assertThat(factor(result, "AVG_DAYS_LATE").value()).isEqualByComparingTo("20");
		assertThat(factor(result, "MAX_DAYS_OVERDUE_12M").value()).isEqualByComparingTo("20");
		assertThat(factor(result, "LATE_SHARE").value()).isEqualByComparingTo("1");
		assertThat(result.reasons()).extracting(Reason::code).doesNotContain("MISSING_BEHAVIOUR");
	}

	@Test
	void assessingTheScenarioCustomerGivesBbbWithEveryFactorAndTheMissingBehaviourScoredByItsPolicy(
			ApplicationEvents events) {
		this.clock.setDate(LocalDate.of(2026, 1, 10));
		CustomerDetails customer = scenarioCustomer(this.customers, this.statements, this.currentUser, null);

		AssessmentResult result = asAnalyst(() -> this.assessments.assess(customer.code(), null, Map.of()));

		assertThat(result.modelCode()).isEqualTo("STANDARD");
		assertThat(result.modelVersion()).isEqualTo(1);
		assertThat(result.score()).isEqualByComparingTo("62.73");
		assertThat(result.grade()).isEqualTo("BBB");
		assertThat(result.pd()).isEqualByComparingTo("0.0015");
		assertThat(result.riskClass()).isEqualTo("MEDIUM");
		assertThat(result.status()).isEqualTo("APPROVED");
		assertThat(result.factors()).extracting(FactorResult::code)
			.contains("DEBT_RATIO", "CURRENT_RATIO", "ALTMAN_Z2", "AVG_DAYS_LATE", "MANAGEMENT", "EXTERNAL_SCORE");
		FactorResult debt = factor(result, "DEBT_RATIO");
		assertThat(debt.value()).isEqualByComparingTo("0.6");
		assertThat(debt.missing()).isFalse();
		assertThat(debt.points()).isEqualByComparingTo("50");
		assertThat(result.factors()).filteredOn(f -> f.source().equals("BEHAVIOUR")).hasSize(3).allSatisfy(f -> {
			assertThat(f.missing()).isTrue();
			assertThat(f.value()).isNull();
			assertThat(f.missingPolicy()).isEqualTo("NEUTRAL");
		});
		assertThat(factor(result, "EXTERNAL_SCORE").missingPolicy()).isEqualTo("REWEIGHT");
		assertThat(result.reasons()).extracting(Reason::code).contains("MISSING_BEHAVIOUR");
		assertThat(this.currentUser.asSystem(() -> this.customers.get(customer.code()))).satisfies(rated -> {
			assertThat(rated.grade()).isEqualTo("BBB");
			assertThat(rated.riskClass()).isEqualTo("MEDIUM");
		});
		assertThat(events.stream(AssessmentCompleted.class)).singleElement().satisfies(event -> {
			assertThat(event.customerCode()).isEqualTo(customer.code());
			assertThat(event.assessmentId()).isEqualTo(result.id());
			assertThat(event.grade()).isEqualTo("BBB");
		});
		assertThat(this.currentUser
			.asSystem(() -> this.auditTrail
				.entries(new AuditQuery(customer.auditSubject(), "assessment", null, null, null), new Paging(0, 10)))
			.items()).singleElement().satisfies(entry -> assertThat(entry.action()).isEqualTo("CREATED"));
	}

	@Test
	void reasonsNameTheFactorsThatCostTheMostPointsInBothLanguages() {
		CustomerDetails customer = indebtedCustomer(this.customers, this.statements, this.currentUser);

		AssessmentResult result = asAnalyst(() -> this.assessments.assess(customer.code(), null, Map.of()));

		List<Reason> costly = result.reasons().stream().filter(r -> r.code().equals("POINTS_LOST")).toList();
		assertThat(costly).hasSize(3);
		assertThat(costly.get(0).factorCode()).isEqualTo("DEBT_RATIO");
		assertThat(costly.get(0).textZh()).startsWith("资产负债率 72.0%，扣 ").endsWith(" 分");
		assertThat(costly.get(0).textEn()).startsWith("Debt ratio 72.0% cost ").endsWith(" points");
		assertThat(result.reasons()).extracting(Reason::code).contains("MISSING_BEHAVIOUR");
		assertThat(result.grade()).isIn("BB", "B", "CCC");
	}

	@Test
	void nextReviewDateFollowsTheIntervalOfTheGrade() {
		this.clock.setDate(LocalDate.of(2026, 1, 10));
		CustomerDetails bbb = scenarioCustomer(this.customers, this.statements, this.currentUser, null);
		CustomerDetails weak = indebtedCustomer(this.customers, this.statements, this.currentUser);

		AssessmentResult six = asAnalyst(() -> this.assessments.assess(bbb.code(), null, Map.of()));
		AssessmentResult high = asAnalyst(() -> this.assessments.assess(weak.code(), null, Map.of()));

		assertThat(six.nextReviewDate()).isEqualTo(LocalDate.of(2026, 7, 10));
		assertThat(high.riskClass()).isEqualTo("HIGH");
		assertThat(high.nextReviewDate()).isEqualTo(LocalDate.of(2026, 4, 10));
	}

	@Test
	void answersMustBeOneOfTheQuestionsOptions() {
		CustomerDetails customer = scenarioCustomer(this.customers, this.statements, this.currentUser, null);

		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> asAnalyst(() -> this.assessments.assess(customer.code(), null,
					Map.of("MANAGEMENT", new BigDecimal("7"), "NOT_A_QUESTION", BigDecimal.ONE))))
			.satisfies(ex -> assertThat(ex.problems()).extracting(p -> p.field())
				.containsExactlyInAnyOrder("qualitative.MANAGEMENT", "qualitative.NOT_A_QUESTION"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> asAnalyst(() -> this.assessments.assess(customer.code(), "NO_SUCH_MODEL", Map.of())))
			.satisfies(ex -> assertThat(ex.problems()).extracting(p -> p.field()).containsExactly("modelCode"));
		assertThat(asAnalyst(() -> this.assessments.history(customer.code()))).isEmpty();
	}

	@Test
	void answersRaiseTheScoreAndUnansweredQuestionsKeepThePreviousAnswers() {
		CustomerDetails customer = scenarioCustomer(this.customers, this.statements, this.currentUser, null);
		Map<String, BigDecimal> good = Map.of("MANAGEMENT", new BigDecimal("5"), "INDUSTRY_POSITION",
				new BigDecimal("4"), "YEARS_IN_BUSINESS", new BigDecimal("4"), "BANK_CERTIFICATE", BigDecimal.ONE);

		AssessmentResult plain = asAnalyst(() -> this.assessments.assess(customer.code(), null, Map.of()));
		AssessmentResult answered = asAnalyst(() -> this.assessments.assess(customer.code(), null, good));
		AssessmentResult again = asAnalyst(
				() -> this.assessments.assess(customer.code(), null, Map.of("MANAGEMENT", new BigDecimal("3"))));

		assertThat(answered.score()).isGreaterThan(plain.score());
		assertThat(factor(answered, "BANK_CERTIFICATE").missing()).isFalse();
		assertThat(factor(again, "BANK_CERTIFICATE").value()).isEqualByComparingTo("1");
		assertThat(factor(again, "MANAGEMENT").value()).isEqualByComparingTo("3");
		assertThat(asAnalyst(() -> this.assessments.history(customer.code()))).extracting(AssessmentResult::id)
			.containsExactly(again.id(), answered.id(), plain.id());
		assertThat(asAnalyst(() -> this.assessments.current(customer.code()))).get()
			.extracting(AssessmentResult::id)
			.isEqualTo(again.id());
		assertThat(asAnalyst(() -> this.assessments.facts(again.id()))).containsKeys("ratio:DEBT_RATIO",
				"line:totalAssets", "qualitative:MANAGEMENT", "qualitative:BANK_CERTIFICATE");
	}

	@Test
	void onlyAnalystsAndManagersMayAssess() {
		CustomerDetails customer = scenarioCustomer(this.customers, this.statements, this.currentUser, null);

		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> runAs("auditor", List.of(Role.AUDITOR),
				() -> this.assessments.assess(customer.code(), null, Map.of())));
	}

	private <T> T asAnalyst(java.util.function.Supplier<T> work) {
		Object[] result = new Object[1];
		runAs("analyst", List.of(Role.CREDIT_ANALYST), () -> result[0] = work.get());
		@SuppressWarnings("unchecked")
		T value = (T) result[0];
		return value;
	}

	private static FactorResult factor(AssessmentResult result, String code) {
		return result.factors().stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow();
	}

}
