package org.credence.identity.user;

import java.time.Clock;

import org.credence.identity.CurrentUser;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads accounts for form login, HTTP Basic and API tokens; a locked account cannot log
 * in.
 */
@Service
public class AccountDetailsService implements UserDetailsService {

	private final UserAccountRepository accounts;

	private final Clock clock;

	AccountDetailsService(UserAccountRepository accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		UserAccount account = this.accounts.find(username)
			.orElseThrow(() -> new UsernameNotFoundException("No user " + username));
		return details(account);
	}

	public UserDetails details(UserAccount account) {
		return User.withUsername(account.username())
			.password(account.passwordHash())
			.authorities(CurrentUser.Authorities.of(account.roles()))
			.disabled(!account.enabled())
			.accountLocked(account.isLockedAt(this.clock.instant()))
			.build();
	}

}
