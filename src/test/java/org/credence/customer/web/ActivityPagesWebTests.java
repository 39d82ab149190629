package org.credence.customer.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.credence.IntegrationTest;
import org.credence.customer.ActivityFixtures;
import org.credence.customer.Customers;
import org.credence.customer.communication.Channel;
import org.credence.customer.communication.CommunicationDraft;
import org.credence.customer.communication.Communications;
import org.credence.customer.contact.ContactDraft;
import org.credence.customer.contact.Contacts;
import org.credence.customer.document.DocumentType;
import org.credence.customer.document.DocumentUpload;
import org.credence.customer.document.Documents;
import org.credence.customer.report.ExternalReportDraft;
import org.credence.customer.report.ExternalReports;
import org.credence.customer.report.FeedbackDraft;
import org.credence.customer.report.FeedbackSource;
import org.credence.customer.report.PaymentExperience;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.credence.customer.ActivityFixtures.as;
import static org.credence.customer.ActivityFixtures.signedIn;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class ActivityPagesWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Customers customers;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	Contacts contacts;

	@Autowired
	Communications communications;

	@Autowired
	ExternalReports reports;

	@Autowired
	Documents documents;

	ActivityFixtures fixtures;

	String analyst;

	String code;

	@BeforeEach
	void setUp() {
		this.fixtures = new ActivityFixtures(this.users, this.customers, this.currentUser);
		this.analyst = this.fixtures.user(Role.CREDIT_ANALYST);
		this.code = this.fixtures.customer();
	}

	@ParameterizedTest(name = "{0} in {1}")
	@CsvSource({ "contacts, zh-CN, 添加联系人, 暂无联系人", "contacts, en, Add a contact, No contacts yet",
			"communications, zh-CN, 记录回访, 暂无回访记录", "communications, en, Log a communication, No communications yet",
			"reports, zh-CN, 登记外部报告, 同业及供应商反馈", "reports, en, Record an external report, Peer and supplier feedback",
			"documents, zh-CN, 上传附件, 暂无附件", "documents, en, Upload a document, No documents yet",
			"timeline, zh-CN, 信用档案, 建立", "timeline, en, Credit file, opened" })
	void rendersAnEmptyTabInBothLanguages(String tab, String language, String heading, String text) throws Exception {
		this.mvc
			.perform(get("/customers/{code}/" + tab, this.code).with(signedIn(this.analyst, Role.CREDIT_ANALYST))
				.header("Accept-Language", language))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(heading), containsString(text), containsString(this.code),
					not(containsString("??")))));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "zh-CN, 财务总监, 电话, 按时付款, 营业执照", "en, 财务总监, Call, Pays promptly, Business licence" })
	void rendersFilledTabsInBothLanguages(String language, String title, String channel, String experience,
			String documentType) throws Exception {
		as(this.analyst, Role.CREDIT_ANALYST, () -> {
			var contact = this.contacts.add(this.code,
					ContactDraft.of("李明")
						.withTitle("财务总监")
						.withPhone("13812345678")
						.asPrimary()
						.withConsent(LocalDate.of(2026, 1, 5), "credit assessment and account management"));
			this.communications.log(this.code,
					CommunicationDraft.of(LocalDate.of(2026, 1, 6), Channel.CALL, "催要年报").withContact(contact.id()));
			this.reports.record(this.code, ExternalReportDraft.of("中诚信", LocalDate.of(2026, 1, 8)));
			this.reports.recordFeedback(this.code, FeedbackDraft.of(FeedbackSource.SUPPLIER, "上海钢材",
					LocalDate.of(2026, 1, 9), PaymentExperience.PROMPT));
			this.documents.upload(this.code, DocumentUpload.of(DocumentType.BUSINESS_LICENCE, "营业执照扫描件", "营业执照.pdf",
					"%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII)));
		});

		tab("contacts", language).andExpect(content().string(allOf(containsString("李明"), containsString(title))));
		tab("communications", language)
			.andExpect(content().string(allOf(containsString("催要年报"), containsString(channel))));
		tab("reports", language).andExpect(content().string(allOf(containsString("中诚信"), containsString(experience))));
		tab("documents", language)
			.andExpect(content().string(allOf(containsString("营业执照.pdf"), containsString(documentType))));
		tab("timeline", language).andExpect(content().string(allOf(containsString("class=\"timeline\""),
				containsString("催要年报"), containsString("中诚信"), not(containsString("??")))));
	}

	@Test
	void theContactFormShowsTheMessageBesideTheFieldAndKeepsWhatWasTyped() throws Exception {
		this.mvc
			.perform(post("/customers/{code}/contacts", this.code).with(signedIn(this.analyst, Role.CREDIT_ANALYST))
				.with(csrf())
				.header("Accept-Language", "zh-CN")
				.param("name", "")
				.param("phone", "13812345678")
				.param("title", "财务总监"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("is-invalid"), containsString("请输入姓名。"),
					containsString("value=\"13812345678\""), containsString("value=\"财务总监\""))));
	}

	@Test
	void addingAContactRedirectsToTheListWithAMessage() throws Exception {
		this.mvc
			.perform(post("/customers/{code}/contacts", this.code).with(signedIn(this.analyst, Role.CREDIT_ANALYST))
				.with(csrf())
				.header("Accept-Language", "en")
				.param("name", "李明")
				.param("primary", "true")
				.param("consentGivenOn", "2026-01-05")
				.param("consentPurpose", "credit assessment and account management"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/customers/" + this.code + "/contacts"))
			.andExpect(flash().attribute("flashSuccess", "Contact 李明 added."));
	}

	@Test
	void theCommunicationFormShowsFieldErrorsInEnglish() throws Exception {
		this.mvc
			.perform(post("/customers/{code}/communications", this.code)
				.with(signedIn(this.analyst, Role.CREDIT_ANALYST))
				.with(csrf())
				.header("Accept-Language", "en")
				.param("occurredOn", "2026-01-05")
				.param("channel", "VISIT")
				.param("summary", " ")
				.param("nextFollowUpOn", "2026-01-01"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Write what was discussed."),
					containsString("The follow-up cannot be before the communication."),
					containsString("value=\"2026-01-05\""))));
	}

	@Test
	void theUploadFormRefusesAFileOfAnotherTypeBesideTheField() throws Exception {
		this.mvc
			.perform(multipart("/customers/{code}/documents", this.code)
				.file(new MockMultipartFile("file", "notes.txt", "text/plain",
						"hello".getBytes(StandardCharsets.UTF_8)))
				.param("type", "OTHER")
				.param("title", "会议纪要")
				.with(signedIn(this.analyst, Role.CREDIT_ANALYST))
				.with(csrf())
				.header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("不接受此类文件"), containsString("value=\"会议纪要\""))));
	}

	@Test
	void theFeedbackFormShowsFieldErrors() throws Exception {
		this.mvc
			.perform(post("/customers/{code}/feedback", this.code).with(signedIn(this.analyst, Role.CREDIT_ANALYST))
				.with(csrf())
				.header("Accept-Language", "zh-CN")
				.param("sourceType", "PEER")
				.param("sourceName", "")
				.param("receivedOn", "2026-01-05")
				.param("paymentExperience", "SLOW")
				.param("creditAmount", "abc"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请输入数字。")));
	}

	@Test
	void salesGetNotFoundForAnotherOwnersCustomer() throws Exception {
		String sales = this.fixtures.user(Role.SALES);
		String foreign = this.fixtures.customer(this.fixtures.user(Role.SALES));
		String own = this.fixtures.customer(sales);

		for (String tab : new String[] { "contacts", "communications", "reports", "documents", "timeline" }) {
			this.mvc.perform(get("/customers/{code}/" + tab, foreign).with(signedIn(sales, Role.SALES)))
				.andExpect(status().isNotFound());
			this.mvc.perform(get("/customers/{code}/" + tab, own).with(signedIn(sales, Role.SALES)))
				.andExpect(status().isOk());
		}
	}

	private org.springframework.test.web.servlet.ResultActions tab(String tab, String language) throws Exception {
		return this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/customers/{code}/" + tab, this.code)
				.with(signedIn(this.analyst, Role.CREDIT_ANALYST))
				.header("Accept-Language", language))
			.andExpect(status().isOk());
	}

}
