package org.credence.integration.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.credence.IntegrationTest;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.TestUsers;
import org.credence.identity.Users;
import org.credence.identity.Role;
import org.credence.integration.imports.FailingImporterConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.integration.web.ImportControllerIntegrationTests.csv;
import static org.credence.integration.web.ImportControllerIntegrationTests.file;
import static org.credence.integration.web.ImportControllerIntegrationTests.prefix;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
@Import(FailingImporterConfiguration.class)
class ImportPageControllerIntegrationTests {

	static final String WRONG_CHECK_DIGIT = "91440300708461136A";

	@Autowired
	MockMvc mvc;

	@Autowired
	Customers customers;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	Users users;

	// real accounts: an open session whose account does not exist is logged out
	String analystName;

	String salesName;

	@BeforeEach
	void createUsers() {
		this.analystName = TestUsers.create(this.users, this.currentUser, Role.CREDIT_ANALYST);
		this.salesName = TestUsers.create(this.users, this.currentUser, Role.SALES);
	}

	@Test
	void thePageExplainsTheColumnsAndOffersTheTemplate() throws Exception {
		this.mvc.perform(get("/imports/customers").header("Accept-Language", "zh-CN").with(analyst()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("导入客户")))
			.andExpect(content().string(containsString("统一社会信用代码")))
			.andExpect(content().string(containsString("/imports/customers/template")))
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(not(containsString("??"))));
		this.mvc.perform(get("/imports/customers").header("Accept-Language", "en").with(analyst()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Import customers")))
			.andExpect(content().string(containsString("Import the good rows, report the others")))
			.andExpect(content().string(not(containsString("??"))));
	}

	@Test
	void anUploadShowsTheCountsAndEachProblem() throws Exception {
		String p = prefix();
		byte[] file = csv("客户编码,客户名称,统一社会信用代码", p + "-1,甲公司,91440300708461136T", p + "-2,乙公司," + WRONG_CHECK_DIGIT)
			.getBytes(ImportControllerIntegrationTests.GBK);

		this.mvc
			.perform(multipart("/imports/customers").file(file("客户.csv", file))
				.param("mode", "partial")
				.header("Accept-Language", "zh-CN")
				.with(analyst())
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已导入 1 行，1 行未导入")))
			.andExpect(content().string(containsString("<td class=\"mono\">uscc</td>")))
			.andExpect(content().string(not(containsString("??"))));

		assertThat(this.currentUser.asSystem(() -> this.customers.find(p + "-1"))).isPresent();
	}

	@Test
	void aFileWithAWrongHeaderIsRefusedOnThePage() throws Exception {
		this.mvc
			.perform(multipart("/imports/customers")
				.file(file("c.csv", csv("code,name,Fax", "X-1,Alpha,1").getBytes(StandardCharsets.UTF_8)))
				.header("Accept-Language", "en")
				.with(analyst())
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The file was not imported.")))
			.andExpect(content().string(containsString("Unknown column “Fax”.")));
	}

	@Test
	void theTemplateDownloadsFromThePage() throws Exception {
		this.mvc.perform(get("/imports/customers/template").with(analyst()))
			.andExpect(status().isOk())
			.andExpect(content().contentType(ImportController.XLSX));
	}

	@Test
	void usersWithoutTheImportPermissionMayNotOpenThePage() throws Exception {
		this.mvc
			.perform(get("/imports/customers")
				.with(user(this.salesName).authorities(CurrentUser.Authorities.of(List.of(Role.SALES)))))
			.andExpect(status().isForbidden());
	}

	RequestPostProcessor analyst() {
		return user(this.analystName).authorities(CurrentUser.Authorities.of(List.of(Role.CREDIT_ANALYST)));
	}

}
