package org.credence.identity.user;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.credence.identity.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** User accounts in {@code identity.user_account}. */
@Repository
public class UserAccountRepository {

	private final JdbcClient jdbc;

	UserAccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<UserAccount> find(String username) {
		return this.jdbc.sql("select * from identity.user_account where username = :u")
			.param("u", username)
			.query(UserAccountRepository::account)
			.optional();
	}

	public List<UserAccount> findAll() {
		return this.jdbc.sql("select * from identity.user_account order by username")
			.query(UserAccountRepository::account)
			.list();
	}

	public List<UserAccount> withRole(Role role) {
		return this.jdbc
			.sql("select * from identity.user_account where :role = any(roles) and enabled order by display_name")
			.param("role", role.name())
			.query(UserAccountRepository::account)
			.list();
	}

	public boolean exists(String username) {
		return this.jdbc.sql("select count(*) from identity.user_account where username = :u")
			.param("u", username)
			.query(Long.class)
			.single() > 0;
	}

	public void insert(String username, String displayName, @Nullable String email, String passwordHash,
			Set<Role> roles, Instant now) {
		this.jdbc
			.sql("""
					insert into identity.user_account (username, display_name, email, password_hash, roles, created_at, updated_at)
					values (:u, :d, :e, :p, :r, :now, :now)
					""")
			.param("u", username)
			.param("d", displayName)
			.param("e", email)
			.param("p", passwordHash)
			.param("r", roleNames(roles))
			.param("now", utc(now))
			.update();
	}

	public void update(UserAccount account, Instant now) {
		this.jdbc.sql("""
				update identity.user_account
				   set display_name = :d, email = :e, password_hash = :p, roles = :r, enabled = :en,
				       locale = :l, amount_unit = :au, updated_at = :now
				 where username = :u
				""")
			.param("u", account.username())
			.param("d", account.displayName())
			.param("e", account.email())
			.param("p", account.passwordHash())
			.param("r", roleNames(account.roles()))
			.param("en", account.enabled())
			.param("l", account.locale())
			.param("au", account.amountUnit())
			.param("now", utc(now))
			.update();
	}

	/**
	 * Counts a failed login; the fifth in a row locks the account until
	 * {@code lockUntil}.
	 */
	public void recordFailedLogin(String username, int maxAttempts, Instant lockUntil) {
		this.jdbc.sql("""
				update identity.user_account
				   set failed_logins = case when failed_logins + 1 >= :max then 0 else failed_logins + 1 end,
				       locked_until = case when failed_logins + 1 >= :max then :until else locked_until end
				 where username = :u
				""").param("u", username).param("max", maxAttempts).param("until", utc(lockUntil)).update();
	}

	public void recordSuccessfulLogin(String username) {
		this.jdbc.sql("""
				update identity.user_account set failed_logins = 0, locked_until = null
				 where username = :u and (failed_logins <> 0 or locked_until is not null)
				""").param("u", username).update();
	}

	private static String[] roleNames(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().toArray(String[]::new);
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	public static UserAccount account(ResultSet rs, int row) throws SQLException {
		Array roles = rs.getArray("roles");
		Set<Role> roleSet = Arrays.stream((String[]) roles.getArray())
			.map(Role::valueOf)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
		OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
		return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("email"), rs.getString("password_hash"), roleSet, rs.getBoolean("enabled"),
				rs.getString("locale"), rs.getString("amount_unit"), rs.getInt("failed_logins"),
				locked == null ? null : locked.toInstant());
	}

}
