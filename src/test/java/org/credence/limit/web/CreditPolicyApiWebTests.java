package org.credence.limit.web;

import org.credence.IntegrationTest;
import org.credence.assessment.AssessmentFixtures;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.credence.SecurityContexts.runAs;
import static org.credence.customer.CustomerFixtures.passwordOf;
import static org.credence.customer.CustomerFixtures.user;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class CreditPolicyApiWebTests {

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

	CustomerDetails assessedCustomer(String owner) {
		CustomerDetails customer = AssessmentFixtures.scenarioCustomer(this.customers, this.statements,
				this.currentUser, owner);
		runAs("policy-analyst", java.util.List.of(Role.CREDIT_ANALYST),
				() -> this.assessments.assess(customer.code(), null, java.util.Map.of()));
		return customer;
	}

	@Test
	void answersTheRecommendationWithItsBasisInTheCallersLanguageAndInBoth() throws Exception {
		String analyst = user(this.users, this.currentUser, "analyst", Role.CREDIT_ANALYST);
		CustomerDetails customer = assessedCustomer(null);

		this.mvc
			.perform(get("/api/v1/customers/{code}/credit-recommendation", customer.code())
				.with(httpBasic(analyst, passwordOf(analyst)))
				.header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.customerCode").value(customer.code()))
			.andExpect(jsonPath("$.rated").value(true))
			.andExpect(jsonPath("$.grade").value("BBB"))
			.andExpect(jsonPath("$.creditAllowed").value(true))
			.andExpect(jsonPath("$.amount").value("1000000.00"))
			.andExpect(jsonPath("$.currency").value("CNY"))
			.andExpect(jsonPath("$.termsDays").value(45))
			.andExpect(jsonPath("$.maxTermsDays").value(60))
			.andExpect(jsonPath("$.gradeMaximum").value("2000000.00"))
			.andExpect(jsonPath("$.basis").value(startsWith("按授信政策第")))
			.andExpect(jsonPath("$.basisZh").value(startsWith("按授信政策第")))
			.andExpect(jsonPath("$.basisEn").value(startsWith("Grade BBB under policy v")))
			.andExpect(jsonPath("$.policyVersion").isNumber());
		this.mvc
			.perform(get("/api/v1/customers/{code}/credit-recommendation", customer.code())
				.with(httpBasic(analyst, passwordOf(analyst)))
				.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.basis").value(startsWith("Grade BBB under policy v")));
	}

	@Test
	void salesGetRecommendationsForTheirOwnCustomersOnly() throws Exception {
		String owner = user(this.users, this.currentUser, "sales", Role.SALES);
		String other = user(this.users, this.currentUser, "sales", Role.SALES);
		CustomerDetails customer = assessedCustomer(owner);

		this.mvc
			.perform(get("/api/v1/customers/{code}/credit-recommendation", customer.code())
				.with(httpBasic(owner, passwordOf(owner))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.amount").value("1000000.00"));
		this.mvc
			.perform(get("/api/v1/customers/{code}/credit-recommendation", customer.code())
				.with(httpBasic(other, passwordOf(other))))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/api/v1/customers/{code}/credit-recommendation", "NO-SUCH-CUSTOMER")
				.with(httpBasic(owner, passwordOf(owner))))
			.andExpect(status().isNotFound());
	}

	@Test
	void answersTheActivePolicyWithItsRulesPerGrade() throws Exception {
		String collector = user(this.users, this.currentUser, "collector", Role.COLLECTOR);

		this.mvc.perform(get("/api/v1/credit-policy").with(httpBasic(collector, passwordOf(collector))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.rules", hasSize(10)))
			.andExpect(jsonPath("$.rules[0].grade").value("AAA"))
			.andExpect(jsonPath("$.rules[0].maximum").value("10000000.00"))
			.andExpect(jsonPath("$.rules[4].collateralRequired").value(true))
			.andExpect(jsonPath("$.rules[4].coverRatio").value("0.5"))
			.andExpect(jsonPath("$.rules[6].creditAllowed").value(false));
		this.mvc.perform(get("/api/v1/credit-policy/versions").with(httpBasic(collector, passwordOf(collector))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[-1:].version").value(org.hamcrest.Matchers.contains(1)));
	}

	@Test
	void refusesABadFormulaWith400NamingTheField() throws Exception {
		String manager = user(this.users, this.currentUser, "manager", Role.CREDIT_MANAGER);
		String draft = this.mvc
			.perform(post("/api/v1/credit-policy/draft").with(httpBasic(manager, passwordOf(manager))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		int version = com.jayway.jsonpath.JsonPath.read(draft, "$.version");

		this.mvc
			.perform(put("/api/v1/credit-policy/versions/{version}", version)
				.with(httpBasic(manager, passwordOf(manager)))
				.header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"note": "bad", "rules": [
						  {"grade": "AAA", "creditAllowed": true, "maximum": 10000000, "formula": "equity * 0.4",
						   "defaultTermsDays": 60, "maxTermsDays": 90},
						  {"grade": "AA", "creditAllowed": true, "maximum": 10000000, "formula": "networth * 0.3",
						   "defaultTermsDays": 60, "maxTermsDays": 90}
						]}
						"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].field").value("rules[1].formula"))
			.andExpect(jsonPath("$.errors[0].message").value(startsWith("networth is not a figure; use equity")));
	}

	@Test
	void refusesToSaveOrActivateADraftChangedSinceItWasReadWith409() throws Exception {
		String manager = user(this.users, this.currentUser, "manager", Role.CREDIT_MANAGER);
		String draft = this.mvc
			.perform(post("/api/v1/credit-policy/draft").with(httpBasic(manager, passwordOf(manager))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		int version = com.jayway.jsonpath.JsonPath.read(draft, "$.version");
		String updatedAt = com.jayway.jsonpath.JsonPath.read(draft, "$.updatedAt");
		String stale = java.time.Instant.parse(updatedAt).minusSeconds(60).toString();

		this.mvc
			.perform(put("/api/v1/credit-policy/versions/{version}", version)
				.with(httpBasic(manager, passwordOf(manager)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"rules\": [], \"updatedAt\": \"" + stale + "\"}"))
			.andExpect(status().isConflict())
			.andExpect(header().string("Content-Type", "application/problem+json"));
		this.mvc
			.perform(post("/api/v1/credit-policy/versions/{version}/activate", version)
				.with(httpBasic(manager, passwordOf(manager)))
				.param("updatedAt", stale))
			.andExpect(status().isConflict());
		// the revision read passes the check (and the empty rules are then refused)
		this.mvc
			.perform(put("/api/v1/credit-policy/versions/{version}", version)
				.with(httpBasic(manager, passwordOf(manager)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"rules\": [], \"updatedAt\": \"" + updatedAt + "\"}"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/credit-policy").with(httpBasic(manager, passwordOf(manager))))
			.andExpect(jsonPath("$.version").value(org.hamcrest.Matchers.not(version)));
	}

	@Test
	void onlyCreditManagersChangeThePolicy() throws Exception {
		String analyst = user(this.users, this.currentUser, "analyst", Role.CREDIT_ANALYST);

		this.mvc.perform(post("/api/v1/credit-policy/draft").with(httpBasic(analyst, passwordOf(analyst))))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/credit-policy/versions/{version}/activate", 1)
				.with(httpBasic(analyst, passwordOf(analyst))))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(put("/api/v1/credit-policy/versions/{version}", 1).with(httpBasic(analyst, passwordOf(analyst)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"rules\": []}"))
			.andExpect(status().isForbidden());
	}

}
