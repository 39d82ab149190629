package org.credence;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application. Every "today" and "now" comes from it, so tests can
 * set any date and aging, reviews and dunning give the same answer for the same date.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	@Bean
	Clock clock(CredenceProperties properties) {
		return Clock.system(properties.timeZone());
	}

}
