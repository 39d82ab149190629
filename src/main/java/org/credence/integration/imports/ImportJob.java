package org.credence.integration.imports;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An import running in the background, or finished: the answer of {@code GET
 * /api/v1/imports/jobs/{id}}.
 *
 * @param status {@code RUNNING}, {@code DONE} (the report says what was imported) or
 * {@code FAILED} (nothing was written; {@code failure} says why)
 * @param rowsTotal the file's data rows, {@code null} until they are counted
 * @param rowsDone the rows read and checked so far
 * @param report the import's report once {@code DONE}
 * @param failure why it failed, in the reader's language
 */
public record ImportJob(UUID id, String kind, String mode, @Nullable String fileName, String fileSha256, long fileSize,
		Status status, @Nullable Integer rowsTotal, int rowsDone, @Nullable ImportResult report,
		@Nullable String failure, String createdBy, Instant createdAt, @Nullable Instant finishedAt) {

	/** Where a job is. */
	public enum Status {

		RUNNING, DONE, FAILED

	}

	public boolean isRunning() {
		return this.status == Status.RUNNING;
	}

	/** How far it is, 0 to 100; 0 while the rows are not counted yet. */
	public int percent() {
		if (this.status == Status.DONE) {
			return 100;
		}
		if (this.rowsTotal == null || this.rowsTotal == 0) {
			return 0;
		}
		return (int) Math.min(100, 100L * this.rowsDone / this.rowsTotal);
	}

}
