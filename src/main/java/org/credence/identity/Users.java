package org.credence.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.credence.identity.token.ApiTokenRepository;
import org.credence.identity.token.ApiTokens;
import org.credence.identity.user.UserAccount;
import org.credence.identity.user.UserAccountRepository;
import org.credence.shared.ConflictException;
import org.credence.shared.InvalidInputException;
import org.credence.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users, their roles and preferences, and their API tokens. Every change is audited;
 * passwords and tokens never appear in the audit trail.
 */
@Service
public class Users {

	/** Amount display units a user may choose. */
	public static final Set<String> AMOUNT_UNITS = Set.of("YUAN", "WAN_YUAN");

	private final UserAccountRepository accounts;

	private final ApiTokenRepository tokens;

	private final PasswordEncoder passwordEncoder;

	private final AuditTrail auditTrail;

	private final CurrentUser currentUser;

	private final Clock clock;

	Users(UserAccountRepository accounts, ApiTokenRepository tokens, PasswordEncoder passwordEncoder,
			AuditTrail auditTrail, CurrentUser currentUser, Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.passwordEncoder = passwordEncoder;
		this.auditTrail = auditTrail;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	public Optional<UserSummary> find(String username) {
		return this.accounts.find(username).map(UserAccount::summary);
	}

	public boolean exists(String username) {
		return this.accounts.exists(username);
	}

	public List<UserSummary> list() {
		return this.accounts.findAll().stream().map(UserAccount::summary).toList();
	}

	/**
	 * Enabled users holding a role, by display name: owners to choose from, approvers to
	 * notify.
	 */
	public List<UserSummary> withRole(Role role) {
		return this.accounts.withRole(role).stream().map(UserAccount::summary).toList();
	}

	/**
	 * Creates a user (ADMIN only, or the system).
	 * @throws ConflictException when the user name is taken
	 */
	@Transactional
	public UserSummary create(NewUser user) {
		this.currentUser.require(Permission.USER_MANAGE);
		requireHashablePassword(user.password());
		if (this.accounts.exists(user.username())) {
			throw new ConflictException("identity.user.exists", user.username());
		}
		this.accounts.insert(user.username(), user.displayName(), user.email(),
				this.passwordEncoder.encode(user.password()), EnumSet.copyOf(user.roles()), this.clock.instant());
		UserSummary created = this.accounts.find(user.username()).orElseThrow().summary();
		this.auditTrail.record(AuditRecord.created(null, "user", user.username(), auditState(created)));
		return created;
	}

	/**
	 * Changes roles, name, e-mail, the enabled flag or the password of a user (ADMIN
	 * only). Re-enabling a user also lifts a login lock.
	 */
	@Transactional
	public UserSummary change(String username, UserChange change) {
		this.currentUser.require(Permission.USER_MANAGE);
		if (change.password() != null) {
			requireHashablePassword(change.password());
		}
		UserAccount before = this.accounts.find(username)
			.orElseThrow(() -> new NotFoundException("identity.user.not-found", username));
		if (change.roles() != null && change.roles().isEmpty()) {
			throw new InvalidInputException("roles", "identity.roles.empty");
		}
		if (username.equals(this.currentUser.username()) && Boolean.FALSE.equals(change.enabled())) {
			throw new InvalidInputException("enabled", "identity.user.cannot-disable-self");
		}
		UserAccount after = new UserAccount(before.id(), username,
				change.displayName() != null ? change.displayName() : before.displayName(),
				change.email() == null ? before.email() : change.email().isBlank() ? null : change.email().strip(),
				change.password() != null ? this.passwordEncoder.encode(change.password()) : before.passwordHash(),
				change.roles() != null ? EnumSet.copyOf(change.roles()) : before.roles(),
				change.enabled() != null ? change.enabled() : before.enabled(), before.locale(), before.amountUnit(),
				before.failedLogins(), before.lockedUntil());
		this.accounts.update(after, this.clock.instant());
		if (Boolean.TRUE.equals(change.enabled())) {
			this.accounts.recordSuccessfulLogin(username);
		}
		var record = AuditRecord.changed(null, "user", username, auditState(before.summary()),
				auditState(after.summary()));
		this.auditTrail.record(change.password() != null ? record.because("password changed") : record);
		return this.accounts.find(username).orElseThrow().summary();
	}

	/**
	 * Remembers the language and amount unit a user chose; not credit data, so not
	 * audited.
	 */
	@Transactional
	public void rememberPreferences(String username, @Nullable Locale locale, @Nullable String amountUnit) {
		this.accounts.find(username)
			.ifPresent(
					account -> this.accounts.update(
							new UserAccount(account.id(), account.username(), account.displayName(), account.email(),
									account.passwordHash(), account.roles(), account.enabled(),
									locale != null ? locale.toLanguageTag() : account.locale(),
									amountUnit != null && AMOUNT_UNITS.contains(amountUnit) ? amountUnit
											: account.amountUnit(),
									account.failedLogins(), account.lockedUntil()),
							this.clock.instant()));
	}

	/**
	 * Issues an API token for a user (ADMIN only). The token is returned this once.
	 * @throws NotFoundException when there is no such user
	 */
	@Transactional
	public IssuedToken issueToken(String username, String name, @Nullable LocalDate expiresOn) {
		this.currentUser.require(Permission.USER_MANAGE);
		if (!this.accounts.exists(username)) {
			throw new NotFoundException("identity.user.not-found", username);
		}
		if (expiresOn != null && expiresOn.isBefore(LocalDate.now(this.clock))) {
			throw new InvalidInputException("expiresOn", "identity.token.expires-in-past");
		}
		String token = ApiTokens.generate();
		long id = this.tokens.insert(username, name, ApiTokens.hash(token), ApiTokens.displayPrefix(token), expiresOn,
				this.clock.instant());
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("name", name);
		state.put("prefix", ApiTokens.displayPrefix(token));
		state.put("expiresOn", expiresOn);
		this.auditTrail.record(AuditRecord.created(null, "api-token", username + "/" + id, state));
		return new IssuedToken(id, name, token, expiresOn);
	}

	public List<ApiTokenSummary> tokens(String username) {
		this.currentUser.require(Permission.USER_MANAGE);
		return this.tokens.forUser(username);
	}

	@Transactional
	public void revokeToken(String username, long id) {
		this.currentUser.require(Permission.USER_MANAGE);
		if (!this.tokens.revoke(username, id, this.clock.instant())) {
			throw new NotFoundException("identity.token.not-found", id);
		}
		this.auditTrail.record(new AuditRecord(null, "api-token", username + "/" + id, "REVOKED", null, null, null));
	}

	private static Map<String, Object> auditState(UserSummary user) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("displayName", user.displayName());
		state.put("email", user.email());
		state.put("roles", user.roles().stream().map(Role::name).sorted().toList());
		state.put("enabled", user.enabled());
		return state;
	}

	/**
	 * BCrypt uses at most 72 bytes of a password; a longer one is refused, not silently
	 * cut.
	 */
	static void requireHashablePassword(String password) {
		if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
			throw new InvalidInputException("password", "identity.password.too-long");
		}
	}

}
