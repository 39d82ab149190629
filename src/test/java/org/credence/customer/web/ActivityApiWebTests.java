package org.credence.customer.web;

import java.nio.charset.StandardCharsets;

import org.credence.IntegrationTest;
import org.credence.customer.ActivityFixtures;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.credence.customer.ActivityFixtures.basic;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class ActivityApiWebTests {

	static final String LI_MING = """
			{"name": "李明", "title": "财务总监", "phone": "13812345678", "email": "li.ming@example.com",
			 "primary": true, "consentGivenOn": "2026-01-05", "consentPurpose": "credit assessment and account management"}
			""";

	static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Customers customers;

	@Autowired
	CurrentUser currentUser;

	ActivityFixtures fixtures;

	String analyst;

	@BeforeEach
	void setUp() {
		this.fixtures = new ActivityFixtures(this.users, this.customers, this.currentUser);
		this.analyst = this.fixtures.user(Role.CREDIT_ANALYST);
	}

	@Test
	void anAnalystSeesContactsInClearAndAnAuditorMasked() throws Exception {
		String code = this.fixtures.customer();
		String auditor = this.fixtures.user(Role.AUDITOR);

		this.mvc
			.perform(post("/api/v1/customers/{code}/contacts", code).with(basic(this.analyst))
				.contentType(MediaType.APPLICATION_JSON)
				.content(LI_MING))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value("李明"))
			.andExpect(jsonPath("$.consentGivenOn").value("2026-01-05"));

		this.mvc.perform(get("/api/v1/customers/{code}/contacts", code).with(basic(this.analyst)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].name").value("李明"))
			.andExpect(jsonPath("$.items[0].phone").value("13812345678"));
		this.mvc.perform(get("/api/v1/customers/{code}/contacts", code).with(basic(auditor)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].name").value("李*"))
			.andExpect(jsonPath("$.items[0].phone").value("138****5678"))
			.andExpect(jsonPath("$.items[0].email").value("l******@example.com"));
	}

	@Test
	void anAuditorCannotChangeContacts() throws Exception {
		String code = this.fixtures.customer();
		String auditor = this.fixtures.user(Role.AUDITOR);

		this.mvc
			.perform(post("/api/v1/customers/{code}/contacts", code).with(basic(auditor))
				.contentType(MediaType.APPLICATION_JSON)
				.content(LI_MING))
			.andExpect(status().isForbidden());
	}

	@Test
	void answersBadContactInputWithFieldErrorsInTheCallersLanguage() throws Exception {
		String code = this.fixtures.customer();

		this.mvc
			.perform(post("/api/v1/customers/{code}/contacts", code).with(basic(this.analyst))
				.header("Accept-Language", "zh-CN")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \" \", \"email\": \"not-an-address\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(2)))
			.andExpect(jsonPath("$.errors[?(@.field == 'name')].message").value("请输入姓名。"))
			.andExpect(jsonPath("$.errors[?(@.field == 'email')]").exists());
	}

	@Test
	void patchesOnlyTheFieldsGiven() throws Exception {
		String code = this.fixtures.customer();
		String created = this.mvc
			.perform(post("/api/v1/customers/{code}/contacts", code).with(basic(this.analyst))
				.contentType(MediaType.APPLICATION_JSON)
				.content(LI_MING))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(created.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));

		this.mvc
			.perform(patch("/api/v1/customers/{code}/contacts/{id}", code, id).with(basic(this.analyst))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\": \"总经理\", \"consentWithdrawnOn\": \"2026-02-01\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("总经理"))
			.andExpect(jsonPath("$.phone").value("13812345678"))
			.andExpect(jsonPath("$.consentWithdrawnOn").value("2026-02-01"));
	}

	@Test
	void refusesAnUnknownChannelNamingTheField() throws Exception {
		String code = this.fixtures.customer();

		this.mvc
			.perform(post("/api/v1/customers/{code}/communications", code).with(basic(this.analyst))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"occurredOn\": \"2026-01-05\", \"channel\": \"PIGEON\", \"summary\": \"?\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("channel"));
	}

	@Test
	void salesSeeAndAddRecordsOfTheirOwnCustomersOnly() throws Exception {
		String sales = this.fixtures.user(Role.SALES);
		String otherSales = this.fixtures.user(Role.SALES);
		String own = this.fixtures.customer(sales);
		String foreign = this.fixtures.customer(otherSales);
		String communication = "{\"occurredOn\": \"2026-01-05\", \"channel\": \"VISIT\", \"summary\": \"拜访客户\"}";

		for (String path : new String[] { "contacts", "communications", "documents", "external-reports", "feedback" }) {
			this.mvc.perform(get("/api/v1/customers/{code}/" + path, foreign).with(basic(sales)))
				.andExpect(status().isNotFound());
			this.mvc.perform(get("/api/v1/customers/{code}/" + path, own).with(basic(sales)))
				.andExpect(status().isOk());
		}
		this.mvc
			.perform(post("/api/v1/customers/{code}/contacts", foreign).with(basic(sales))
				.contentType(MediaType.APPLICATION_JSON)
				.content(LI_MING))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/api/v1/customers/{code}/contacts", own).with(basic(sales))
				.contentType(MediaType.APPLICATION_JSON)
				.content(LI_MING))
			.andExpect(status().isCreated());
		this.mvc
			.perform(post("/api/v1/customers/{code}/communications", foreign).with(basic(sales))
				.contentType(MediaType.APPLICATION_JSON)
				.content(communication))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/api/v1/customers/{code}/communications", own).with(basic(sales))
				.contentType(MediaType.APPLICATION_JSON)
				.content(communication))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.author").value(sales));
		MockMultipartFile file = new MockMultipartFile("file", "营业执照.pdf", "application/pdf", PDF);
		this.mvc
			.perform(multipart("/api/v1/customers/{code}/documents", foreign).file(file)
				.param("type", "BUSINESS_LICENCE")
				.with(basic(sales)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(multipart("/api/v1/customers/{code}/documents", own).file(file)
				.param("type", "BUSINESS_LICENCE")
				.with(basic(sales)))
			.andExpect(status().isCreated());
	}

	@Test
	void recordsReportsAndFeedbackWithMoneyAsDecimalString() throws Exception {
		String code = this.fixtures.customer();

		this.mvc
			.perform(post("/api/v1/customers/{code}/external-reports", code).with(basic(this.analyst))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"agency\": \"中诚信\", \"reportDate\": \"2026-01-08\", \"score\": 78.5, \"rating\": \"AA\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.lawsuits").value(0))
			.andExpect(jsonPath("$.rating").value("AA"));
		this.mvc
			.perform(post("/api/v1/customers/{code}/feedback", code).with(basic(this.analyst))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"sourceType": "SUPPLIER", "sourceName": "上海钢材贸易有限公司", "receivedOn": "2026-01-09",
						 "paymentExperience": "VERY_SLOW", "creditAmount": "500000", "currency": "CNY"}
						"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.creditAmount.amount").value("500000.00"))
			.andExpect(jsonPath("$.creditAmount.currency").value("CNY"));
		this.mvc.perform(get("/api/v1/customers/{code}/feedback", code).with(basic(this.analyst)))
			.andExpect(jsonPath("$.items[0].paymentExperience").value("VERY_SLOW"));
	}

}
