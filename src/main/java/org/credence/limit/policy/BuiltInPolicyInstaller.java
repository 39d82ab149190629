package org.credence.limit.policy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Installs the built-in credit policy ({@link BuiltInPolicy}) as active version 1 on
 * first start. Once any version exists nothing is installed, so a start after a manager
 * changed the policy changes nothing.
 */
@Component
@Order(0)
class BuiltInPolicyInstaller implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BuiltInPolicyInstaller.class);

	private final CreditPolicyVersions versions;

	BuiltInPolicyInstaller(CreditPolicyVersions versions) {
		this.versions = versions;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.versions.install(BuiltInPolicy.rules())) {
			log.info("Installed the built-in credit policy v1");
		}
	}

}
