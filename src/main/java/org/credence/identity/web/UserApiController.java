package org.credence.identity.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.credence.identity.ApiTokenSummary;
import org.credence.identity.IssuedToken;
import org.credence.identity.NewUser;
import org.credence.identity.Role;
import org.credence.identity.UserChange;
import org.credence.identity.UserSummary;
import org.credence.identity.Users;
import org.credence.shared.NotFoundException;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Users and their API tokens for administrators ({@code identity:users}). Passwords and
 * password hashes never leave; a token's secret is returned once, when it is issued.
 */
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasAuthority('identity:users')")
@Tag(name = "Users", description = "Users, roles and API tokens (administrators only)")
class UserApiController {

	private final Users users;

	private final Clock clock;

	UserApiController(Users users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	@PostMapping
	@Operation(summary = "Create a user", description = "The password is never returned.")
	ResponseEntity<UserResponse> create(@Valid @RequestBody NewUser user) {
		UserResponse created = UserResponse.of(this.users.create(user));
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{username}")
			.buildAndExpand(created.username())
			.toUri();
		return ResponseEntity.created(location).body(created);
	}

	@GetMapping
	@Operation(summary = "List users", description = "By user name; ?page=0&size=50 (size at most 500).")
	PageResult<UserResponse> list(@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return pageOf(this.users.list().stream().map(UserResponse::of).toList(), Paging.of(page, size));
	}

	@GetMapping("/{username}")
	@Operation(summary = "Read one user")
	UserResponse get(@PathVariable String username) {
		return UserResponse.of(found(username));
	}

	@PatchMapping("/{username}")
	@Operation(summary = "Change a user",
			description = "Only the fields sent change: name, e-mail, roles, enabled, password. "
					+ "Enabling a user also lifts a login lock.")
	UserResponse change(@PathVariable String username, @Valid @RequestBody UserChange change) {
		return UserResponse.of(this.users.change(username, change));
	}

	@PostMapping("/{username}/api-tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Issue an API token",
			description = "The token is in this answer only; Credence stores its SHA-256 hash.")
	IssuedToken issueToken(@PathVariable String username, @Valid @RequestBody TokenRequest request) {
		return this.users.issueToken(username, request.name().strip(), request.expiresOn());
	}

	@GetMapping("/{username}/api-tokens")
	@Operation(summary = "List a user's API tokens", description = "Name and first characters, never the token.")
	PageResult<TokenResponse> tokens(@PathVariable String username,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		found(username);
		LocalDate today = LocalDate.now(this.clock);
		return pageOf(this.users.tokens(username).stream().map(token -> TokenResponse.of(token, today)).toList(),
				Paging.of(page, size));
	}

	@DeleteMapping("/{username}/api-tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke an API token", description = "The token stops working at once.")
	void revokeToken(@PathVariable String username, @PathVariable long id) {
		this.users.revokeToken(username, id);
	}

	private UserSummary found(String username) {
		return this.users.find(username).orElseThrow(() -> new NotFoundException("identity.user.not-found", username));
	}

	private static <T> PageResult<T> pageOf(List<T> all, Paging paging) {
		int from = (int) Math.min(paging.offset(), all.size());
		int to = Math.min(from + paging.size(), all.size());
		return new PageResult<>(all.subList(from, to), paging.page(), paging.size(), all.size());
	}

	/** A user as the API shows it: never the password or its hash. */
	record UserResponse(String username, String displayName, @Nullable String email, Set<Role> roles, boolean enabled,
			@Nullable String locale, String amountUnit, @Nullable Instant lockedUntil) {

		static UserResponse of(UserSummary user) {
			return new UserResponse(user.username(), user.displayName(), user.email(), user.roles(), user.enabled(),
					user.locale(), user.amountUnit(), user.lockedUntil());
		}

	}

	/**
	 * A token to issue: a name to recognise it by, and an optional last day of validity.
	 */
	record TokenRequest(@NotBlank @Size(max = 100) String name, @Nullable LocalDate expiresOn) {
	}

	/**
	 * A token as listed; {@code status} is {@code ACTIVE}, {@code EXPIRED} or
	 * {@code REVOKED}.
	 */
	record TokenResponse(long id, String name, String prefix, @Nullable LocalDate expiresOn, Instant createdAt,
			@Nullable Instant lastUsedAt, @Nullable Instant revokedAt, String status) {

		static TokenResponse of(ApiTokenSummary token, LocalDate today) {
			return new TokenResponse(token.id(), token.name(), token.prefix(), token.expiresOn(), token.createdAt(),
					token.lastUsedAt(), token.revokedAt(), TokenStatus.of(token, today).name());
		}

	}

}
