package org.credence.identity;

import java.util.Set;
import java.util.UUID;

/**
 * Users for tests, created through {@link Users} as the system. Names are unique because
 * tests share one database.
 */
public final class TestUsers {

	public static final String PASSWORD = "test-password-1";

	private TestUsers() {
	}

	public static String uniqueName() {
		return "t-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	public static String create(Users users, CurrentUser currentUser, Role... roles) {
		String username = uniqueName();
		currentUser
			.asSystem(() -> users.create(new NewUser(username, "Test " + username, null, Set.of(roles), PASSWORD)));
		return username;
	}

}
