package org.credence.identity.web;

import com.jayway.jsonpath.JsonPath;
import org.credence.IntegrationTest;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.TestUsers;
import org.credence.identity.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class UserApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	CurrentUser currentUser;

	String admin;

	@BeforeEach
	void createAdmin() {
		this.admin = TestUsers.create(this.users, this.currentUser, Role.ADMIN);
	}

	@Test
	void createsAUserWith201AndLocationButNeverThePassword() throws Exception {
		String username = TestUsers.uniqueName();

		this.mvc.perform(asAdmin(post("/api/v1/users")).content("""
				{"username": "%s", "displayName": "王芳", "email": "wang.fang@example.com",
				 "roles": ["SALES"], "password": "sales-password-1"}
				""".formatted(username)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", endsWith("/api/v1/users/" + username)))
			.andExpect(jsonPath("$.username").value(username))
			.andExpect(jsonPath("$.displayName").value("王芳"))
			.andExpect(jsonPath("$.roles[0]").value("SALES"))
			.andExpect(jsonPath("$.enabled").value(true))
			.andExpect(jsonPath("$.password").doesNotExist())
			.andExpect(jsonPath("$.passwordHash").doesNotExist())
			.andExpect(content().string(not(containsString("sales-password-1"))))
			.andExpect(content().string(not(containsString("{bcrypt}"))));

		assertThat(this.users.find(username))
			.hasValueSatisfying(user -> assertThat(user.roles()).containsOnly(Role.SALES));
	}

	@Test
	void refusesAUserWithoutUserManagementWith403ProblemDetails() throws Exception {
		String sales = TestUsers.create(this.users, this.currentUser, Role.SALES);

		this.mvc
			.perform(post("/api/v1/users").with(httpBasic(sales, TestUsers.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"username": "%s", "displayName": "X", "roles": ["ADMIN"], "password": "sales-password-1"}
						""".formatted(TestUsers.uniqueName())))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(403));
		this.mvc.perform(get("/api/v1/users").with(httpBasic(sales, TestUsers.PASSWORD)))
			.andExpect(status().isForbidden());
	}

	@Test
	void answersAnInvalidBodyWith400NamingEachField() throws Exception {
		this.mvc.perform(asAdmin(post("/api/v1/users")).header("Accept-Language", "en").content("""
				{"username": "Not Valid", "displayName": "", "email": "no-at-sign", "roles": [], "password": "short"}
				"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Invalid input"))
			.andExpect(jsonPath("$.errors[*].field")
				.value(containsInAnyOrder("username", "displayName", "email", "roles", "password")))
			.andExpect(
					jsonPath("$.errors[?(@.field == 'password')].message").value(hasItem("At least 10 characters.")));
	}

	@Test
	void answersInChineseWhenTheCallerAsksForIt() throws Exception {
		this.mvc.perform(asAdmin(post("/api/v1/users")).header("Accept-Language", "zh-CN").content("""
				{"username": "Not Valid", "displayName": "王芳", "roles": ["SALES"], "password": "short"}
				"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("输入有误"))
			.andExpect(jsonPath("$.errors[?(@.field == 'username')].message")
				.value(hasItem("小写字母、数字、点、横线和下划线，2 至 64 个字符。")))
			.andExpect(jsonPath("$.errors[?(@.field == 'password')].message").value(hasItem("至少 10 个字符。")));

		this.mvc
			.perform(asAdmin(get("/api/v1/users/nobody-" + TestUsers.uniqueName())).header("Accept-Language", "zh-CN"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.title").value("未找到"))
			.andExpect(jsonPath("$.detail", startsWith("用户 ")));
	}

	@Test
	void answersADuplicateUserNameWith409() throws Exception {
		String taken = TestUsers.create(this.users, this.currentUser, Role.FINANCE);

		this.mvc.perform(asAdmin(post("/api/v1/users")).header("Accept-Language", "en").content("""
				{"username": "%s", "displayName": "Again", "roles": ["FINANCE"], "password": "another-password"}
				""".formatted(taken)))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("The user " + taken + " already exists."));
	}

	@Test
	void listsUsersAPageAtATime() throws Exception {
		TestUsers.create(this.users, this.currentUser, Role.SALES);

		this.mvc.perform(asAdmin(get("/api/v1/users?page=0&size=2")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(2)))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(2))
			.andExpect(jsonPath("$.total").value(greaterThanOrEqualTo(3)))
			.andExpect(content().string(not(containsString("password"))));
		this.mvc.perform(asAdmin(get("/api/v1/users?page=10000&size=500")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(0)))
			.andExpect(jsonPath("$.size").value(lessThanOrEqualTo(500)));
	}

	@Test
	void changesRolesAndDisablesAUserWhoThenCannotLogIn() throws Exception {
		String analyst = TestUsers.create(this.users, this.currentUser, Role.CREDIT_ANALYST);

		this.mvc.perform(asAdmin(patch("/api/v1/users/" + analyst)).content("""
				{"roles": ["AUDITOR"], "enabled": false}
				"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.roles", hasSize(1)))
			.andExpect(jsonPath("$.roles[0]").value("AUDITOR"))
			.andExpect(jsonPath("$.enabled").value(false))
			.andExpect(jsonPath("$.displayName").value("Test " + analyst));

		this.mvc.perform(get("/api/v1/audit?size=1").with(httpBasic(analyst, TestUsers.PASSWORD)))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void refusesToTakeAwayEveryRole() throws Exception {
		String sales = TestUsers.create(this.users, this.currentUser, Role.SALES);

		this.mvc.perform(asAdmin(patch("/api/v1/users/" + sales)).header("Accept-Language", "en").content("""
				{"roles": []}
				"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("roles"))
			.andExpect(jsonPath("$.errors[0].message").value("Choose at least one role."));
	}

	@Test
	void answersAnUnknownUserWith404() throws Exception {
		this.mvc.perform(asAdmin(get("/api/v1/users/" + TestUsers.uniqueName())))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(asAdmin(patch("/api/v1/users/" + TestUsers.uniqueName())).content("{}"))
			.andExpect(status().isNotFound());
	}

	@Test
	void issuesListsAndRevokesApiTokensShowingTheSecretOnlyOnce() throws Exception {
		String erp = TestUsers.create(this.users, this.currentUser, Role.FINANCE);

		String body = this.mvc.perform(asAdmin(post("/api/v1/users/" + erp + "/api-tokens")).content("""
				{"name": "ERP interface", "expiresOn": "2099-12-31"}
				"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isNumber())
			.andExpect(jsonPath("$.name").value("ERP interface"))
			.andExpect(jsonPath("$.token", startsWith("cred_")))
			.andExpect(jsonPath("$.expiresOn").value("2099-12-31"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String token = JsonPath.read(body, "$.token");
		Number id = JsonPath.read(body, "$.id");

		this.mvc.perform(asAdmin(get("/api/v1/users/" + erp + "/api-tokens")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].name").value("ERP interface"))
			.andExpect(jsonPath("$.items[0].prefix").value(token.substring(0, 11)))
			.andExpect(jsonPath("$.items[0].status").value("ACTIVE"))
			.andExpect(jsonPath("$.items[0].token").doesNotExist())
			.andExpect(content().string(not(containsString(token))));

		this.mvc.perform(asAdmin(delete("/api/v1/users/" + erp + "/api-tokens/" + id)))
			.andExpect(status().isNoContent());
		this.mvc.perform(asAdmin(get("/api/v1/users/" + erp + "/api-tokens")))
			.andExpect(jsonPath("$.items[0].status").value("REVOKED"));
		this.mvc.perform(asAdmin(delete("/api/v1/users/" + erp + "/api-tokens/" + id)))
			.andExpect(status().isNotFound());
	}

	@Test
	void refusesATokenWithoutNameOrExpiringInThePast() throws Exception {
		String erp = TestUsers.create(this.users, this.currentUser, Role.FINANCE);

		this.mvc.perform(asAdmin(post("/api/v1/users/" + erp + "/api-tokens")).content("""
				{"name": " "}
				""")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
		this.mvc.perform(asAdmin(post("/api/v1/users/" + erp + "/api-tokens")).content("""
				{"name": "Old", "expiresOn": "2000-01-01"}
				""")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("expiresOn"));
		this.mvc.perform(asAdmin(post("/api/v1/users/" + TestUsers.uniqueName() + "/api-tokens")).content("""
				{"name": "Nobody's"}
				""")).andExpect(status().isNotFound());
	}

	private MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
		return request.with(httpBasic(this.admin, TestUsers.PASSWORD)).contentType(MediaType.APPLICATION_JSON);
	}

}
