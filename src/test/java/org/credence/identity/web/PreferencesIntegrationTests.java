package org.credence.identity.web;

import java.util.List;

import org.credence.IntegrationTest;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.TestUsers;
import org.credence.identity.UserSummary;
import org.credence.identity.Users;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class PreferencesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	CurrentUser currentUser;

	@Test
	void savesLanguageAndAmountUnitAndSwitchesTheLanguageAtOnce() throws Exception {
		String sales = TestUsers.create(this.users, this.currentUser, Role.SALES);
		MockHttpSession session = new MockHttpSession();

		this.mvc.perform(get("/preferences").session(session).header("Accept-Language", "zh-CN").with(as(sales)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("个人设置")));

		this.mvc
			.perform(post("/preferences").session(session)
				.header("Accept-Language", "zh-CN")
				.with(csrf())
				.with(as(sales))
				.param("language", "en")
				.param("amountUnit", "WAN_YUAN"))
			.andExpect(redirectedUrl("/preferences"))
			.andExpect(flash().attribute("flashSuccess", "Preferences saved."));

		UserSummary saved = this.users.find(sales).orElseThrow();
		assertThat(saved.locale()).isEqualTo("en");
		assertThat(saved.amountUnit()).isEqualTo("WAN_YUAN");
		this.mvc.perform(get("/preferences").session(session).header("Accept-Language", "zh-CN").with(as(sales)))
			.andExpect(content().string(containsString("Show large amounts in")))
			.andExpect(content().string(containsString("<option value=\"WAN_YUAN\" selected=\"selected\">")));
	}

	@Test
	void refusesAnUnknownLanguageOrUnit() throws Exception {
		String sales = TestUsers.create(this.users, this.currentUser, Role.SALES);

		this.mvc.perform(
				post("/preferences").with(csrf()).with(as(sales)).param("language", "fr").param("amountUnit", "EUR"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "language", "amountUnit"));
		assertThat(this.users.find(sales).orElseThrow().amountUnit()).isEqualTo("YUAN");
	}

	private static RequestPostProcessor as(String username) {
		return user(username).authorities(CurrentUser.Authorities.of(List.of(Role.SALES)));
	}

}
