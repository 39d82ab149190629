package org.credence;

import java.util.Collection;

import org.credence.identity.CurrentUser;
import org.credence.identity.Role;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs test code as a given user with the authorities of the given roles. */
public final class SecurityContexts {

	private SecurityContexts() {
	}

	public static void runAs(String username, Collection<Role> roles, Runnable work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(username, null, CurrentUser.Authorities.of(roles)));
		SecurityContextHolder.setContext(context);
		try {
			work.run();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

}
