package org.credence.identity.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.credence.IntegrationTest;
import org.credence.TestClock;
import org.credence.identity.ApiTokenSummary;
import org.credence.identity.AuditEntry;
import org.credence.identity.AuditRecord;
import org.credence.identity.AuditTampering;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.IssuedToken;
import org.credence.identity.NewUser;
import org.credence.identity.Role;
import org.credence.identity.TestUsers;
import org.credence.identity.UserSummary;
import org.credence.identity.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@IntegrationTest
@AutoConfigureMockMvc
class AdminPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	TestClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void showsAdministratorsTheUsersWithLocalizedRolesAndStatus() throws Exception {
		String sales = TestUsers.create(this.users, this.currentUser, Role.SALES);

		this.mvc.perform(english(get("/admin/users")).with(as(Role.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(view().name("identity/users"))
			.andExpect(content().string(containsString(sales)))
			.andExpect(content().string(containsString("Sales")))
			.andExpect(content().string(containsString("Enabled")));
		this.mvc.perform(get("/admin/users").header("Accept-Language", "zh-CN").with(as(Role.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("销售")))
			.andExpect(content().string(containsString("新建用户")));
	}

	@Test
	void refusesAdministrationPagesToSalesAndUserPagesToAuditors() throws Exception {
		for (String page : List.of("/admin/users", "/admin/users/new", "/admin/audit")) {
			this.mvc.perform(get(page).with(as(Role.SALES))).andExpect(status().isForbidden());
		}
		this.mvc.perform(post("/admin/users/new").with(csrf()).with(as(Role.SALES)).param("username", "x"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/users").with(as(Role.AUDITOR))).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/audit").with(as(Role.AUDITOR))).andExpect(status().isOk());
	}

	@Test
	void keepsWhatWasTypedAndShowsEachProblemBesideItsField() throws Exception {
		this.mvc
			.perform(english(post("/admin/users/new")).with(csrf())
				.with(as(Role.ADMIN))
				.param("username", "Not Valid")
				.param("displayName", "Li Ming")
				.param("email", "li.ming@example.com")
				.param("password", "short"))
			.andExpect(status().isOk())
			.andExpect(view().name("identity/user-new"))
			.andExpect(model().attributeHasFieldErrors("form", "username", "roles", "password"))
			.andExpect(content().string(containsString("value=\"Li Ming\"")))
			.andExpect(content().string(containsString("value=\"Not Valid\"")))
			.andExpect(content().string(containsString("Choose at least one role.")))
			.andExpect(content().string(containsString("At least 10 characters.")))
			.andExpect(content().string(not(containsString("value=\"short\""))));
	}

	@Test
	void showsTheProblemsInChineseForAChineseUser() throws Exception {
		this.mvc
			.perform(post("/admin/users/new").header("Accept-Language", "zh-CN")
				.with(csrf())
				.with(as(Role.ADMIN))
				.param("username", "Not Valid")
				.param("displayName", "李明")
				.param("password", "short"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请至少选择一个角色。")))
			.andExpect(content().string(containsString("value=\"李明\"")));
	}

	@Test
	void createsAUserAndConfirmsIt() throws Exception {
		String username = TestUsers.uniqueName();

		this.mvc
			.perform(english(post("/admin/users/new")).with(csrf())
				.with(as(Role.ADMIN))
				.param("username", username)
				.param("displayName", "王芳")
				.param("email", "")
				.param("roles", "SALES", "COLLECTOR")
				.param("password", "a-good-password"))
			.andExpect(redirectedUrl("/admin/users/" + username))
			.andExpect(flash().attribute("flashSuccess", "User " + username + " created."));

		UserSummary created = this.users.find(username).orElseThrow();
		assertThat(created.displayName()).isEqualTo("王芳");
		assertThat(created.email()).isNull();
		assertThat(created.roles()).containsOnly(Role.SALES, Role.COLLECTOR);
	}

	@Test
	void refusesATakenUserNameBesideTheField() throws Exception {
		String taken = TestUsers.create(this.users, this.currentUser, Role.SALES);

		this.mvc
			.perform(english(post("/admin/users/new")).with(csrf())
				.with(as(Role.ADMIN))
				.param("username", taken)
				.param("displayName", "Again")
				.param("roles", "SALES")
				.param("password", "a-good-password"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "username", "identity.user.exists"))
			.andExpect(content().string(containsString("The user " + taken + " already exists.")));
	}

	@Test
	void changesRolesAndStatusAndKeepsThePasswordWhenLeftEmpty() throws Exception {
		String username = TestUsers.create(this.users, this.currentUser, Role.SALES);
		String hashBefore = passwordHash(username);

		this.mvc.perform(english(get("/admin/users/" + username)).with(as(Role.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(view().name("identity/user-edit"))
			.andExpect(content().string(containsString("value=\"Test " + username + "\"")))
			.andExpect(content().string(containsString("No API tokens yet.")));

		this.mvc
			.perform(english(post("/admin/users/" + username)).with(csrf())
				.with(as(Role.ADMIN))
				.param("displayName", "Renamed")
				.param("email", "renamed@example.com")
				.param("roles", "AUDITOR", "FINANCE")
				.param("password", ""))
			.andExpect(redirectedUrl("/admin/users/" + username))
			.andExpect(flash().attribute("flashSuccess", "User " + username + " saved."));

		UserSummary changed = this.users.find(username).orElseThrow();
		assertThat(changed.displayName()).isEqualTo("Renamed");
		assertThat(changed.email()).isEqualTo("renamed@example.com");
		assertThat(changed.roles()).containsOnly(Role.AUDITOR, Role.FINANCE);
		assertThat(changed.enabled()).as("no enabled box ticked").isFalse();
		assertThat(passwordHash(username)).isEqualTo(hashBefore);
	}

	@Test
	void removesTheEmailWhenTheFieldIsEmptied() throws Exception {
		String username = TestUsers.uniqueName();
		this.currentUser.asSystem(() -> this.users
			.create(new NewUser(username, "Li Ming", "li.ming@example.com", Set.of(Role.SALES), TestUsers.PASSWORD)));

		this.mvc
			.perform(english(post("/admin/users/" + username)).with(csrf())
				.with(as(Role.ADMIN))
				.param("displayName", "Li Ming")
				.param("email", " ")
				.param("roles", "SALES")
				.param("enabled", "true"))
			.andExpect(redirectedUrl("/admin/users/" + username));

		assertThat(this.users.find(username).orElseThrow().email()).isNull();
	}

	@Test
	void refusesToLetAnAdministratorDisableTheirOwnAccount() throws Exception {
		String admin = TestUsers.create(this.users, this.currentUser, Role.ADMIN);

		this.mvc
			.perform(english(post("/admin/users/" + admin)).with(csrf())
				.with(user(admin).authorities(CurrentUser.Authorities.of(List.of(Role.ADMIN))))
				.param("displayName", "Myself")
				.param("roles", "ADMIN"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "enabled", "identity.user.cannot-disable-self"))
			.andExpect(content().string(containsString("You cannot disable your own account.")));
		assertThat(this.users.find(admin).orElseThrow().enabled()).isTrue();
	}

	@Test
	void refusesAnEditWithoutRolesOrWithAShortPassword() throws Exception {
		String username = TestUsers.create(this.users, this.currentUser, Role.SALES);

		this.mvc
			.perform(english(post("/admin/users/" + username)).with(csrf())
				.with(as(Role.ADMIN))
				.param("displayName", "Kept Name")
				.param("enabled", "true")
				.param("password", "short"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "roles", "password"))
			.andExpect(content().string(containsString("value=\"Kept Name\"")));
		assertThat(this.users.find(username).orElseThrow().roles()).containsOnly(Role.SALES);
	}

	@Test
	void showsAnIssuedTokenOnceAndRevokesItAfterConfirmation() throws Exception {
		String username = TestUsers.create(this.users, this.currentUser, Role.FINANCE);

		MvcResult issued = this.mvc
			.perform(english(post("/admin/users/" + username + "/api-tokens")).with(csrf())
				.with(as(Role.ADMIN))
				.param("name", "ERP interface")
				.param("expiresOn", "2099-12-31"))
			.andExpect(redirectedUrl("/admin/users/" + username))
			.andReturn();
		IssuedToken token = (IssuedToken) issued.getFlashMap().get("issuedToken");
		assertThat(token.token()).startsWith("cred_");

		this.mvc.perform(english(get("/admin/users/" + username)).with(as(Role.ADMIN)).flashAttrs(issued.getFlashMap()))
			.andExpect(content().string(containsString(token.token())))
			.andExpect(content().string(containsString("It will not be shown again")))
			.andExpect(content().string(containsString("data-confirm=\"Revoke the token")));
		this.mvc.perform(english(get("/admin/users/" + username)).with(as(Role.ADMIN)))
			.andExpect(content().string(not(containsString(token.token()))))
			.andExpect(content().string(containsString(token.token().substring(0, 11))))
			.andExpect(content().string(containsString("2099-12-31")));

		this.mvc
			.perform(english(post("/admin/users/" + username + "/api-tokens/" + token.id() + "/revoke")).with(csrf())
				.with(as(Role.ADMIN)))
			.andExpect(redirectedUrl("/admin/users/" + username))
			.andExpect(flash().attribute("flashSuccess", "Token " + token.id() + " revoked."));
		List<ApiTokenSummary> tokens = this.currentUser.asSystem(() -> this.users.tokens(username));
		assertThat(tokens).singleElement().satisfies(t -> assertThat(t.revokedAt()).isNotNull());
	}

	@Test
	void refusesATokenWithoutNameBesideTheField() throws Exception {
		String username = TestUsers.create(this.users, this.currentUser, Role.FINANCE);

		this.mvc
			.perform(english(post("/admin/users/" + username + "/api-tokens")).with(csrf())
				.with(as(Role.ADMIN))
				.param("name", "")
				.param("expiresOn", "2000-01-01"))
			.andExpect(status().isOk())
			.andExpect(view().name("identity/user-edit"))
			.andExpect(model().attributeHasFieldErrors("tokenForm", "name"));
		this.mvc
			.perform(english(post("/admin/users/" + username + "/api-tokens")).with(csrf())
				.with(as(Role.ADMIN))
				.param("name", "Old")
				.param("expiresOn", "2000-01-01"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("tokenForm", "expiresOn", "identity.token.expires-in-past"))
			.andExpect(content().string(containsString("The expiry date lies in the past.")));
	}

	@Test
	void answersAnUnknownUserWith404() throws Exception {
		this.mvc.perform(get("/admin/users/" + TestUsers.uniqueName()).with(as(Role.ADMIN)))
			.andExpect(status().isNotFound());
	}

	@Test
	void showsTheAuditTrailFilteredWithTimesInTheCompanyZone() throws Exception {
		String subject = "customer/" + TestUsers.uniqueName();
		this.clock.setInstant(Instant.parse("2026-01-05T02:03:04Z"));
		this.auditTrail.record(AuditRecord.created(subject, "customer", "HD-0001", Map.of("name", "华东精密")));
		this.clock.reset();

		this.mvc
			.perform(english(get("/admin/audit").param("subject", subject).param("size", "20")).with(as(Role.AUDITOR)))
			.andExpect(status().isOk())
			.andExpect(view().name("identity/audit"))
			.andExpect(content().string(containsString("2026-01-05 10:03:04")))
			.andExpect(content().string(containsString("audit-json")))
			.andExpect(content().string(containsString("华东精密")))
			.andExpect(content().string(containsString("value=\"" + subject + "\"")))
			.andExpect(content().string(containsString("1 in all")));
		this.mvc
			.perform(english(get("/admin/audit").param("subject", subject).param("from", "2026-01-06"))
				.with(as(Role.AUDITOR)))
			.andExpect(content().string(containsString("No audit entries match.")));
	}

	@Test
	void pagesThroughTheAuditTrailKeepingTheFilters() throws Exception {
		String subject = "customer/" + TestUsers.uniqueName();
		for (int i = 0; i < 3; i++) {
			this.auditTrail.record(AuditRecord.created(subject, "customer", "X" + i, Map.of("n", i)));
		}

		this.mvc
			.perform(english(get("/admin/audit").param("subject", subject).param("size", "2")).with(as(Role.AUDITOR)))
			.andExpect(content().string(containsString("Page 1 of 2")))
			.andExpect(content()
				.string(containsString("href=\"/admin/audit?subject=" + subject + "&amp;size=2&amp;page=1\"")));
	}

	@Test
	void verifiesTheChainOnRequest() throws Exception {
		this.mvc.perform(english(post("/admin/audit/verification")).with(csrf()).with(as(Role.AUDITOR)))
			.andExpect(redirectedUrl("/admin/audit"))
			.andExpect(flash().attribute("flashSuccess", containsString("The audit trail is intact")));
	}

	@Test
	void reportsWhereTheChainIsBroken() throws Exception {
		AuditEntry entry = this.auditTrail.record(AuditRecord.created(null, "test", TestUsers.uniqueName(), null));
		try {
			AuditTampering.setReason(this.dataSource, entry.seq(), "quietly changed");

			this.mvc.perform(english(post("/admin/audit/verification")).with(csrf()).with(as(Role.AUDITOR)))
				.andExpect(redirectedUrl("/admin/audit"))
				.andExpect(flash().attribute("flashWarning",
						"The audit trail is broken at entry " + entry.seq() + " (content changed)."));
		}
		finally {
			AuditTampering.setReason(this.dataSource, entry.seq(), null);
		}
	}

	private String passwordHash(String username) {
		return this.jdbc.sql("select password_hash from identity.user_account where username = :u")
			.param("u", username)
			.query(String.class)
			.single();
	}

	private static MockHttpServletRequestBuilder english(MockHttpServletRequestBuilder request) {
		return request.header("Accept-Language", "en");
	}

	private RequestPostProcessor as(Role role) {
		String username = TestUsers.create(this.users, this.currentUser, role);
		return user(username).authorities(CurrentUser.Authorities.of(List.of(role)));
	}

}
