package org.credence.assessment.web;

import org.credence.IntegrationTest;
import org.credence.assessment.statement.FinancialStatements;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.credence.assessment.AssessmentFixtures.scenarioCustomer;
import static org.credence.customer.CustomerFixtures.passwordOf;
import static org.credence.customer.CustomerFixtures.user;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class AssessmentApiWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Customers customers;

	@Autowired
	FinancialStatements statements;

	@Autowired
	CurrentUser currentUser;

	@Test
	void assessingAnswers201WithScoreGradeFactorsReasonsAndReviewDate() throws Exception {
		String analyst = user(this.users, this.currentUser, "analyst", Role.CREDIT_ANALYST);
		CustomerDetails customer = scenarioCustomer(this.customers, this.statements, this.currentUser, null);

		this.mvc
			.perform(post("/api/v1/customers/{code}/assessments", customer.code())
				.with(httpBasic(analyst, passwordOf(analyst)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"modelCode": "STANDARD", "qualitative": {"MANAGEMENT": 4, "BANK_CERTIFICATE": 1}}
						"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isNumber())
			.andExpect(jsonPath("$.score").isNumber())
			.andExpect(jsonPath("$.grade").value("BBB"))
			.andExpect(jsonPath("$.pd").value(0.0015))
			.andExpect(jsonPath("$.riskClass").value("MEDIUM"))
			.andExpect(jsonPath("$.modelCode").value("STANDARD"))
			.andExpect(jsonPath("$.modelVersion").value(1))
			.andExpect(jsonPath("$.nextReviewDate").isString())
			.andExpect(jsonPath("$.factors[0].code").value("DEBT_RATIO"))
			.andExpect(jsonPath("$.factors[0].value").value(0.6))
			.andExpect(jsonPath("$.factors[0].points").isNumber())
			.andExpect(jsonPath("$.factors[0].weight").isNumber())
			.andExpect(jsonPath("$.factors[0].contribution").isNumber())
			.andExpect(jsonPath("$.factors[?(@.code == 'MANAGEMENT')].value").value(hasItem(4)))
			.andExpect(jsonPath("$.reasons[*].code").value(hasItem("MISSING_BEHAVIOUR")))
			.andExpect(jsonPath("$.reasons[0].textEn").isString());

		this.mvc
			.perform(get("/api/v1/customers/{code}/assessments", customer.code())
				.with(httpBasic(analyst, passwordOf(analyst))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].grade").value("BBB"));
	}

	@Test
	void anAnswerThatIsNotAnOptionIs400NamingTheQuestion() throws Exception {
		String analyst = user(this.users, this.currentUser, "analyst", Role.CREDIT_ANALYST);
		CustomerDetails customer = scenarioCustomer(this.customers, this.statements, this.currentUser, null);

		this.mvc
			.perform(post("/api/v1/customers/{code}/assessments", customer.code())
				.with(httpBasic(analyst, passwordOf(analyst)))
				.header("Accept-Language", "zh-CN")
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"qualitative": {"MANAGEMENT": 9}}
						"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("qualitative.MANAGEMENT"))
			.andExpect(jsonPath("$.errors[0].message", startsWith("不是可选答案之一")));
	}

	@Test
	void theProposerApprovingTheirOwnOverrideIs422SamePersonAndAnotherManagerMayApprove() throws Exception {
		String manager = user(this.users, this.currentUser, "manager", Role.CREDIT_MANAGER);
		String other = user(this.users, this.currentUser, "manager", Role.CREDIT_MANAGER);
		CustomerDetails customer = scenarioCustomer(this.customers, this.statements, this.currentUser, null);
		String body = this.mvc
			.perform(post("/api/v1/customers/{code}/assessments", customer.code())
				.with(httpBasic(manager, passwordOf(manager)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+),.*$", "$1").strip());

		this.mvc
			.perform(post("/api/v1/assessments/{id}/override", id).with(httpBasic(manager, passwordOf(manager)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"grade": "BB", "reason": "主要客户破产，应收账款回收存疑"}
						"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("OVERRIDE_PROPOSED"))
			.andExpect(jsonPath("$.grade").value("BBB"));
		this.mvc
			.perform(
					post("/api/v1/assessments/{id}/override/decision", id).with(httpBasic(manager, passwordOf(manager)))
						.contentType(MediaType.APPLICATION_JSON)
						.content("""
								{"approve": true, "comment": "ok"}
								"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("SAME_PERSON"));
		this.mvc
			.perform(post("/api/v1/assessments/{id}/override/decision", id).with(httpBasic(other, passwordOf(other)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"approve": true, "comment": "同意"}
						"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("OVERRIDDEN"))
			.andExpect(jsonPath("$.grade").value("BB"))
			.andExpect(jsonPath("$.modelGrade").value("BBB"));
	}

	@Test
	void salesMayNotAssessAndAManagerStartsABatchRunThatAnswers202() throws Exception {
		String sales = user(this.users, this.currentUser, "sales", Role.SALES);
		String manager = user(this.users, this.currentUser, "manager", Role.CREDIT_MANAGER);
		CustomerDetails customer = scenarioCustomer(this.customers, this.statements, this.currentUser, sales);

		this.mvc
			.perform(post("/api/v1/customers/{code}/assessments", customer.code())
				.with(httpBasic(sales, passwordOf(sales)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isForbidden());
		String run = this.mvc.perform(post("/api/v1/assessment-runs").with(httpBasic(manager, passwordOf(manager))))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.id").isNumber())
			.andExpect(jsonPath("$.trigger").isString())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(run.replaceAll("^\\{\"id\":(\\d+),.*$", "$1").strip());
		this.mvc.perform(get("/api/v1/assessment-runs/{id}", id).with(httpBasic(manager, passwordOf(manager))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(id));
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(60))
			.until(() -> !this.mvc
				.perform(get("/api/v1/assessment-runs/{id}", id).with(httpBasic(manager, passwordOf(manager))))
				.andReturn()
				.getResponse()
				.getContentAsString()
				.contains("\"RUNNING\""));
	}

}
