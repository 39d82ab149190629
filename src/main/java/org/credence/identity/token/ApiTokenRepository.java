package org.credence.identity.token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.credence.identity.ApiTokenSummary;
import org.credence.identity.user.UserAccount;
import org.credence.identity.user.UserAccountRepository;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API tokens in {@code identity.api_token}, stored as SHA-256 hashes. */
@Repository
public class ApiTokenRepository {

	private final JdbcClient jdbc;

	ApiTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(String username, String name, String tokenHash, String prefix, @Nullable LocalDate expiresOn,
			Instant now) {
		return this.jdbc.sql("""
				insert into identity.api_token (username, name, token_hash, prefix, expires_on, created_at)
				values (:u, :n, :h, :p, :e, :now) returning id
				""")
			.param("u", username)
			.param("n", name)
			.param("h", tokenHash)
			.param("p", prefix)
			.param("e", expiresOn)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	/**
	 * The user account of an active token: not revoked, not expired on {@code today}. Its
	 * last use is written at most once a minute: an order system sends every request with
	 * the same token, and a write per request would make them all queue on that token's
	 * row. Read with the token's user account, in one round trip.
	 */
	public Optional<UserAccount> activeTokenAccount(String tokenHash, LocalDate today) {
		return this.jdbc.sql("""
				with token as (
				  select id, username, last_used_at from identity.api_token
				  where token_hash = :h and revoked_at is null and (expires_on is null or expires_on >= :today)),
				used as (
				  update identity.api_token a set last_used_at = now() from token t
				  where a.id = t.id and (t.last_used_at is null or t.last_used_at < now() - interval '1 minute')
				  returning a.id)
				select u.* from token t join identity.user_account u on u.username = t.username
				""").param("h", tokenHash).param("today", today).query(UserAccountRepository::account).optional();
	}

	public List<ApiTokenSummary> forUser(String username) {
		return this.jdbc.sql("select * from identity.api_token where username = :u order by created_at desc")
			.param("u", username)
			.query(ApiTokenRepository::summary)
			.list();
	}

	public boolean revoke(String username, long id, Instant now) {
		return this.jdbc.sql("""
				update identity.api_token set revoked_at = :now
				 where id = :id and username = :u and revoked_at is null
				""")
			.param("id", id)
			.param("u", username)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update() == 1;
	}

	private static ApiTokenSummary summary(ResultSet rs, int row) throws SQLException {
		OffsetDateTime used = rs.getObject("last_used_at", OffsetDateTime.class);
		OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
		return new ApiTokenSummary(rs.getLong("id"), rs.getString("username"), rs.getString("name"),
				rs.getString("prefix"), rs.getObject("expires_on", LocalDate.class),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), used == null ? null : used.toInstant(),
				revoked == null ? null : revoked.toInstant());
	}

}
