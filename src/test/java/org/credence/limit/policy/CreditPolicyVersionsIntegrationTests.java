package org.credence.limit.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.credence.IntegrationTest;
import org.credence.TestClock;
import org.credence.assessment.Assessments;
import org.credence.assessment.statement.FinancialStatements;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.identity.AuditEntry;
import org.credence.identity.AuditQuery;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.limit.CreditPolicies;
import org.credence.limit.Recommendation;
import org.credence.shared.InvalidInputException;
import org.credence.shared.Paging;
import org.credence.shared.RuleViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.credence.SecurityContexts.runAs;

/**
 * Versions of the credit policy. Tests that activate a version activate the built-in
 * rules again afterwards, so every other test sees the built-in figures.
 */
@IntegrationTest
class CreditPolicyVersionsIntegrationTests {

	@Autowired
	CreditPolicyVersions versions;

	@Autowired
	CreditPolicies policies;

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	Customers customers;

	@Autowired
	FinancialStatements statements;

	@Autowired
	Assessments assessments;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	TestClock clock;

	@BeforeEach
	void setUp() {
		this.clock.setDate(LocalDate.of(2026, 1, 12));
	}

	@AfterEach
	void restoreBuiltInPolicy() {
		this.clock.reset();
		asManager(() -> {
			if (!this.versions.active().rules().equals(BuiltInPolicy.rules())) {
				CreditPolicy draft = this.versions.startDraft();
				this.versions.updateDraft(draft.version(), BuiltInPolicy.rules().stream().map(RuleDraft::of).toList(),
						"built-in rules again (test)");
				this.versions.activate(draft.version());
			}
			return null;
		});
	}

	@Test
	void startsWithTheBuiltInPolicyActive() {
		CreditPolicy active = asManager(this.versions::active);

		assertThat(active.rules()).isEqualTo(BuiltInPolicy.rules());
		assertThat(active.ruleFor("AAA", "LOW", null)).get()
			.satisfies(rule -> assertThat(rule.maximum()).isEqualByComparingTo("10000000"));
		assertThat(active.ruleFor("B", "HIGH", "C")).get().satisfies(rule -> {
			assertThat(rule.maximum()).isEqualByComparingTo("300000");
			assertThat(rule.coverRatio()).isEqualByComparingTo("1");
		});
		assertThat(active.ruleFor("CCC", "HIGH", null)).get().extracting(PolicyRule::creditAllowed).isEqualTo(false);
		assertThat(asManager(this.versions::versions)).extracting(CreditPolicy::version).contains(1);
		assertThat(asManager(() -> this.versions.version(1)).createdBy()).isEqualTo(CurrentUser.SYSTEM);
	}

	@Test
	void activatingADraftRetiresThePreviousVersionKeepsItAndAuditsEveryStep() {
		CustomerDetails customer = new PolicyFixtures(this.customers, this.statements, this.assessments,
				this.currentUser)
			.assessed(1, null);
		CreditPolicy before = asManager(this.versions::active);

		CreditPolicy draft = asManager(this.versions::startDraft);
		assertThat(asManager(this.versions::startDraft).version()).as("one draft at a time").isEqualTo(draft.version());
		List<RuleDraft> rules = new ArrayList<>(draft.rules().stream().map(RuleDraft::of).toList());
		rules
			.add(new RuleDraft("BBB", null, "C", true, new BigDecimal("1500000"), "equity * 0.1", 30, 45, false, null));
		asManager(() -> this.versions.updateDraft(draft.version(), rules, "制造业收紧"));
		Recommendation stillOld = asManager(() -> this.policies.recommend(customer.code()));
		CreditPolicy active = asManager(() -> this.versions.activate(draft.version()));

		assertThat(stillOld.amount()).isEqualByComparingTo("1000000");
		assertThat(active.status()).isEqualTo(CreditPolicy.ACTIVE);
		assertThat(active.activatedBy()).isEqualTo("policy-manager");
		CreditPolicy retired = asManager(() -> this.versions.version(before.version()));
		assertThat(retired.status()).isEqualTo(CreditPolicy.RETIRED);
		assertThat(retired.rules()).isEqualTo(before.rules());
		Recommendation recommendation = asManager(() -> this.policies.recommend(customer.code()));
		assertThat(recommendation.policyVersion()).isEqualTo(draft.version());
		assertThat(recommendation.amount()).isEqualByComparingTo("400000");
		assertThat(recommendation.termsDays()).isEqualTo(30);
		assertThat(recommendation.basisEn()).startsWith("Grade BBB in industry C under policy v" + draft.version()
				+ ": equity * 0.1 with equity 4,000,000 = 400,000;");
		List<AuditEntry> audit = this.currentUser.asSystem(() -> this.auditTrail
			.entries(new AuditQuery(null, "credit-policy", null, null, null), new Paging(0, 50))
			.items());
		assertThat(audit).filteredOn(e -> e.entityId().equals("v" + draft.version()))
			.extracting(AuditEntry::action)
			.containsExactlyInAnyOrder("CREATED", "CHANGED", "ACTIVATED");
		assertThat(audit).filteredOn(e -> e.entityId().equals("v" + before.version()))
			.extracting(AuditEntry::action)
			.contains("RETIRED");
		assertThat(audit).filteredOn(e -> e.entityId().equals("v" + draft.version()) && e.action().equals("CHANGED"))
			.singleElement()
			.satisfies(e -> assertThat(e.after()).contains("制造业收紧", "equity * 0.1"));
	}

	@Test
	void anActiveVersionNeverChanges() {
		CreditPolicy active = asManager(this.versions::active);

		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> asManager(() -> this.versions.updateDraft(active.version(),
					BuiltInPolicy.rules().stream().map(RuleDraft::of).toList(), null)))
			.satisfies(ex -> assertThat(ex.reasonCode()).isEqualTo("POLICY_NOT_DRAFT"));
		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> asManager(() -> this.versions.activate(active.version())));
	}

	@Test
	void refusesADraftWithABadFormulaAndKeepsTheDraftAsItWas() {
		CreditPolicy draft = asManager(this.versions::startDraft);
		List<RuleDraft> rules = new ArrayList<>(draft.rules().stream().map(RuleDraft::of).toList());
		rules.set(2, new RuleDraft("A", null, null, true, new BigDecimal("5000000"), "equity * ", 60, 90, false, null));

		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> asManager(() -> this.versions.updateDraft(draft.version(), rules, null)))
			.satisfies(ex -> assertThat(ex.problems()).extracting(p -> p.field()).containsExactly("rules[2].formula"));
		assertThat(asManager(() -> this.versions.version(draft.version())).rules()).isEqualTo(draft.rules());
	}

	@Test
	void onlyCreditManagersChangeThePolicy() {
		runAs("policy-analyst", List.of(Role.CREDIT_ANALYST), () -> {
			assertThat(this.versions.active().rules()).isNotEmpty();
			assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(this.versions::startDraft);
			assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> this.versions.activate(1));
		});
	}

	private <T> T asManager(Supplier<T> work) {
		Object[] result = new Object[1];
		runAs("policy-manager", List.of(Role.CREDIT_MANAGER), () -> result[0] = work.get());
		@SuppressWarnings("unchecked")
		T value = (T) result[0];
		return value;
	}

}
