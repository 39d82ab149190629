package org.credence.assessment.web;

import java.util.List;
import java.util.Map;

import org.credence.IntegrationTest;
import org.credence.assessment.AssessmentResult;
import org.credence.assessment.Assessments;
import org.credence.assessment.statement.FinancialStatements;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.credence.SecurityContexts.runAs;
import static org.credence.assessment.AssessmentFixtures.scenarioCustomer;
import static org.credence.customer.CustomerFixtures.user;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class AssessmentPagesWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Customers customers;

	@Autowired
	FinancialStatements statements;

	@Autowired
	Assessments assessments;

	@Autowired
	CurrentUser currentUser;

	@Test
	void theAssessmentPagesRenderInChineseAndEnglish() throws Exception {
		String analyst = user(this.users, this.currentUser, "analyst", Role.CREDIT_ANALYST);
		CustomerDetails customer = scenarioCustomer(this.customers, this.statements, this.currentUser, null);
		AssessmentResult[] result = new AssessmentResult[1];
		runAs(analyst, List.of(Role.CREDIT_ANALYST),
				() -> result[0] = this.assessments.assess(customer.code(), null, Map.of()));
		var as = user(analyst)
			.authorities(org.credence.identity.CurrentUser.Authorities.of(List.of(Role.CREDIT_ANALYST)));

		this.mvc.perform(get("/customers/{code}/assessments", customer.code()).with(as).param("lang", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("当前评级"), containsString("等级变化"),
					containsString("assessment-history-data"), containsString("BBB"))));
		this.mvc.perform(get("/customers/{code}/assessments", customer.code()).with(as).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Current rating"), containsString("Grade over time"))));
		this.mvc
			.perform(get("/customers/{code}/assessments/{id}", customer.code(), result[0].id()).with(as)
				.param("lang", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("评级原因"), containsString("资产负债率"), containsString("缺失：中性分"),
					containsString("付款行为数据缺失"), containsString("提议调整等级"))));
		this.mvc
			.perform(get("/customers/{code}/assessments/{id}", customer.code(), result[0].id()).with(as)
				.param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Why this grade"), containsString("Debt ratio"),
					containsString("missing: neutral"), containsString("Payment behaviour missing"))));
		this.mvc.perform(get("/customers/{code}/assessments/new", customer.code()).with(as).param("lang", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("管理层素质"), containsString("优秀"))));
		org.credence.assessment.AssessmentFixtures.customer(this.customers, this.currentUser, null,
				org.credence.customer.CustomerStatus.PROSPECT);
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
			long[] due = new long[1];
			runAs(analyst, List.of(Role.CREDIT_ANALYST), () -> due[0] = this.assessments.countReviewsDue());
			return due[0] > 0;
		});
		this.mvc.perform(get("/assessment/reviews").with(as).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Review queue"), containsString("nav-count"))));
		this.mvc.perform(get("/assessment/reviews").with(as).param("lang", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("复评队列")));
	}

	@Test
	void theFormAssessesAndShowsTheResultAndAnInvalidAnswerKeepsTheForm() throws Exception {
		String analyst = user(this.users, this.currentUser, "analyst", Role.CREDIT_ANALYST);
		CustomerDetails customer = scenarioCustomer(this.customers, this.statements, this.currentUser, null);
		var as = user(analyst)
			.authorities(org.credence.identity.CurrentUser.Authorities.of(List.of(Role.CREDIT_ANALYST)));

		this.mvc
			.perform(post("/customers/{code}/assessments", customer.code()).with(as)
				.with(csrf())
				.param("modelCode", "STANDARD")
				.param("qualitative.MANAGEMENT", "4"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/customers/" + customer.code() + "/assessments/*"));
		this.mvc
			.perform(post("/customers/{code}/assessments", customer.code()).with(as)
				.with(csrf())
				.param("lang", "en")
				.param("modelCode", "STANDARD")
				.param("qualitative.MANAGEMENT", "9"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Not one of the answers")));
	}

	@Test
	void theProposersOwnOverrideShowsNoApproveButton() throws Exception {
		String manager = user(this.users, this.currentUser, "manager", Role.CREDIT_MANAGER);
		CustomerDetails customer = scenarioCustomer(this.customers, this.statements, this.currentUser, null);
		AssessmentResult[] result = new AssessmentResult[1];
		runAs(manager, List.of(Role.CREDIT_MANAGER), () -> {
			result[0] = this.assessments.assess(customer.code(), null, Map.of());
			this.assessments.proposeOverride(result[0].id(), "BB", "担保链风险");
		});
		var proposer = user(manager)
			.authorities(org.credence.identity.CurrentUser.Authorities.of(List.of(Role.CREDIT_MANAGER)));
		String anotherManager = user(this.users, this.currentUser, "manager", Role.CREDIT_MANAGER);
		var another = user(anotherManager)
			.authorities(org.credence.identity.CurrentUser.Authorities.of(List.of(Role.CREDIT_MANAGER)));

		this.mvc
			.perform(get("/customers/{code}/assessments/{id}", customer.code(), result[0].id()).with(proposer)
				.param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(not(containsString("override-decision-form")),
					containsString("another credit manager decides"))));
		this.mvc
			.perform(get("/customers/{code}/assessments/{id}", customer.code(), result[0].id()).with(another)
				.param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("override-decision-form")));
	}

}
