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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.credence.customer.ActivityFixtures.basic;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class DocumentApiWebTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	/** SHA-256 of {@link #PDF}. */
	String checksum;

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

	String code;

	@BeforeEach
	void setUp() throws Exception {
		this.fixtures = new ActivityFixtures(this.users, this.customers, this.currentUser);
		this.analyst = this.fixtures.user(Role.CREDIT_ANALYST);
		this.code = this.fixtures.customer();
		this.checksum = java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(PDF));
	}

	@Test
	void downloadsTheSameBytesUnderTheChineseFileName() throws Exception {
		String created = this.mvc
			.perform(multipart("/api/v1/customers/{code}/documents", this.code)
				.file(new MockMultipartFile("file", "资信证明.pdf", "application/octet-stream", PDF))
				.param("type", "BANK_CREDIT_CERTIFICATE")
				.param("title", "中国银行资信证明")
				.with(basic(this.analyst)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.sha256").value(this.checksum))
			.andExpect(jsonPath("$.contentType").value("application/pdf"))
			.andExpect(jsonPath("$.fileName").value("资信证明.pdf"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		long id = Long.parseLong(created.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));

		// an auditor reads the credit file, so may download its documents
		String auditor = this.fixtures.user(Role.AUDITOR);
		this.mvc.perform(get("/api/v1/customers/{code}/documents/{id}/content", this.code, id).with(basic(auditor)))
			.andExpect(status().isOk())
			.andExpect(content().bytes(PDF))
			.andExpect(content().contentType("application/pdf"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("Content-Disposition",
					containsString("filename*=UTF-8''%E8%B5%84%E4%BF%A1%E8%AF%81%E6%98%8E.pdf")))
			.andExpect(header().string("X-Checksum-SHA256", this.checksum));
	}

	@Test
	void refusesATextFileRenamedToPdfWithAFieldError() throws Exception {
		this.mvc
			.perform(multipart("/api/v1/customers/{code}/documents", this.code)
				.file(new MockMultipartFile("file", "contract.pdf", "application/pdf",
						"plain text".getBytes(StandardCharsets.UTF_8)))
				.param("type", "CONTRACT")
				.header("Accept-Language", "en")
				.with(basic(this.analyst)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("The content of the file is not a PDF file, as its name claims."));
	}

	@Test
	void refusesAnExecutableAndAMissingType() throws Exception {
		this.mvc
			.perform(multipart("/api/v1/customers/{code}/documents", this.code)
				.file(new MockMultipartFile("file", "setup.exe", "application/octet-stream",
						new byte[] { 'M', 'Z', 0, 0 }))
				.with(basic(this.analyst)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'file')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'type')]").exists());
	}

	@Test
	void aDeletedDocumentCanNoLongerBeDownloaded() throws Exception {
		String created = this.mvc
			.perform(multipart("/api/v1/customers/{code}/documents", this.code)
				.file(new MockMultipartFile("file", "合同.pdf", "application/pdf", PDF))
				.param("type", "CONTRACT")
				.with(basic(this.analyst)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		long id = Long.parseLong(created.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));

		this.mvc
			.perform(delete("/api/v1/customers/{code}/documents/{id}", this.code, id).param("reason", "duplicate")
				.with(basic(this.analyst)))
			.andExpect(status().isNoContent());

		this.mvc
			.perform(get("/api/v1/customers/{code}/documents/{id}/content", this.code, id).with(basic(this.analyst)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/customers/{code}/documents", this.code).with(basic(this.analyst)))
			.andExpect(jsonPath("$.total").value(0));
	}

}
