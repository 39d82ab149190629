package org.credence.identity.user;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Five failed logins in a row lock an account for fifteen minutes, whether the password
 * came through the login form or HTTP Basic; a successful login resets the count.
 */
@Component
class LoginLockout {

	static final int MAX_ATTEMPTS = 5;

	static final Duration LOCK_DURATION = Duration.ofMinutes(15);

	private final UserAccountRepository accounts;

	private final Clock clock;

	LoginLockout(UserAccountRepository accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@EventListener
	void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
		this.accounts.recordFailedLogin(event.getAuthentication().getName(), MAX_ATTEMPTS,
				this.clock.instant().plus(LOCK_DURATION));
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		this.accounts.recordSuccessfulLogin(event.getAuthentication().getName());
	}

}
