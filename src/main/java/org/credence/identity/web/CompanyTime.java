package org.credence.identity.web;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Instants as people in the company read them: in the company time zone, as
 * {@code 2026-01-05 14:03:27}. Templates use it as {@code @companyTime}, so a fragment
 * shown by another module formats times the same way.
 */
@Component("companyTime")
public class CompanyTime {

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Clock clock;

	CompanyTime(Clock clock) {
		this.clock = clock;
	}

	/** {@code yyyy-MM-dd HH:mm:ss} in the company time zone; empty for no instant. */
	public String format(@Nullable Instant instant) {
		return instant == null ? "" : SECONDS.format(instant.atZone(this.clock.getZone()));
	}

	/** {@code yyyy-MM-dd HH:mm} in the company time zone; empty for no instant. */
	public String minutes(@Nullable Instant instant) {
		return instant == null ? "" : MINUTES.format(instant.atZone(this.clock.getZone()));
	}

}
