package org.credence.customer;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.credence.identity.CurrentUser;
import org.credence.identity.NewUser;
import org.credence.identity.Role;
import org.credence.identity.Users;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Test data for the credit file's satellite records: users with one role, customers with
 * unique codes (tests share one database), and work done as a given user.
 */
public class ActivityFixtures {

	public static final String PASSWORD = "password-for-tests-1";

	private final Users users;

	private final Customers customers;

	private final CurrentUser currentUser;

	public ActivityFixtures(Users users, Customers customers, CurrentUser currentUser) {
		this.users = users;
		this.customers = customers;
		this.currentUser = currentUser;
	}

	public static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A new enabled user with one role; returns the user name. */
	public String user(Role role) {
		String username = unique(role.name().toLowerCase().replace('_', '.'));
		this.currentUser
			.asSystem(() -> this.users.create(new NewUser(username, "Test " + username, null, Set.of(role), PASSWORD)));
		return username;
	}

	/** A new customer without owner; returns its code. */
	public String customer() {
		return customer(null);
	}

	/** A new customer owned by a sales user; returns its code. */
	public String customer(String ownerUsername) {
		String code = unique("ACT");
		CustomerDraft draft = CustomerDraft.of(code, "华东精密建材有限公司 " + code);
		if (ownerUsername != null) {
			draft = new CustomerDraft(code, draft.name(), null, null, null, null, null, null, null, null, null, null,
					null, null, ownerUsername, null, null, null);
		}
		CustomerDraft registered = draft;
		this.currentUser.asSystem(() -> this.customers.register(registered));
		return code;
	}

	/** Runs work as a user with the given role. */
	public static <T> T as(String username, Role role, Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
				CurrentUser.Authorities.of(List.of(role))));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	public static void as(String username, Role role, Runnable work) {
		as(username, role, () -> {
			work.run();
			return null;
		});
	}

	/** A UI request signed in as a user with the given role. */
	public static RequestPostProcessor signedIn(String username, Role role) {
		return SecurityMockMvcRequestPostProcessors.user(username)
			.authorities(CurrentUser.Authorities.of(List.of(role)));
	}

	/** An API request with the user's HTTP Basic credentials. */
	public static RequestPostProcessor basic(String username) {
		return SecurityMockMvcRequestPostProcessors.httpBasic(username, PASSWORD);
	}

}
