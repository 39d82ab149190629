package org.credence.limit.web;

import java.util.List;

import org.credence.IntegrationTest;
import org.credence.assessment.AssessmentFixtures;
import org.credence.assessment.Assessments;
import org.credence.assessment.statement.FinancialStatements;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.TestUsers;
import org.credence.identity.Users;
import org.credence.limit.policy.BuiltInPolicy;
import org.credence.limit.policy.CreditPolicy;
import org.credence.limit.policy.CreditPolicyVersions;
import org.credence.limit.policy.PolicyRule;
import org.credence.limit.policy.RuleDraft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.SecurityContexts.runAs;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class CreditPolicyPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	CreditPolicyVersions versions;

	@Autowired
	Customers customers;

	@Autowired
	FinancialStatements statements;

	@Autowired
	Assessments assessments;

	// real accounts: an open session whose account does not exist is logged out
	private final java.util.Map<Role, String> accounts = new java.util.EnumMap<>(Role.class);

	RequestPostProcessor as(Role role) {
		String username = this.accounts.computeIfAbsent(role, r -> TestUsers.create(this.users, this.currentUser, r));
		return user(username).authorities(CurrentUser.Authorities.of(List.of(role)));
	}

	@AfterEach
	void restoreBuiltInPolicy() {
		runAs("policy-manager", List.of(Role.CREDIT_MANAGER), () -> {
			if (!this.versions.active().rules().equals(BuiltInPolicy.rules())) {
				CreditPolicy draft = this.versions.startDraft();
				this.versions.updateDraft(draft.version(), BuiltInPolicy.rules().stream().map(RuleDraft::of).toList(),
						"built-in rules again (test)");
				this.versions.activate(draft.version());
			}
		});
	}

	@Test
	void showsTheActivePolicyPerGradeWithItsHistoryInBothLanguages() throws Exception {
		this.mvc.perform(get("/limits/policy").with(as(Role.CREDIT_MANAGER)).header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("授信政策")))
			.andExpect(content().string(containsString("等级上限")))
			.andExpect(content().string(containsString("10,000,000.00 CNY")))
			.andExpect(content().string(containsString("300,000")))
			.andExpect(content().string(containsString("IF(avgMonthlySales &gt; 0, MIN(equity * 0.25")))
			.andExpect(content().string(containsString("要求，覆盖 50.0%")))
			.andExpect(content().string(containsString("仅预付款")))
			.andExpect(content().string(containsString("版本记录")))
			.andExpect(content().string(containsString("href=\"/limits/policy\"")));
		this.mvc.perform(get("/limits/policy").with(as(Role.SALES)).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Credit policy")))
			.andExpect(content().string(containsString("Prepayment only")))
			.andExpect(content().string(containsString("Required, cover 100.0%")))
			.andExpect(content().string(not(containsString("New draft from the active version"))));
	}

	@Test
	void aManagerEditsADraftSeesMessagesBesideTheFieldsAndActivatesIt() throws Exception {
		this.mvc.perform(post("/limits/policy/draft").with(as(Role.CREDIT_MANAGER)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/limits/policy/draft"));
		CreditPolicy draft = this.currentUser.asSystem(() -> this.versions.draft()).orElseThrow();
		this.mvc.perform(get("/limits/policy/draft").with(as(Role.CREDIT_MANAGER)).header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("授信政策草稿第 " + draft.version() + " 版")))
			.andExpect(content().string(containsString("value=\"2000000\"")));

		List<PolicyRule> rules = BuiltInPolicy.rules();
		this.mvc
			.perform(form(post("/limits/policy/draft/{v}", draft.version()), rules, "equity * 0.3 +", "abc")
				.with(as(Role.CREDIT_MANAGER))
				.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The draft was not saved")))
			.andExpect(content().string(containsString("The formula cannot be read")))
			.andExpect(content().string(containsString(">equity * 0.3 +</textarea>")))
			.andExpect(content().string(containsString("abc is not a whole number of days")))
			.andExpect(content().string(containsString("is-invalid")));

		// someone else saved the draft after this form was shown: nothing is saved, what
		// was typed stays
		String stale = draft.updatedAt().minusSeconds(60).toString();
		this.mvc
			.perform(form(post("/limits/policy/draft/{v}", draft.version()), rules, "equity * 0.35", "30")
				.param("updatedAt", stale)
				.with(as(Role.CREDIT_MANAGER))
				.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Someone else saved or activated draft v" + draft.version())))
			.andExpect(content().string(containsString(">equity * 0.35</textarea>")))
			.andExpect(content().string(containsString("value=\"" + draft.updatedAt() + "\"")));
		assertThat(this.currentUser.asSystem(() -> this.versions.version(draft.version())).rules().get(2).formula())
			.isNotEqualTo("equity * 0.35");
		this.mvc
			.perform(post("/limits/policy/versions/{v}/activate", draft.version()).param("updatedAt", stale)
				.with(as(Role.CREDIT_MANAGER))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/limits/policy/draft"));
		assertThat(this.currentUser.asSystem(() -> this.versions.version(draft.version())).isDraft()).isTrue();

		this.mvc
			.perform(form(post("/limits/policy/draft/{v}", draft.version()), rules, "equity * 0.3", "30")
				.param("updatedAt", draft.updatedAt().toString())
				.with(as(Role.CREDIT_MANAGER)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/limits/policy/draft"));
		assertThat(this.currentUser.asSystem(() -> this.versions.version(draft.version())).rules().get(2).formula())
			.isEqualTo("equity * 0.3");

		this.mvc
			.perform(post("/limits/policy/versions/{v}/activate", draft.version()).with(as(Role.CREDIT_MANAGER))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/limits/policy"));
		assertThat(this.currentUser.asSystem(() -> this.versions.active().version())).isEqualTo(draft.version());
	}

	@Test
	void worksOutTheRecommendationForACustomerTheUserMaySee() throws Exception {
		RequestPostProcessor sales = as(Role.SALES);
		CustomerDetails customer = AssessmentFixtures.scenarioCustomer(this.customers, this.statements,
				this.currentUser, this.accounts.get(Role.SALES));
		runAs("policy-analyst", List.of(Role.CREDIT_ANALYST),
				() -> this.assessments.assess(customer.code(), null, java.util.Map.of()));

		this.mvc.perform(
				get("/limits/policy").param("customer", customer.code()).with(sales).header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1,000,000.00 CNY")))
			.andExpect(content().string(containsString("BBB 级公式")))
			.andExpect(content().string(containsString("45，最长 60")));
		this.mvc
			.perform(get("/limits/policy").param("customer", customer.code())
				.with(as(Role.COLLECTOR))
				.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Grade BBB under policy v")));
		this.mvc.perform(
				get("/limits/policy").param("customer", "NO-SUCH-CUSTOMER").with(sales).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No customer NO-SUCH-CUSTOMER that you may see")));
	}

	@Test
	void othersMayReadButNotChangeThePolicy() throws Exception {
		this.mvc.perform(post("/limits/policy/draft").with(as(Role.CREDIT_ANALYST)).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/limits/policy/draft").with(as(Role.SALES))).andExpect(status().isForbidden());
		this.mvc.perform(get("/limits/policy").with(as(Role.AUDITOR))).andExpect(status().isOk());
	}

	/**
	 * The editor's form with the given rules, the A rule's formula and the BBB rule's
	 * default terms replaced, and one blank row.
	 */
	private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, List<PolicyRule> rules,
			String formulaOfA, String termsOfBbb) {
		request.with(csrf()).param("rowCount", Integer.toString(rules.size() + 1)).param("note", "试行");
		for (int i = 0; i < rules.size(); i++) {
			PolicyRule rule = rules.get(i);
			String p = "rules[" + i + "].";
			request.param(p + "grade", rule.grade()).param(p + "riskClass", "").param(p + "industry", "");
			if (rule.creditAllowed()) {
				request.param(p + "creditAllowed", "on")
					.param(p + "maximum", rule.maximum().toPlainString())
					.param(p + "formula", "A".equals(rule.grade()) ? formulaOfA : rule.formula())
					.param(p + "defaultTermsDays",
							"BBB".equals(rule.grade()) ? termsOfBbb : Integer.toString(rule.defaultTermsDays()))
					.param(p + "maxTermsDays", Integer.toString(rule.maxTermsDays()));
				if (rule.collateralRequired()) {
					request.param(p + "collateralRequired", "on")
						.param(p + "coverPercent", rule.coverRatio().movePointRight(2).toPlainString());
				}
			}
		}
		String blank = "rules[" + rules.size() + "].";
		request.param(blank + "grade", "").param(blank + "formula", "");
		return request;
	}

}
