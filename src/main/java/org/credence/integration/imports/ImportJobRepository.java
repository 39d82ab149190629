package org.credence.integration.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Background import jobs in {@code integration.import_job}. */
@Repository
class ImportJobRepository {

	private final JdbcClient jdbc;

	ImportJobRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, String kind, String mode, @Nullable String fileName, String sha256, long size, String by,
			Instant at, String owner) {
		this.jdbc.sql("""
				insert into integration.import_job (id, kind, mode, file_name, file_sha256, file_size, status,
				  created_by, created_at, owner, heartbeat_at)
				values (:id, :kind, :mode, :fileName, :sha256, :size, 'RUNNING', :by, :at, :owner, :at)
				""")
			.param("owner", owner)
			.param("id", id)
			.param("kind", kind)
			.param("mode", mode)
			.param("fileName", fileName)
			.param("sha256", sha256)
			.param("size", size)
			.param("by", by)
			.param("at", timestamp(at))
			.update();
	}

	void total(UUID id, int rows) {
		this.jdbc.sql("update integration.import_job set rows_total = :rows where id = :id and status = 'RUNNING'")
			.param("rows", rows)
			.param("id", id)
			.update();
	}

	void progress(UUID id, int rows, Instant at) {
		this.jdbc
			.sql("update integration.import_job set rows_done = greatest(rows_done, :rows), heartbeat_at = :at "
					+ "where id = :id and status = 'RUNNING'")
			.param("rows", rows)
			.param("at", timestamp(at))
			.param("id", id)
			.update();
	}

	/** Tells that the jobs are alive, queued or running on this instance. */
	void heartbeat(Collection<UUID> ids, Instant at) {
		for (UUID id : ids) {
			this.jdbc.sql("update integration.import_job set heartbeat_at = :at where id = :id and status = 'RUNNING'")
				.param("at", timestamp(at))
				.param("id", id)
				.update();
		}
	}

	/**
	 * Marks a job done with its report, when it is still running: in the transaction that
	 * wrote its data, so that both commit or neither.
	 * @return whether it was still running (when not, another instance took it for dead
	 * and marked it failed, and the data must not be committed)
	 */
	boolean done(UUID id, int rows, String report, Instant at) {
		return this.jdbc.sql("""
				update integration.import_job set status = 'DONE', rows_done = :rows, rows_total = :rows,
				  report = cast(:report as jsonb), finished_at = :at
				where id = :id and status = 'RUNNING'
				""")
			.param("rows", rows)
			.param("report", report)
			.param("at", timestamp(at))
			.param("id", id)
			.update() == 1;
	}

	/** Forgets a job that was refused before it started. */
	void delete(UUID id) {
		this.jdbc.sql("delete from integration.import_job where id = :id").param("id", id).update();
	}

	void failed(UUID id, String code, String detail, Instant at) {
		this.jdbc.sql("""
				update integration.import_job set status = 'FAILED', failure_code = :code, failure_detail = :detail,
				  finished_at = :at
				where id = :id and status = 'RUNNING'
				""")
			.param("code", code)
			.param("detail", detail.length() > 2000 ? detail.substring(0, 2000) : detail)
			.param("at", timestamp(at))
			.param("id", id)
			.update();
	}

	/**
	 * Marks the dead jobs failed: those still running whose heartbeat is older than
	 * {@code staleBefore}, and those of the instance {@code owner} (left by it before it
	 * restarted) unless they are among {@code alive}, its own queued or running ones.
	 * @return how many were marked
	 */
	int failDead(String owner, Collection<UUID> alive, Instant staleBefore, String code, Instant at) {
		List<UUID> dead = this.jdbc
			.sql("select id from integration.import_job "
					+ "where status = 'RUNNING' and (owner = :owner or heartbeat_at < :stale)")
			.param("owner", owner)
			.param("stale", timestamp(staleBefore))
			.query(UUID.class)
			.list();
		int failed = 0;
		for (UUID id : dead) {
			if (alive.contains(id)) {
				continue;
			}
			// the condition again: a heartbeat written meanwhile keeps the job alive
			failed += this.jdbc.sql("""
					update integration.import_job set status = 'FAILED', failure_code = :code, failure_detail = '',
					  finished_at = :at
					where id = :id and status = 'RUNNING' and (owner = :owner or heartbeat_at < :stale)
					""")
				.param("code", code)
				.param("at", timestamp(at))
				.param("id", id)
				.param("owner", owner)
				.param("stale", timestamp(staleBefore))
				.update();
		}
		return failed;
	}

	Optional<Row> find(UUID id) {
		return this.jdbc.sql("select * from integration.import_job where id = :id")
			.param("id", id)
			.query(ImportJobRepository::row)
			.optional();
	}

	/** A job as stored: the failure as a message code and its arguments. */
	record Row(UUID id, String kind, String mode, @Nullable String fileName, String sha256, long size,
			ImportJob.Status status, @Nullable Integer rowsTotal, int rowsDone, @Nullable String report,
			@Nullable String failureCode, @Nullable String failureDetail, String createdBy, Instant createdAt,
			@Nullable Instant finishedAt) {
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
		int total = rs.getInt("rows_total");
		Integer rowsTotal = rs.wasNull() ? null : total;
		return new Row(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("mode"),
				rs.getString("file_name"), rs.getString("file_sha256"), rs.getLong("file_size"),
				ImportJob.Status.valueOf(rs.getString("status")), rowsTotal, rs.getInt("rows_done"),
				rs.getString("report"), rs.getString("failure_code"), rs.getString("failure_detail"),
				rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				finished == null ? null : finished.toInstant());
	}

	private static OffsetDateTime timestamp(Instant at) {
		return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
	}

}
