package org.credence.identity.web;

import java.util.Set;

import org.credence.IntegrationTest;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.TestUsers;
import org.credence.identity.UserChange;
import org.credence.identity.Users;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.endsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class SessionAccountCheckTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	CurrentUser currentUser;

	@Test
	void aDisabledUserLosesTheOpenSessionAtTheNextRequest() throws Exception {
		String analyst = TestUsers.create(this.users, this.currentUser, Role.CREDIT_ANALYST);
		MockHttpSession session = logIn(analyst);
		this.mvc.perform(get("/customers").session(session)).andExpect(status().isOk());

		this.currentUser.asSystem(() -> this.users.change(analyst, new UserChange(null, null, null, false, null)));

		this.mvc.perform(get("/customers").session(session))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", endsWith("/login")));
	}

	@Test
	void changedRolesApplyToTheOpenSessionAtOnce() throws Exception {
		String user = TestUsers.create(this.users, this.currentUser, Role.ADMIN);
		MockHttpSession session = logIn(user);
		this.mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk());

		this.currentUser
			.asSystem(() -> this.users.change(user, new UserChange(null, null, Set.of(Role.SALES), null, null)));

		this.mvc.perform(get("/admin/users").session(session)).andExpect(status().isForbidden());
		this.mvc.perform(get("/customers").session(session)).andExpect(status().isOk());
	}

	private MockHttpSession logIn(String username) throws Exception {
		return (MockHttpSession) this.mvc.perform(formLogin().user(username).password(TestUsers.PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getRequest()
			.getSession();
	}

}
