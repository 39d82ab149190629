package org.credence;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class PlatformEndpointsTests {

	@Autowired
	MockMvc mvc;

	@Test
	void reportsHealthWithoutLogin() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
	}

	@Test
	void publishesTheOpenApiDescriptionOfThePublicApi() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/customers'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/customers/{code}'].patch").exists());
		this.mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
	}

	@Test
	void sendsAnonymousBrowsersToTheLoginPageWithSecurityHeaders() throws Exception {
		this.mvc.perform(get("/customers"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
		this.mvc.perform(get("/login").header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("登录")))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")));
	}

	@Test
	void answersMissingCredentialsInTheCallersLanguage() throws Exception {
		this.mvc.perform(get("/api/v1/customers").header("Accept-Language", "zh-CN"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.title").value("需要身份认证"));
		this.mvc.perform(get("/api/v1/customers").header("Accept-Language", "en"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.title").value("Authentication required"));
	}

	@Test
	void refusesAPasswordLongerThanBcryptCanUseAsAFieldError() throws Exception {
		String password = "密码".repeat(13);
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/users")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.httpBasic("admin", "admin-password-for-tests"))
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content("{\"username\":\"long.password\",\"displayName\":\"Long\",\"roles\":[\"SALES\"],"
						+ "\"password\":\"" + password + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("password"));
	}

}
