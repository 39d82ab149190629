package org.credence.identity.token;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.credence.identity.user.AccountDetailsService;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer cred_…} as the token's user, with that
 * user's roles and data scope. An unknown, revoked or expired token is a 401; a disabled
 * or locked user too.
 */
public class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

	private final ApiTokenRepository tokens;

	private final AccountDetailsService accounts;

	private final Clock clock;

	private final AuthenticationEntryPoint entryPoint;

	public ApiTokenAuthenticationFilter(ApiTokenRepository tokens, AccountDetailsService accounts, Clock clock,
			AuthenticationEntryPoint entryPoint) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.clock = clock;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		String token = header.substring(7).strip();
		try {
			UserDetails user = this.accounts
				.details(this.tokens.activeTokenAccount(ApiTokens.hash(token), LocalDate.now(this.clock))
					.orElseThrow(() -> new BadCredentialsException("Unknown API token")));
			if (!user.isEnabled() || !user.isAccountNonLocked()) {
				throw new BadCredentialsException("The token's user may not log in");
			}
			var authentication = UsernamePasswordAuthenticationToken.authenticated(user.getUsername(), null,
					user.getAuthorities());
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(authentication);
			SecurityContextHolder.setContext(context);
		}
		catch (AuthenticationException ex) {
			SecurityContextHolder.clearContext();
			this.entryPoint.commence(request, response, ex);
			return;
		}
		chain.doFilter(request, response);
	}

}
