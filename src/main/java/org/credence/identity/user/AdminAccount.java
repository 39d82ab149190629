package org.credence.identity.user;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;

import org.credence.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * On the first start the user {@code admin} exists with every permission. Its password is
 * {@code CREDENCE_ADMIN_PASSWORD}, or one generated and printed to the log this once.
 */
@Component
@Order(0)
class AdminAccount implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private final UserAccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	private final String configuredPassword;

	AdminAccount(UserAccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock,
			@Value("${credence.admin-password:}") String configuredPassword) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
		this.configuredPassword = configuredPassword;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.accounts.exists("admin")) {
			return;
		}
		String password = StringUtils.hasText(this.configuredPassword) ? this.configuredPassword : generate();
		if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
			throw new IllegalStateException("CREDENCE_ADMIN_PASSWORD is longer than 72 bytes, which BCrypt cannot use");
		}
		this.accounts.insert("admin", "Administrator", null, this.passwordEncoder.encode(password),
				EnumSet.of(Role.ADMIN), this.clock.instant());
		if (StringUtils.hasText(this.configuredPassword)) {
			log.info("Created user 'admin' with the password from CREDENCE_ADMIN_PASSWORD");
		}
		else {
			log.warn("\n\n    Created user 'admin' with the generated password: {}\n    It is shown only this once.\n",
					password);
		}
	}

	static String generate() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder(16);
		for (int i = 0; i < 16; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
