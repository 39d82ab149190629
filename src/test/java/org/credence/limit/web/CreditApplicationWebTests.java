package org.credence.limit.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.credence.IntegrationTest;
import org.credence.TestClock;
import org.credence.assessment.Assessments;
import org.credence.assessment.statement.FinancialStatements;
import org.credence.customer.CustomerFixtures;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.limit.ApplicationType;
import org.credence.limit.CreditApplication;
import org.credence.limit.CreditApplication.Decision;
import org.credence.limit.CreditApplicationRequest;
import org.credence.limit.CreditApplications;
import org.credence.limit.application.ApplicationFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The credit application API in the contract's shape, its refusals, and the pages. */
@IntegrationTest
@AutoConfigureMockMvc
class CreditApplicationWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Customers customers;

	@Autowired
	FinancialStatements statements;

	@Autowired
	Assessments assessments;

	@Autowired
	Users users;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	CreditApplications applications;

	@Autowired
	TestClock clock;

	ApplicationFixtures fixtures;

	@BeforeEach
	void setUp() {
		this.fixtures = new ApplicationFixtures(this.customers, this.statements, this.assessments, this.users,
				this.currentUser);
	}

	private static RequestPostProcessor basic(String username) {
		return httpBasic(username, CustomerFixtures.passwordOf(username));
	}

	private RequestPostProcessor page(String username) {
		return SecurityMockMvcRequestPostProcessors.user(username)
			.authorities(CurrentUser.Authorities.of(this.users.find(username).orElseThrow().roles()));
	}

	private static String body(String code, String amount) {
		return """
				{"customerCode": "%s", "type": "NEW", "amount": %s, "currency": "CNY", "termsDays": 60, "reason": "年度授信"}
				"""
			.formatted(code, amount);
	}

	@Test
	void submitsAndDecidesInTheContractShape() throws Exception {
		String requester = this.fixtures.user(Role.CREDIT_ANALYST);
		String analyst = this.fixtures.user(Role.CREDIT_ANALYST);
		String code = this.fixtures.rated(null).code();
		String location = this.mvc
			.perform(post("/api/v1/credit-applications").with(basic(requester))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body(code, "1500000")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("IN_APPROVAL"))
			.andExpect(jsonPath("$.recommendation.amount").isString())
			.andExpect(jsonPath("$.recommendation.gradeMaximum").isString())
			.andExpect(jsonPath("$.amount").value("1500000.00"))
			.andExpect(jsonPath("$.routingAmount").isString())
			.andExpect(jsonPath("$.recommendation.termsDays").isNumber())
			.andExpect(jsonPath("$.recommendation.basis").isString())
			.andExpect(jsonPath("$.route[0].level").value(1))
			.andExpect(jsonPath("$.route[0].role").value("CREDIT_ANALYST"))
			.andExpect(jsonPath("$.route[0].required").value(1))
			.andExpect(jsonPath("$.route[0].status").value("PENDING"))
			.andExpect(jsonPath("$.route[0].approvals").isArray())
			.andExpect(jsonPath("$.route[1].role").value("CREDIT_MANAGER"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(location.replaceAll("^\\{\"id\":(\\d+).*$", "$1").strip());

		this.mvc
			.perform(post("/api/v1/credit-applications/{id}/decisions", id).with(basic(requester))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"decision\": \"APPROVE\", \"comment\": \"mine\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.reason").value("OWN_APPLICATION"));
		this.mvc
			.perform(post("/api/v1/credit-applications/{id}/decisions", id).with(basic(analyst))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"decision\": \"REJECT\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("comment"));
		this.mvc
			.perform(post("/api/v1/credit-applications/{id}/decisions", id).with(basic(analyst))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"decision\": \"APPROVE\", \"comment\": \"财务稳健\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.route[0].status").value("APPROVED"))
			.andExpect(jsonPath("$.route[0].approvals[0].username").value(analyst))
			.andExpect(jsonPath("$.route[0].approvals[0].decision").value("APPROVE"))
			.andExpect(jsonPath("$.route[0].approvals[0].comment").value("财务稳健"))
			.andExpect(jsonPath("$.route[0].approvals[0].at").isString());

		String manager = this.fixtures.user(Role.CREDIT_MANAGER);
		this.mvc.perform(get("/api/v1/credit-applications").param("assignedToMe", "true").with(basic(manager)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", hasItem((int) id)))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(50))
			.andExpect(jsonPath("$.total").isNumber());
		this.mvc.perform(get("/api/v1/credit-applications").param("assignedToMe", "true").with(basic(analyst)))
			.andExpect(jsonPath("$.items[*].id", not(hasItem((int) id))));
		this.mvc.perform(get("/api/v1/credit-applications/{id}", id).with(basic(manager)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.customerCode").value(code));
		this.mvc.perform(get("/api/v1/credit-applications/{id}", 987654321).with(basic(manager)))
			.andExpect(status().isNotFound());

		this.mvc
			.perform(multipart("/api/v1/credit-applications/{id}/attachments", id)
				.file(new MockMultipartFile("file", "报表.pdf", "application/pdf", "%PDF-1.4 test".getBytes()))
				.with(basic(requester)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.fileName").value("报表.pdf"));
		this.mvc
			.perform(multipart("/api/v1/credit-applications/{id}/attachments", id)
				.file(new MockMultipartFile("file", "x.exe", "application/x-msdownload", new byte[] { 1 }))
				.with(basic(requester)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void refusesBadInputAndMissingPermissions() throws Exception {
		String requester = this.fixtures.user(Role.CREDIT_ANALYST);
		String collector = this.fixtures.user(Role.COLLECTOR);
		String code = this.fixtures.rated(null).code();
		this.mvc.perform(post("/api/v1/credit-applications").with(basic(requester))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"customerCode\": \"" + code
					+ "\", \"type\": \"TEMPORARY\", \"amount\": 0, \"currency\": \"CNY\", \"termsDays\": 30, \"reason\": \"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("amount")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("validTo")));
		this.mvc
			.perform(post("/api/v1/credit-applications").with(basic(collector))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body(code, "100000")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/credit-applications").with(basic(requester))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body(code, "100000")))
			.andExpect(status().isCreated());
		this.mvc
			.perform(post("/api/v1/credit-applications").with(basic(requester))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body(code, "100000")))
			.andExpect(status().isConflict());
		this.mvc.perform(get("/api/v1/credit-applications").param("status", "NOPE").with(basic(requester)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void matrixIsEditedByPolicyManagersOnlyAndVersioned() throws Exception {
		String analyst = this.fixtures.user(Role.CREDIT_ANALYST);
		String manager = this.fixtures.user(Role.CREDIT_MANAGER);
		String matrix = """
				{"bands": [
				  {"kind": "AMOUNT", "maxAmount": 500000, "steps": [{"role": "CREDIT_ANALYST", "required": 1}]},
				  {"kind": "AMOUNT", "maxAmount": 2000000, "steps": [{"role": "CREDIT_ANALYST", "required": 1}, {"role": "CREDIT_MANAGER", "required": 1}]},
				  {"kind": "AMOUNT", "steps": [{"role": "CREDIT_ANALYST", "required": 1}, {"role": "CREDIT_MANAGER", "required": 1}, {"role": "COMMITTEE_MEMBER", "required": 2}]},
				  {"kind": "HIGH_RISK", "steps": [{"role": "CREDIT_ANALYST", "required": 1}, {"role": "CREDIT_MANAGER", "required": 1}, {"role": "COMMITTEE_MEMBER", "required": 2}]},
				  {"kind": "DECREASE", "steps": [{"role": "CREDIT_ANALYST", "required": 1}]}
				], "note": "same bands again"}
				""";
		this.mvc
			.perform(put("/api/v1/approval-matrix").with(basic(analyst))
				.contentType(MediaType.APPLICATION_JSON)
				.content(matrix))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(put("/api/v1/approval-matrix").with(basic(manager))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"bands\": [{\"kind\": \"AMOUNT\", \"maxAmount\": 1000, \"steps\": []}]}"))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(put("/api/v1/approval-matrix").with(basic(manager))
				.contentType(MediaType.APPLICATION_JSON)
				.content(matrix))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").isNumber())
			.andExpect(jsonPath("$.bands[2].steps[2].required").value(2));
		this.mvc.perform(get("/limits/approval-matrix").with(page(manager)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("same bands again")));
		// nothing is made up for a missing role or number of approvals
		this.mvc.perform(put("/api/v1/approval-matrix").with(basic(manager))
			.contentType(MediaType.APPLICATION_JSON)
			.content(matrix.replace(
					"{\"role\": \"CREDIT_ANALYST\", \"required\": 1}]},\n  {\"kind\": \"AMOUNT\", \"maxAmount\": 2000000",
					"{\"required\": 1}]},\n  {\"kind\": \"AMOUNT\", \"maxAmount\": 2000000")
				.replace("{\"role\": \"CREDIT_ANALYST\", \"required\": 1}]}\n]", "{\"role\": \"CREDIT_ANALYST\"}]}\n]")
				.replace("{\"kind\": \"HIGH_RISK\", ", "{")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("bands[0].steps[0].role")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("bands[4].steps[0].required")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("bands[3].kind")));
		// an unknown kind from the form is a message beside the band, not an error page
		this.mvc
			.perform(post("/limits/approval-matrix").with(page(manager))
				.with(csrf())
				.param("kind", "AMOUNT", "NOPE")
				.param("maxAmount", "500000", "")
				.param("steps", "CREDIT_ANALYST:1", "CREDIT_ANALYST:1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("NOPE 不是区间类型")));
	}

	@Test
	void aLastApprovalTheLineCannotTakeIsExplainedBesideTheButtonsAndRefused() throws Exception {
		String requester = this.fixtures.user(Role.CREDIT_ANALYST);
		String analyst = this.fixtures.user(Role.CREDIT_ANALYST);
		String approver = this.fixtures.user(Role.CREDIT_ANALYST);
		String code = this.fixtures.rated(null).code();
		LocalDate today = LocalDate.now(this.clock);
		CreditApplication first = ApplicationFixtures.as(requester, List.of(Role.CREDIT_ANALYST),
				() -> this.applications.submit(new CreditApplicationRequest(code, ApplicationType.NEW,
						new BigDecimal("300000"), "CNY", 60, today.plusDays(3), "年度授信")));
		ApplicationFixtures.as(analyst, List.of(Role.CREDIT_ANALYST),
				() -> this.applications.decide(first.id(), Decision.APPROVE, "ok"));
		CreditApplication increase = ApplicationFixtures.as(requester, List.of(Role.CREDIT_ANALYST),
				() -> this.applications.submit(new CreditApplicationRequest(code, ApplicationType.INCREASE,
						new BigDecimal("400000"), "CNY", 60, null, "增额")));
		try {
			this.clock.advance(Duration.ofDays(10));
			String url = "/limits/applications/" + increase.id();
			this.mvc.perform(get(url).with(page(approver)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"approval-warning\"")))
				.andExpect(content().string(not(containsString("id=\"approve\""))))
				.andExpect(content().string(containsString("id=\"return\"")));
			this.mvc
				.perform(post(url + "/decisions").with(page(approver))
					.with(csrf())
					.param("decision", "APPROVE")
					.param("comment", "同意"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"decision-problem\"")));
			this.mvc
				.perform(post("/api/v1/credit-applications/{id}/decisions", increase.id()).with(basic(approver))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"decision\": \"APPROVE\", \"comment\": \"同意\"}"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.reason").value("CREDIT_LINE_EXPIRED"));
		}
		finally {
			this.clock.reset();
		}
	}

	@Test
	void aRefusedFileOnTheFormCreatesNothingAndIsExplainedBesideTheField() throws Exception {
		String requester = this.fixtures.user(Role.CREDIT_ANALYST);
		String code = this.fixtures.rated(null).code();
		this.mvc
			.perform(multipart("/limits/applications")
				.file(new MockMultipartFile("file", "报表.pdf", "application/pdf", "%PDF-1.4".getBytes()))
				.file(new MockMultipartFile("file", "page.html", "text/html", "<b>".getBytes()))
				.with(page(requester))
				.with(csrf())
				.param("customerCode", code)
				.param("type", "NEW")
				.param("amount", "200000")
				.param("currency", "CNY")
				.param("termsDays", "60")
				.param("reason", "带附件的申请"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"file-error\"")))
			.andExpect(content().string(containsString("page.html：不接受 text/html 类型的文件")))
			.andExpect(content().string(containsString("带附件的申请")));
		this.mvc.perform(get("/api/v1/credit-applications").param("customerCode", code).with(basic(requester)))
			.andExpect(jsonPath("$.total").value(0));
		String redirect = this.mvc
			.perform(multipart("/limits/applications")
				.file(new MockMultipartFile("file", "报表.pdf", "application/pdf", "%PDF-1.4".getBytes()))
				.file(new MockMultipartFile("file", "", "application/octet-stream", new byte[0]))
				.with(page(requester))
				.with(csrf())
				.param("customerCode", code)
				.param("type", "NEW")
				.param("amount", "200000")
				.param("currency", "CNY")
				.param("termsDays", "60")
				.param("reason", "带附件的申请"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(get(redirect).with(page(requester)))
			.andExpect(content().string(containsString("报表.pdf")))
			.andExpect(content().string(containsString("8 字节")));
	}

	@Test
	void unknownCustomerOnTheFormIsAMessageAndAManagerCancelsOthersApplications() throws Exception {
		String requester = this.fixtures.user(Role.CREDIT_ANALYST);
		this.mvc.perform(get("/limits/applications/new").param("customer", "NO-SUCH-CUSTOMER").with(page(requester)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"customer-error\"")))
			.andExpect(content().string(containsString("NO-SUCH-CUSTOMER")));

		String code = this.fixtures.rated(null).code();
		String redirect = this.mvc
			.perform(post("/limits/applications").with(page(requester))
				.with(csrf())
				.param("customerCode", code)
				.param("type", "NEW")
				.param("amount", "300000")
				.param("termsDays", "60")
				.param("reason", "年度授信"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String analyst = this.fixtures.user(Role.CREDIT_ANALYST);
		this.mvc.perform(post(redirect + "/decisions").with(page(analyst))
			.with(csrf())
			.param("decision", "RETURN")
			.param("comment", "请补充"));
		// a rule refused on resubmission keeps what was typed
		this.mvc
			.perform(post(redirect + "/resubmission").with(page(requester))
				.with(csrf())
				.param("type", "INCREASE")
				.param("amount", "777777")
				.param("currency", "CNY")
				.param("termsDays", "45")
				.param("reason", "改为增额"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"problem\"")))
			.andExpect(content().string(containsString("777777")))
			.andExpect(content().string(containsString("改为增额")));

		String manager = this.fixtures.user(Role.CREDIT_MANAGER);
		this.mvc.perform(get(redirect).with(page(manager)))
			.andExpect(content().string(containsString("id=\"cancel-as-manager\"")));
		this.mvc.perform(post(redirect + "/cancellation").with(page(manager)).with(csrf()).param("reason", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("撤销他人的申请须填写原因")));
		this.mvc.perform(
				post("/api/v1/credit-applications/{id}/cancellation", redirect.substring(redirect.lastIndexOf('/') + 1))
					.with(basic(manager))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"reason\": \"申请人已调岗\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CANCELLED"));
	}

	@Test
	void anUnratedCustomersFormSaysUnratedNotPrepaymentOnly() throws Exception {
		String requester = this.fixtures.user(Role.CREDIT_ANALYST);
		String code = this.fixtures.unrated(null).code();
		this.mvc
			.perform(get("/limits/applications/new").param("customer", code)
				.with(page(requester))
				.locale(java.util.Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Unrated")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("prepayment only"))));
	}

	@Test
	void pagesShowTheFormTheApplicationTheListAndTheInbox() throws Exception {
		String requester = this.fixtures.user(Role.CREDIT_ANALYST);
		String analyst = this.fixtures.user(Role.CREDIT_ANALYST);
		String code = this.fixtures.rated(null).code();
		this.mvc.perform(get("/limits/applications/new").param("customer", code).with(page(requester)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"fact-recommendation\"")));
		this.mvc
			.perform(post("/limits/applications").with(page(requester))
				.with(csrf())
				.param("customerCode", code)
				.param("type", "NEW")
				.param("amount", "abc")
				.param("currency", "CNY")
				.param("termsDays", "60")
				.param("reason", "年度授信"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is-invalid")))
			.andExpect(content().string(containsString("年度授信")));
		String redirect = this.mvc
			.perform(post("/limits/applications").with(page(requester))
				.with(csrf())
				.param("customerCode", code)
				.param("type", "NEW")
				.param("amount", "3000000")
				.param("currency", "CNY")
				.param("termsDays", "60")
				.param("reason", "年度授信"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String id = redirect.substring(redirect.lastIndexOf('/') + 1);
		this.mvc.perform(get(redirect).with(page(analyst)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"approve\"")))
			.andExpect(content().string(containsString("id=\"route-table\"")));
		this.mvc.perform(get(redirect).with(page(requester)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"approve\""))));
		this.mvc.perform(get("/limits/inbox").with(page(analyst)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/limits/applications/" + id)))
			.andExpect(content().string(containsString("id=\"nav-inbox\"")));
		this.mvc.perform(get("/").with(page(analyst)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("kpi-my-approvals")));
		this.mvc
			.perform(post(redirect + "/decisions").with(page(analyst))
				.with(csrf())
				.param("decision", "RETURN")
				.param("comment", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is-invalid")));
		this.mvc
			.perform(post(redirect + "/decisions").with(page(analyst))
				.with(csrf())
				.param("decision", "RETURN")
				.param("comment", "请补充报表"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get(redirect).with(page(requester)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"resubmit\"")))
			.andExpect(content().string(containsString("请补充报表")));
		this.mvc.perform(get("/limits/applications").param("customer", code).with(page(requester)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/limits/applications/" + id)));
		this.mvc.perform(get("/limits/applications").param("status", "APPROVED").with(page(requester)))
			.andExpect(status().isOk());
		this.mvc.perform(get("/limits/inbox").with(page(this.fixtures.user(Role.SALES))))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/limits/applications/new").with(page(this.fixtures.user(Role.COLLECTOR))))
			.andExpect(status().isForbidden());
	}

}
