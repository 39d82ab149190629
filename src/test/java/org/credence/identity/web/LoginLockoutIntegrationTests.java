package org.credence.identity.web;

import java.time.Duration;

import org.credence.IntegrationTest;
import org.credence.TestClock;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.TestUsers;
import org.credence.identity.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class LoginLockoutIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	TestClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void locksAnAccountForFifteenMinutesAfterFiveWrongPasswordsOverHttpBasic() throws Exception {
		String admin = TestUsers.create(this.users, this.currentUser, Role.ADMIN);
		for (int attempt = 1; attempt <= 5; attempt++) {
			this.mvc.perform(get("/api/v1/users?size=1").with(httpBasic(admin, "wrong-password-" + attempt)))
				.andExpect(status().isUnauthorized());
		}

		this.mvc.perform(get("/api/v1/users?size=1").with(httpBasic(admin, TestUsers.PASSWORD)))
			.andExpect(status().isUnauthorized());
		assertThat(this.users.find(admin).orElseThrow().lockedUntil()).isNotNull();

		this.clock.advance(Duration.ofMinutes(14));
		this.mvc.perform(get("/api/v1/users?size=1").with(httpBasic(admin, TestUsers.PASSWORD)))
			.andExpect(status().isUnauthorized());

		this.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
		this.mvc.perform(get("/api/v1/users?size=1").with(httpBasic(admin, TestUsers.PASSWORD)))
			.andExpect(status().isOk());
		assertThat(this.users.find(admin).orElseThrow().lockedUntil()).isNull();
	}

	@Test
	void locksAnAccountAfterFiveWrongPasswordsInTheLoginForm() throws Exception {
		String sales = TestUsers.create(this.users, this.currentUser, Role.SALES);
		for (int attempt = 1; attempt <= 5; attempt++) {
			this.mvc.perform(formLogin("/login").user(sales).password("wrong-password-" + attempt))
				.andExpect(unauthenticated())
				.andExpect(redirectedUrl("/login?error"))
				.andExpect(request().sessionAttribute(WebAttributes.AUTHENTICATION_EXCEPTION,
						instanceOf(BadCredentialsException.class)));
		}

		this.mvc.perform(formLogin("/login").user(sales).password(TestUsers.PASSWORD))
			.andExpect(unauthenticated())
			.andExpect(request().sessionAttribute(WebAttributes.AUTHENTICATION_EXCEPTION,
					instanceOf(LockedException.class)));

		this.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
		this.mvc.perform(formLogin("/login").user(sales).password(TestUsers.PASSWORD))
			.andExpect(authenticated().withUsername(sales))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void forgetsEarlierFailuresAfterASuccessfulLogin() throws Exception {
		String sales = TestUsers.create(this.users, this.currentUser, Role.SALES);
		for (int attempt = 1; attempt <= 4; attempt++) {
			this.mvc.perform(formLogin("/login").user(sales).password("wrong-password-" + attempt))
				.andExpect(unauthenticated());
		}
		this.mvc.perform(formLogin("/login").user(sales).password(TestUsers.PASSWORD))
			.andExpect(authenticated().withUsername(sales));

		this.mvc.perform(formLogin("/login").user(sales).password("wrong-again")).andExpect(unauthenticated());
		this.mvc.perform(formLogin("/login").user(sales).password(TestUsers.PASSWORD))
			.andExpect(authenticated().withUsername(sales));
	}

	@Test
	void showsTheLockOnTheLoginPage() throws Exception {
		String sales = TestUsers.create(this.users, this.currentUser, Role.SALES);
		for (int attempt = 1; attempt <= 5; attempt++) {
			this.mvc.perform(formLogin("/login").user(sales).password("wrong-password-" + attempt));
		}
		var session = (MockHttpSession) this.mvc.perform(formLogin("/login").user(sales).password(TestUsers.PASSWORD))
			.andReturn()
			.getRequest()
			.getSession();

		this.mvc.perform(get("/login").session(session).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This account is locked")));
	}

}
