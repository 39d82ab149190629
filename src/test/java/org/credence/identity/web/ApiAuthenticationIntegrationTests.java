package org.credence.identity.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;

import org.credence.IntegrationTest;
import org.credence.TestClock;
import org.credence.identity.CurrentUser;
import org.credence.identity.IssuedToken;
import org.credence.identity.Role;
import org.credence.identity.TestUsers;
import org.credence.identity.UserChange;
import org.credence.identity.Users;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class ApiAuthenticationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void authenticatesHttpBasicWithTheUsersRoles() throws Exception {
		String auditor = TestUsers.create(this.users, this.currentUser, Role.AUDITOR);

		this.mvc.perform(get("/api/v1/audit/verification").with(httpBasic(auditor, TestUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.intact").value(true));
		this.mvc.perform(get("/api/v1/users").with(httpBasic(auditor, TestUsers.PASSWORD)))
			.andExpect(status().isForbidden());
	}

	@Test
	void answersMissingOrWrongCredentialsWith401ProblemDetails() throws Exception {
		String auditor = TestUsers.create(this.users, this.currentUser, Role.AUDITOR);

		this.mvc.perform(get("/api/v1/audit"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/v1/audit").with(httpBasic(auditor, "wrong-password")))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/audit").header("Authorization", "Bearer cred_not-a-real-token"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void authenticatesABearerTokenAsItsUserWithThatUsersRoles() throws Exception {
		String auditor = TestUsers.create(this.users, this.currentUser, Role.AUDITOR);
		IssuedToken token = issue(auditor, null);

		this.mvc.perform(get("/api/v1/audit?size=1").header("Authorization", "Bearer " + token.token()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.size").value(1));
		this.mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token.token()))
			.andExpect(status().isForbidden());

		String admin = TestUsers.create(this.users, this.currentUser, Role.ADMIN);
		IssuedToken adminToken = issue(admin, null);
		this.mvc.perform(get("/api/v1/users/" + auditor).header("Authorization", "Bearer " + adminToken.token()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.roles[0]").value("AUDITOR"));
	}

	@Test
	void refusesARevokedToken() throws Exception {
		String auditor = TestUsers.create(this.users, this.currentUser, Role.AUDITOR);
		IssuedToken token = issue(auditor, null);
		this.mvc.perform(get("/api/v1/audit?size=1").header("Authorization", "Bearer " + token.token()))
			.andExpect(status().isOk());

		this.currentUser.asSystem(() -> {
			this.users.revokeToken(auditor, token.id());
			return null;
		});

		this.mvc.perform(get("/api/v1/audit?size=1").header("Authorization", "Bearer " + token.token()))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void acceptsATokenOnItsLastDayAndRefusesItAfter() throws Exception {
		String auditor = TestUsers.create(this.users, this.currentUser, Role.AUDITOR);
		IssuedToken token = issue(auditor, LocalDate.now(this.clock));
		this.mvc.perform(get("/api/v1/audit?size=1").header("Authorization", "Bearer " + token.token()))
			.andExpect(status().isOk());

		this.clock.advance(Duration.ofDays(1));

		this.mvc.perform(get("/api/v1/audit?size=1").header("Authorization", "Bearer " + token.token()))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void refusesATokenOfADisabledUser() throws Exception {
		String auditor = TestUsers.create(this.users, this.currentUser, Role.AUDITOR);
		IssuedToken token = issue(auditor, null);

		this.currentUser.asSystem(() -> this.users.change(auditor, new UserChange(null, null, null, false, null)));

		this.mvc.perform(get("/api/v1/audit?size=1").header("Authorization", "Bearer " + token.token()))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void storesOnlyTheSha256HashOfAToken() throws Exception {
		String auditor = TestUsers.create(this.users, this.currentUser, Role.AUDITOR);
		IssuedToken token = issue(auditor, null);

		String storedHash = this.jdbc.sql("select token_hash from identity.api_token where id = :id")
			.param("id", token.id())
			.query(String.class)
			.single();
		String storedRow = this.jdbc.sql("select t::text from identity.api_token t where id = :id")
			.param("id", token.id())
			.query(String.class)
			.single();
		String sha256 = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(token.token().getBytes(StandardCharsets.UTF_8)));

		assertThat(storedHash).isEqualTo(sha256);
		// the row keeps the first 11 characters (cred_ and six more) to recognise the
		// token by
		assertThat(storedRow).doesNotContain(token.token()).doesNotContain(token.token().substring(11));
		long inAuditTrail = this.jdbc
			.sql("select count(*) from identity.audit_entry where coalesce(after_state, '') like :token")
			.param("token", "%" + token.token() + "%")
			.query(Long.class)
			.single();
		assertThat(inAuditTrail).isZero();
	}

	private IssuedToken issue(String username, @Nullable LocalDate expiresOn) {
		return this.currentUser.asSystem(() -> this.users.issueToken(username, "test", expiresOn));
	}

}
