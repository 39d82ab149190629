package org.credence.identity.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.credence.identity.CurrentUser;
import org.credence.identity.user.UserAccount;
import org.credence.identity.user.UserAccountRepository;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A logged-in session follows its account as it is now: a user who was disabled or
 * deleted loses the session at the next request, and changed roles take effect at once,
 * instead of when the session times out. (API calls authenticate on every request and
 * need no such check.) A login lock is deliberately not applied to open sessions, so
 * failed guesses cannot log the real user out.
 */
class SessionAccountCheck extends OncePerRequestFilter {

	private final UserAccountRepository accounts;

	private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	SessionAccountCheck(UserAccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		if (session != null && authentication instanceof UsernamePasswordAuthenticationToken
				&& authentication.isAuthenticated()) {
			Optional<UserAccount> account = this.accounts.find(authentication.getName());
			if (account.isEmpty() || !account.get().enabled()) {
				SecurityContextHolder.clearContext();
				session.invalidate();
			}
			else {
				List<GrantedAuthority> current = CurrentUser.Authorities.of(account.get().roles());
				if (!names(current).equals(names(authentication.getAuthorities()))) {
					SecurityContext context = SecurityContextHolder.createEmptyContext();
					context.setAuthentication(UsernamePasswordAuthenticationToken
						.authenticated(authentication.getPrincipal(), null, current));
					SecurityContextHolder.setContext(context);
					this.sessions.saveContext(context, request, response);
				}
			}
		}
		chain.doFilter(request, response);
	}

	private static Set<String> names(java.util.Collection<? extends GrantedAuthority> authorities) {
		return authorities.stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
	}

}
