package org.credence.assessment.rating;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.credence.IntegrationTest;
import org.credence.TestClock;
import org.credence.assessment.AssessmentResult;
import org.credence.assessment.model.BuiltInModels;
import org.credence.assessment.model.ModelDefinition;
import org.credence.assessment.model.ScoringModels;
import org.credence.assessment.statement.FinancialStatements;
import org.credence.assessment.statement.StatementDraft;
import org.credence.assessment.statement.StatementExamples;
import org.credence.assessment.statement.StatementLines;
import org.credence.customer.CustomerDetails;
import org.credence.customer.CustomerStatus;
import org.credence.customer.Customers;
import org.credence.customer.report.ExternalReportDraft;
import org.credence.customer.report.ExternalReports;
import org.credence.identity.AuditQuery;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.receivable.InvoiceEntry;
import org.credence.receivable.PaymentEntry;
import org.credence.receivable.Receivables;
import org.credence.shared.Paging;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.credence.assessment.AssessmentFixtures.customer;
import static org.credence.assessment.AssessmentFixtures.indebtedCustomer;
import static org.credence.assessment.AssessmentFixtures.scenarioCustomer;
import static org.credence.assessment.statement.StatementExamples.amount;

/**
 * The set-based batch path (one read per kind of input and one write per table for a
 * whole chunk) against the single-customer path: the same fixtures must give the same
 * facts, scores, grades, factors and reasons; a customer that fails in a chunk is
 * reported and leaves nothing behind, and the audit chain stays intact.
 */
@IntegrationTest
class BatchAssessmentIntegrationTests {

	@Autowired
	Assessor assessor;

	@Autowired
	AssessmentRepository repository;

	@Autowired
	Reassessment reassessment;

	@Autowired
	ReviewQueueRepository queue;

	@Autowired
	ScoringModels models;

	@Autowired
	Customers customers;

	@Autowired
	FinancialStatements statements;

	@Autowired
	ExternalReports reports;

	@Autowired
	Receivables receivables;

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@BeforeEach
	void noRunGoingOn() {
		await().atMost(Duration.ofSeconds(60)).until(() -> this.reassessment.running().isEmpty());
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void theBatchPathGivesExactlyWhatTheSingleCustomerPathGives() {
		this.clock.setDate(LocalDate.of(2026, 6, 1));
		List<Fixture> fixtures = fixtures();
		List<String> codes = fixtures.stream().map(f -> f.customer().code()).toList();

		// the single-customer path, one customer after the other
		List<Long> single = new ArrayList<>();
		for (Fixture fixture : fixtures) {
			single
				.add(this.currentUser.asSystem(() -> this.assessor.assess(subject(fixture.customer()), fixture.model(),
						fixture.answers(), null, this.assessor.latestStatement(fixture.customer().code()))));
		}
		// the batch path: the inputs of all of them read together, stored together
		List<Long> batch = this.currentUser.asSystem(() -> {
			Assessor.Inputs inputs = this.assessor.inputs(codes);
			List<Assessor.Scored> scored = new ArrayList<>();
			for (Fixture fixture : fixtures) {
				String code = fixture.customer().code();
				scored.add(this.assessor.score(subject(fixture.customer()), fixture.model(), fixture.answers(), null,
						inputs.statements().get(code), inputs.externalScores().get(code),
						inputs.behaviours().get(code)));
			}
			return this.assessor.storeAll(scored);
		});

		assertThat(batch).hasSameSizeAs(single).doesNotContainAnyElementsOf(single);
		for (int i = 0; i < fixtures.size(); i++) {
			AssessmentResult one = this.repository.find(single.get(i)).orElseThrow();
			AssessmentResult all = this.repository.find(batch.get(i)).orElseThrow();
			assertThat(all.customerCode()).isEqualTo(fixtures.get(i).customer().code());
			assertThat(all.score()).isEqualTo(one.score());
			assertThat(all.grade()).isEqualTo(one.grade());
			assertThat(all.modelGrade()).isEqualTo(one.modelGrade());
			assertThat(all.pd()).isEqualTo(one.pd());
			assertThat(all.riskClass()).isEqualTo(one.riskClass());
			assertThat(all.modelCode()).isEqualTo(one.modelCode());
			assertThat(all.modelVersion()).isEqualTo(one.modelVersion());
			assertThat(all.nextReviewDate()).isEqualTo(one.nextReviewDate());
			assertThat(all.factors()).isEqualTo(one.factors());
			assertThat(all.reasons()).isEqualTo(one.reasons());
			assertThat(this.repository.facts(batch.get(i))).isEqualTo(this.repository.facts(single.get(i)));
		}
		// the fixtures are not all alike: they cover what the batch reads differently
		Map<String, BigDecimal> withEverything = this.repository.facts(batch.get(0));
		assertThat(withEverything).containsEntry("external:SCORE", new BigDecimal("78.00"))
			.containsKeys("behaviour:AVG_DAYS_LATE", "behaviour:MAX_DAYS_OVERDUE_12M", "ratio:REVENUE_GROWTH");
		assertThat(this.repository.facts(batch.get(3))).containsKey("behaviour:MAX_DAYS_OVERDUE_12M")
			.doesNotContainKey("behaviour:AVG_DAYS_LATE");
		assertThat(batch.stream().map(id -> this.repository.find(id).orElseThrow().grade()).distinct())
			.hasSizeGreaterThan(1);
		// the queue, the customer's rating and the audit trail as the single path leaves
		// them
		for (int i = 0; i < fixtures.size(); i++) {
			String code = fixtures.get(i).customer().code();
			AssessmentResult all = this.repository.find(batch.get(i)).orElseThrow();
			assertThat(this.repository.latestId(code)).contains(batch.get(i));
			CustomerDetails rated = this.currentUser.asSystem(() -> this.customers.get(code));
			assertThat(rated.grade()).isEqualTo(all.grade());
			assertThat(rated.riskClass()).isEqualTo(all.riskClass());
			assertThat(assessmentAudit(code)).hasSize(2);
		}
		assertThat(this.auditTrail.verify().intact()).isTrue();
	}

	@Test
	void aCustomerThatCannotBeScoredFailsAloneAndTheRestOfItsChunkIsAssessed() {
		CustomerDetails good = scenarioCustomer(this.customers, this.statements, this.currentUser, null);
		// in the review queue, but not in the credit file
		String ghost = "GHOST-" + good.code();
		this.jdbc.sql("""
				insert into assessment.customer_review (customer_code, customer_name, status)
				values (:code, '幽灵客户', 'ACTIVE')""").param("code", ghost).update();
		inTheReviewQueue(good);

		BatchRun run = runNow();

		assertThat(run.status()).isEqualTo("COMPLETED");
		assertThat(this.repository.latestId(good.code())).isPresent();
		assertThat(this.repository.latestId(ghost)).isEmpty();
		assertThat(this.reassessment.failures(run.id(), 10_000)).filteredOn(f -> f.customerCode().equals(ghost))
			.singleElement()
			.satisfies(f -> assertThat(f.message()).startsWith("NotFoundException"));
		assertThat(assessmentAudit(good.code())).hasSize(1);
		assertThat(this.auditTrail.verify().intact()).isTrue();
		this.jdbc.sql("delete from assessment.customer_review where customer_code = :code")
			.param("code", ghost)
			.update();
	}

	@Test
	void aCustomerWhoseWriteFailsIsReportedAndLeavesNoPartialWritesNorABrokenChain() {
		CustomerDetails good = scenarioCustomer(this.customers, this.statements, this.currentUser, null);
		CustomerDetails bad = scenarioCustomer(this.customers, this.statements, this.currentUser, null);
		CustomerDetails other = indebtedCustomer(this.customers, this.statements, this.currentUser);
		String badRating = this.currentUser.asSystem(() -> this.customers.get(bad.code())).grade();
		inTheReviewQueue(good, bad, other);
		// the database refuses this one customer's assessment, as a failing constraint
		// would
		this.jdbc.sql("""
				create function assessment.refuse_for_test() returns trigger language plpgsql as $$
				begin
				  if new.customer_code = '%s' then raise exception 'refused for %s'; end if;
				  return new;
				end $$""".formatted(bad.code(), bad.code())).update();
		this.jdbc.sql("""
				create trigger refuse_for_test before insert on assessment.assessment
				for each row execute function assessment.refuse_for_test()""").update();
		BatchRun run;
		try {
			run = runNow();
		}
		finally {
			this.jdbc.sql("drop trigger refuse_for_test on assessment.assessment").update();
			this.jdbc.sql("drop function assessment.refuse_for_test()").update();
		}

		assertThat(run.status()).isEqualTo("COMPLETED");
		assertThat(this.reassessment.failures(run.id(), 10_000)).filteredOn(f -> f.customerCode().equals(bad.code()))
			.singleElement()
			.satisfies(f -> assertThat(f.message()).contains("refused for " + bad.code()));
		assertThat(this.repository.latestId(bad.code())).isEmpty();
		assertThat(this.currentUser.asSystem(() -> this.customers.get(bad.code())).grade()).isEqualTo(badRating);
		assertThat(this.auditTrail
			.entries(new AuditQuery("customer/" + bad.code(), null, null, null, null), new Paging(0, 100))
			.items()).noneMatch(e -> e.entityType().equals("assessment") || e.action().equals("RATED"));
		for (CustomerDetails assessed : List.of(good, other)) {
			assertThat(this.repository.latestId(assessed.code())).isPresent();
			assertThat(assessmentAudit(assessed.code())).hasSize(1);
		}
		assertThat(this.auditTrail.verify().intact()).isTrue();
	}

	/**
	 * The queue copies customers when it hears of them, after their registration commits.
	 */
	private void inTheReviewQueue(CustomerDetails... customers) {
		for (CustomerDetails customer : customers) {
			await().atMost(Duration.ofSeconds(30)).until(() -> this.queue.subject(customer.code()).isPresent());
		}
	}

	private BatchRun runNow() {
		BatchRun[] run = new BatchRun[1];
		org.credence.SecurityContexts.runAs("manager", List.of(org.credence.identity.Role.CREDIT_MANAGER),
				() -> run[0] = this.reassessment.runNow(Reassessment.MANUAL, null).run());
		return run[0];
	}

	private List<org.credence.identity.AuditEntry> assessmentAudit(String code) {
		return this.auditTrail
			.entries(new AuditQuery("customer/" + code, "assessment", null, null, null), new Paging(0, 100))
			.items();
	}

	/**
	 * Customers unlike each other: statements of two years, late and open invoices,
	 * external reports with and without a score, answers, and both built-in models.
	 */
	private List<Fixture> fixtures() {
		ModelDefinition standard = this.currentUser.asSystem(() -> this.models.active(BuiltInModels.STANDARD));
		ModelDefinition altman = this.currentUser.asSystem(() -> this.models.active(BuiltInModels.ALTMAN_Z2));
		List<Fixture> fixtures = new ArrayList<>();

		CustomerDetails everything = scenarioCustomer(this.customers, this.statements, this.currentUser, null);
		this.currentUser.asSystem(() -> {
			this.statements.record(everything.code(),
					StatementDraft.annual(LocalDate.of(2024, 12, 31),
							new StatementLines(amount(300_000), amount(2_000_000), amount(1_500_000), amount(4_000_000),
									amount(10_000_000), amount(4_500_000), amount(7_200_000), amount(2_800_000),
									amount(9_000_000), null, null, amount(90_000), amount(500_000), amount(200_000),
									amount(300_000), amount(700_000))));
			this.reports.record(everything.code(), new ExternalReportDraft("中诚信", LocalDate.of(2025, 11, 1),
					new BigDecimal("78"), "A", 0, null, null));
			this.reports.record(everything.code(),
					new ExternalReportDraft("企查查", LocalDate.of(2026, 2, 1), null, null, 1, "no score given", null));
			String invoice = everything.code() + "-INV";
			this.receivables.recordInvoice(new InvoiceEntry(invoice, everything.code(), invoice,
					new BigDecimal("100000"), "CNY", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), null));
			this.receivables.recordPayment(new PaymentEntry(invoice + "-P", everything.code(), new BigDecimal("100000"),
					"CNY", LocalDate.of(2026, 4, 20), null, null));
			return null;
		});
		fixtures.add(new Fixture(everything, standard, Map.of("MANAGEMENT", BigDecimal.valueOf(4))));

		CustomerDetails indebted = indebtedCustomer(this.customers, this.statements, this.currentUser);
		fixtures.add(new Fixture(indebted, standard, Map.of("MANAGEMENT", BigDecimal.valueOf(2))));

		CustomerDetails altmanCustomer = scenarioCustomer(this.customers, this.statements, this.currentUser, null);
		fixtures.add(new Fixture(altmanCustomer, altman, Map.of()));

		CustomerDetails overdue = indebtedCustomer(this.customers, this.statements, this.currentUser);
		this.currentUser.asSystem(() -> {
			String invoice = overdue.code() + "-INV";
			return this.receivables.recordInvoice(new InvoiceEntry(invoice, overdue.code(), invoice,
					new BigDecimal("250000"), "CNY", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 4), null));
		});
		fixtures.add(new Fixture(overdue, standard, Map.of()));

		CustomerDetails noStatement = customer(this.customers, this.currentUser, null, CustomerStatus.ACTIVE);
		fixtures.add(new Fixture(noStatement, standard, Map.of("MANAGEMENT", BigDecimal.valueOf(3))));
		return fixtures;
	}

	private static Assessor.Subject subject(CustomerDetails customer) {
		return new Assessor.Subject(customer.code(), customer.name(), customer.ownerUsername(),
				customer.status().name());
	}

	private record Fixture(CustomerDetails customer, ModelDefinition model, Map<String, BigDecimal> answers) {
	}

}
