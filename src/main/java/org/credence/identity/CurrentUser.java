package org.credence.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is acting now, and what they may do and see. Work that no person starts (the demo
 * loader, nightly batches) runs {@linkplain #asSystem(Supplier) as the system}.
 */
@Component
public class CurrentUser {

	/** The actor recorded for work no person started. */
	public static final String SYSTEM = "system";

	private static final Set<Role> SYSTEM_ROLES = EnumSet.of(Role.ADMIN);

	/** The name of the acting user, or {@value #SYSTEM}. */
	public String username() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return SYSTEM;
		}
		return authentication.getName();
	}

	public boolean has(Permission permission) {
		return authorities().stream().anyMatch(a -> permission.authority().equals(a.getAuthority()));
	}

	public boolean hasRole(Role role) {
		return authorities().stream().anyMatch(a -> role.authority().equals(a.getAuthority()));
	}

	/**
	 * Refuses with 403 unless the user has the permission.
	 * @throws AccessDeniedException when the permission is missing
	 */
	public void require(Permission permission) {
		if (!has(permission)) {
			throw new AccessDeniedException("Missing permission " + permission.authority());
		}
	}

	/**
	 * The owner a user's customer data scope is limited to: empty when the user sees
	 * every customer, the user's own name when they see only the customers they own
	 * (sales).
	 */
	public Optional<String> ownerScope() {
		if (has(Permission.CUSTOMER_READ_ALL)) {
			return Optional.empty();
		}
		return Optional.of(username());
	}

	/**
	 * Runs work as the system, with every permission, and restores the previous user
	 * after.
	 */
	public <T> T asSystem(Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(SYSTEM, null, Authorities.of(SYSTEM_ROLES)));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	private Collection<? extends GrantedAuthority> authorities() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null ? List.of() : authentication.getAuthorities();
	}

	/** The authorities of a set of roles: each role and every permission it grants. */
	public static final class Authorities {

		private Authorities() {
		}

		/** Computed once per set of roles: every API request asks for its user's. */
		private static final Map<Set<Role>, List<GrantedAuthority>> CACHE = new ConcurrentHashMap<>();

		public static List<GrantedAuthority> of(Collection<Role> roles) {
			Set<Role> key = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
			return CACHE.computeIfAbsent(key, Authorities::compute);
		}

		private static List<GrantedAuthority> compute(Set<Role> roles) {
			return roles.stream()
				.flatMap(role -> java.util.stream.Stream.concat(java.util.stream.Stream.of(role.authority()),
						role.permissions().stream().map(Permission::authority)))
				.distinct()
				.<GrantedAuthority>map(SimpleGrantedAuthority::new)
				.toList();
		}

	}

}
