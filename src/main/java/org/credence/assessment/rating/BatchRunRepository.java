package org.credence.assessment.rating;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.credence.assessment.rating.AssessmentRepository.utc;

/** Batch runs and their failures. */
@Repository
class BatchRunRepository {

	private final JdbcClient jdbc;

	BatchRunRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts a RUNNING run.
	 * @throws org.springframework.dao.DuplicateKeyException when one is running already
	 */
	long insertRunning(String trigger, @Nullable String modelCode, String startedBy, Instant now) {
		return this.jdbc.sql("""
				insert into assessment.batch_run (trigger, model_code, status, started_by, started_at, heartbeat_at)
				values (:trigger, :model, 'RUNNING', :by, :now, :now)
				returning id
				""")
			.param("trigger", trigger)
			.param("model", modelCode)
			.param("by", startedBy)
			.param("now", utc(now))
			.query(Long.class)
			.single();
	}

	/**
	 * Marks runs whose instance stopped beating before {@code before} as failed, so they
	 * do not block new runs forever.
	 */
	int abandon(Instant before, Instant now) {
		return this.jdbc.sql("""
				update assessment.batch_run set status = 'FAILED', finished_at = :now
				where status = 'RUNNING' and heartbeat_at < :before
				""").param("before", utc(before)).param("now", utc(now)).update();
	}

	void total(long id, int total, Instant now) {
		this.jdbc.sql("update assessment.batch_run set total = :total, heartbeat_at = :now where id = :id")
			.param("total", total)
			.param("now", utc(now))
			.param("id", id)
			.update();
	}

	void progress(long id, int done, int failed, int skipped, Instant now) {
		this.jdbc.sql("""
				update assessment.batch_run set done = done + :done, failed = failed + :failed,
				    skipped = skipped + :skipped, heartbeat_at = :now
				where id = :id
				""")
			.param("done", done)
			.param("failed", failed)
			.param("skipped", skipped)
			.param("now", utc(now))
			.param("id", id)
			.update();
	}

	void finish(long id, String status, Instant now) {
		this.jdbc.sql(
				"update assessment.batch_run set status = :status, finished_at = :now, heartbeat_at = :now where id = :id")
			.param("status", status)
			.param("now", utc(now))
			.param("id", id)
			.update();
	}

	void failure(long id, String customerCode, String message, Instant now) {
		this.jdbc.sql("""
				insert into assessment.batch_run_failure (run_id, customer_code, message, failed_at)
				values (:id, :code, :message, :now)
				""")
			.param("id", id)
			.param("code", customerCode)
			.param("message", message.length() > 2000 ? message.substring(0, 2000) : message)
			.param("now", utc(now))
			.update();
	}

	Optional<BatchRun> find(long id) {
		return this.jdbc.sql("select * from assessment.batch_run where id = :id")
			.param("id", id)
			.query(BatchRunRepository::run)
			.optional();
	}

	Optional<BatchRun> running() {
		return this.jdbc.sql("select * from assessment.batch_run where status = 'RUNNING'")
			.query(BatchRunRepository::run)
			.optional();
	}

	Optional<BatchRun> latest() {
		return this.jdbc.sql("select * from assessment.batch_run order by id desc limit 1")
			.query(BatchRunRepository::run)
			.optional();
	}

	List<BatchRunFailure> failures(long id, int limit) {
		return this.jdbc.sql("""
				select customer_code, message, failed_at from assessment.batch_run_failure
				where run_id = :id order by failed_at, customer_code limit :limit
				""")
			.param("id", id)
			.param("limit", limit)
			.query((rs, n) -> new BatchRunFailure(rs.getString(1), rs.getString(2),
					rs.getObject(3, OffsetDateTime.class).toInstant()))
			.list();
	}

	private static BatchRun run(ResultSet rs, int row) throws SQLException {
		OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
		return new BatchRun(rs.getLong("id"), rs.getString("trigger"), rs.getString("model_code"),
				rs.getString("status"), rs.getInt("total"), rs.getInt("done"), rs.getInt("failed"),
				rs.getInt("skipped"), rs.getString("started_by"),
				rs.getObject("started_at", OffsetDateTime.class).toInstant(),
				finished == null ? null : finished.toInstant());
	}

}
