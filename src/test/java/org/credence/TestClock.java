package org.credence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The application clock in tests: it runs with the system clock until a test sets or
 * advances it, and {@link #reset()} returns it to the system time. Tests that move it
 * reset it afterwards.
 */
public class TestClock extends Clock {

	private final ZoneId zone;

	private volatile Duration offset = Duration.ZERO;

	private volatile Instant fixed;

	public TestClock(ZoneId zone) {
		this.zone = zone;
	}

	/** Stops the clock at the start of the given day in the company time zone. */
	public void setDate(LocalDate date) {
		this.fixed = date.atStartOfDay(this.zone).toInstant();
	}

	public void setInstant(Instant instant) {
		this.fixed = instant;
	}

	public void advance(Duration duration) {
		if (this.fixed != null) {
			this.fixed = this.fixed.plus(duration);
		}
		else {
			this.offset = this.offset.plus(duration);
		}
	}

	public void reset() {
		this.fixed = null;
		this.offset = Duration.ZERO;
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(instant(), zone);
	}

	@Override
	public Instant instant() {
		Instant fixedNow = this.fixed;
		return fixedNow != null ? fixedNow : Instant.now().plus(this.offset);
	}

}
