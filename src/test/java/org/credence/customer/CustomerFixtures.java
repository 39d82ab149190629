package org.credence.customer;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.credence.identity.CurrentUser;
import org.credence.identity.NewUser;
import org.credence.identity.Role;
import org.credence.identity.Users;

/**
 * Test data for the customer module: unique codes and users (tests share one database),
 * valid USCCs, and customers built through the real API.
 */
public final class CustomerFixtures {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

	private CustomerFixtures() {
	}

	/** A customer code no other test uses. */
	public static String uniqueCode(String prefix) {
		return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
	}

	/**
	 * A valid USCC no other test uses: 9131 0000 + 9 unique characters + the check
	 * character.
	 */
	public static String uniqueUscc() {
		String body = String.format("91310000%09d",
				Math.floorMod((RUN + SEQUENCE.incrementAndGet()).hashCode(), 1_000_000_000));
		return body + Uscc.checkCharacter(body);
	}

	/**
	 * Creates an enabled user with these roles; the password is
	 * {@code password-of-<name>}.
	 */
	public static String user(Users users, CurrentUser currentUser, String prefix, Role... roles) {
		String username = (prefix + "." + RUN + "." + SEQUENCE.incrementAndGet()).toLowerCase();
		currentUser.asSystem(() -> users
			.create(new NewUser(username, prefix + " " + username, null, Set.of(roles), "password-of-" + username)));
		return username;
	}

	public static String passwordOf(String username) {
		return "password-of-" + username;
	}

	/** Registers a customer as the system, owned by {@code owner} (may be null). */
	public static CustomerDetails customer(Customers customers, CurrentUser currentUser, String name, String owner) {
		CustomerDraft draft = new CustomerDraft(uniqueCode("C"), name, null, uniqueUscc(), "CN", "上海", "C", null, null,
				null, null, null, null, null, owner, null, CustomerStatus.ACTIVE, null);
		return currentUser.asSystem(() -> customers.register(draft).customer());
	}

}
