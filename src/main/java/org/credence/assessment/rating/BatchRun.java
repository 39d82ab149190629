package org.credence.assessment.rating;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A batch re-assessment and how far it got.
 *
 * @param trigger NIGHTLY (reviews due), MANUAL (reviews due, started by a person) or
 * MODEL_ACTIVATED (customers rated with {@code modelCode})
 * @param status RUNNING, COMPLETED or FAILED
 * @param total how many customers it will look at
 * @param done how many were assessed
 * @param failed how many failed (each failure is recorded; the run goes on)
 * @param skipped how many had nothing to assess (never assessed and no statement)
 */
public record BatchRun(long id, String trigger, @Nullable String modelCode, String status, int total, int done,
		int failed, int skipped, String startedBy, Instant startedAt, @Nullable Instant finishedAt) {

	public boolean isRunning() {
		return "RUNNING".equals(this.status);
	}

	/** How many customers it has looked at. */
	public int processed() {
		return this.done + this.failed + this.skipped;
	}

	/** Progress in whole percent. */
	public int percent() {
		return this.total == 0 ? (isRunning() ? 0 : 100) : Math.min(100, this.processed() * 100 / this.total);
	}

}
