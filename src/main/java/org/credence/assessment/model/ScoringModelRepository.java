package org.credence.assessment.model;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Model versions in {@code assessment.scoring_model}. */
@Repository
class ScoringModelRepository {

	private final JdbcClient jdbc;

	ScoringModelRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ModelDefinition> find(String code, int version) {
		return this.jdbc.sql("select * from assessment.scoring_model where code = :code and version = :version")
			.param("code", code)
			.param("version", version)
			.query(ScoringModelRepository::definition)
			.optional();
	}

	/** The version, locked for update until the transaction ends. */
	Optional<ModelDefinition> lock(String code, int version) {
		return this.jdbc
			.sql("select * from assessment.scoring_model where code = :code and version = :version for update")
			.param("code", code)
			.param("version", version)
			.query(ScoringModelRepository::definition)
			.optional();
	}

	Optional<ModelDefinition> active(String code) {
		return this.jdbc.sql("select * from assessment.scoring_model where code = :code and status = 'ACTIVE'")
			.param("code", code)
			.query(ScoringModelRepository::definition)
			.optional();
	}

	List<ModelDefinition> active() {
		return this.jdbc.sql("select * from assessment.scoring_model where status = 'ACTIVE' order by code")
			.query(ScoringModelRepository::definition)
			.list();
	}

	List<ModelVersion> versions() {
		return this.jdbc.sql("""
				select code, version, status, name_zh, name_en, created_at, created_by, updated_at,
				       activated_at, activated_by, retired_at
				  from assessment.scoring_model order by code, version desc
				""").query(ScoringModelRepository::version).list();
	}

	boolean exists(String code) {
		return this.jdbc.sql("select exists (select 1 from assessment.scoring_model where code = :code)")
			.param("code", code)
			.query(Boolean.class)
			.single();
	}

	/**
	 * The next version number of a code, taking a lock on the code so two drafts never
	 * share one.
	 */
	int nextVersion(String code) {
		lockCode(code);
		return this.jdbc.sql("select coalesce(max(version), 0) + 1 from assessment.scoring_model where code = :code")
			.param("code", code)
			.query(Integer.class)
			.single();
	}

	/** Serialises changes to one model code until the transaction ends. */
	void lockCode(String code) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('assessment.scoring_model:' || :code))")
			.param("code", code)
			.query()
			.singleRow();
	}

	void insert(ModelDefinition model, String createdBy, Instant now) {
		this.jdbc.sql("""
				insert into assessment.scoring_model
				  (code, version, status, name_zh, name_en, definition, created_at, created_by, updated_at,
				   activated_at, activated_by)
				values (:code, :version, :status, :nameZh, :nameEn, cast(:definition as jsonb), :now, :by, :now,
				        :activatedAt, :activatedBy)
				""")
			.param("code", model.code())
			.param("version", model.version())
			.param("status", model.status())
			.param("nameZh", model.nameZh())
			.param("nameEn", model.nameEn())
			.param("definition", ModelJson.write(model))
			.param("now", at(now))
			.param("by", createdBy)
			.param("activatedAt", model.activatedAt() == null ? null : at(model.activatedAt()))
			.param("activatedBy", model.activatedBy())
			.update();
	}

	/**
	 * Installs a model unless a version of its code exists (an idempotent first start,
	 * safe on several instances).
	 */
	boolean insertIfAbsent(ModelDefinition model, Instant now) {
		return this.jdbc.sql("""
				insert into assessment.scoring_model
				  (code, version, status, name_zh, name_en, definition, created_at, created_by, updated_at,
				   activated_at, activated_by)
				select :code, :version, :status, :nameZh, :nameEn, cast(:definition as jsonb), :now, :by, :now,
				       :activatedAt, :activatedBy
				 where not exists (select 1 from assessment.scoring_model where code = :code)
				on conflict do nothing
				""")
			.param("code", model.code())
			.param("version", model.version())
			.param("status", model.status())
			.param("nameZh", model.nameZh())
			.param("nameEn", model.nameEn())
			.param("definition", ModelJson.write(model))
			.param("now", at(now))
			.param("by", model.activatedBy())
			.param("activatedAt", model.activatedAt() == null ? null : at(model.activatedAt()))
			.param("activatedBy", model.activatedBy())
			.update() == 1;
	}

	void updateDefinition(ModelDefinition model, Instant now) {
		this.jdbc.sql("""
				update assessment.scoring_model
				   set name_zh = :nameZh, name_en = :nameEn, definition = cast(:definition as jsonb), updated_at = :now
				 where code = :code and version = :version
				""")
			.param("code", model.code())
			.param("version", model.version())
			.param("nameZh", model.nameZh())
			.param("nameEn", model.nameEn())
			.param("definition", ModelJson.write(model))
			.param("now", at(now))
			.update();
	}

	void activate(String code, int version, String by, Instant now) {
		this.jdbc.sql("""
				update assessment.scoring_model
				   set status = 'ACTIVE', activated_at = :now, activated_by = :by, updated_at = :now
				 where code = :code and version = :version
				""").param("code", code).param("version", version).param("by", by).param("now", at(now)).update();
	}

	void retire(String code, int version, Instant now) {
		this.jdbc.sql("""
				update assessment.scoring_model
				   set status = 'RETIRED', retired_at = :now, updated_at = :now
				 where code = :code and version = :version
				""").param("code", code).param("version", version).param("now", at(now)).update();
	}

	private static OffsetDateTime at(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static ModelDefinition definition(ResultSet rs, int row) throws SQLException {
		ModelDefinition stored = ModelJson.read(rs.getString("definition"));
		ModelDefinition model = new ModelDefinition(rs.getString("code"), rs.getInt("version"), stored.status(),
				stored.nameZh(), stored.nameEn(), stored.description(), stored.factors(), stored.scale(),
				stored.source(), null, null);
		return model.withStatus(rs.getString("status"), rs.getString("activated_by"), instant(rs, "activated_at"));
	}

	private static ModelVersion version(ResultSet rs, int row) throws SQLException {
		return new ModelVersion(rs.getString("code"), rs.getInt("version"), rs.getString("status"),
				rs.getString("name_zh"), rs.getString("name_en"), instant(rs, "created_at"), rs.getString("created_by"),
				instant(rs, "updated_at"), instant(rs, "activated_at"), rs.getString("activated_by"),
				instant(rs, "retired_at"));
	}

}
