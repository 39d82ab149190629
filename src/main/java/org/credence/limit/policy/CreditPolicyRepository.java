package org.credence.limit.policy;

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

/**
 * Policy versions in {@code credit_limit.policy_version} and their rules in
 * {@code credit_limit.policy_rule}.
 */
@Repository
class CreditPolicyRepository {

	private final JdbcClient jdbc;

	CreditPolicyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<CreditPolicy> find(int version) {
		return this.jdbc.sql("select * from credit_limit.policy_version where version = :version")
			.param("version", version)
			.query(this::header)
			.optional()
			.map(this::withRules);
	}

	Optional<CreditPolicy> withStatus(String status) {
		return this.jdbc.sql("select * from credit_limit.policy_version where status = :status")
			.param("status", status)
			.query(this::header)
			.optional()
			.map(this::withRules);
	}

	/** Every version without its rules, newest first. */
	List<CreditPolicy> versions() {
		return this.jdbc.sql("select * from credit_limit.policy_version order by version desc")
			.query(this::header)
			.list();
	}

	/** Serialises changes to the policy until the transaction ends. */
	void lock() {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('credit_limit.policy_version'))").query().singleRow();
	}

	int nextVersion() {
		return this.jdbc.sql("select coalesce(max(version), 0) + 1 from credit_limit.policy_version")
			.query(Integer.class)
			.single();
	}

	boolean isEmpty() {
		return !this.jdbc.sql("select exists (select 1 from credit_limit.policy_version)")
			.query(Boolean.class)
			.single();
	}

	void insert(int version, String status, @Nullable String note, List<PolicyRule> rules, String by, Instant now) {
		this.jdbc.sql("""
				insert into credit_limit.policy_version
				  (version, status, note, created_at, created_by, updated_at, updated_by, activated_at, activated_by)
				values (:version, :status, :note, :now, :by, :now, :by, :activatedAt, :activatedBy)
				""")
			.param("version", version)
			.param("status", status)
			.param("note", note)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("by", by)
			.param("activatedAt",
					CreditPolicy.ACTIVE.equals(status) ? OffsetDateTime.ofInstant(now, ZoneOffset.UTC) : null,
					java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("activatedBy", CreditPolicy.ACTIVE.equals(status) ? by : null, java.sql.Types.VARCHAR)
			.update();
		insertRules(version, rules);
	}

	void updateDraft(int version, @Nullable String note, List<PolicyRule> rules, String by, Instant now) {
		this.jdbc.sql("""
				update credit_limit.policy_version set note = :note, updated_at = :now, updated_by = :by
				 where version = :version and status = 'DRAFT'
				""")
			.param("version", version)
			.param("note", note)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("by", by)
			.update();
		this.jdbc.sql("delete from credit_limit.policy_rule where version = :version")
			.param("version", version)
			.update();
		insertRules(version, rules);
	}

	void retire(int version, Instant now) {
		this.jdbc.sql("""
				update credit_limit.policy_version set status = 'RETIRED', retired_at = :now where version = :version
				""").param("version", version).param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
	}

	void activate(int version, String by, Instant now) {
		this.jdbc.sql("""
				update credit_limit.policy_version
				   set status = 'ACTIVE', activated_at = :now, activated_by = :by, updated_at = :now, updated_by = :by
				 where version = :version
				""")
			.param("version", version)
			.param("by", by)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update();
	}

	private void insertRules(int version, List<PolicyRule> rules) {
		for (int i = 0; i < rules.size(); i++) {
			PolicyRule rule = rules.get(i);
			this.jdbc.sql("""
					insert into credit_limit.policy_rule
					  (version, position, grade, risk_class, industry, credit_allowed, maximum, formula,
					   default_terms_days, max_terms_days, collateral_required, cover_ratio)
					values (:version, :position, :grade, :riskClass, :industry, :creditAllowed, :maximum, :formula,
					        :terms, :maxTerms, :collateral, :cover)
					""")
				.param("version", version)
				.param("position", i)
				.param("grade", rule.grade())
				.param("riskClass", rule.riskClass())
				.param("industry", rule.industry())
				.param("creditAllowed", rule.creditAllowed())
				.param("maximum", rule.maximum())
				.param("formula", rule.formula())
				.param("terms", rule.defaultTermsDays())
				.param("maxTerms", rule.maxTermsDays())
				.param("collateral", rule.collateralRequired())
				.param("cover", rule.coverRatio())
				.update();
		}
	}

	private CreditPolicy withRules(CreditPolicy header) {
		List<PolicyRule> rules = this.jdbc
			.sql("select * from credit_limit.policy_rule where version = :version order by position")
			.param("version", header.version())
			.query((rs, n) -> new PolicyRule(rs.getString("grade"), rs.getString("risk_class"),
					rs.getString("industry"), rs.getBoolean("credit_allowed"), rs.getBigDecimal("maximum"),
					rs.getString("formula"), rs.getInt("default_terms_days"), rs.getInt("max_terms_days"),
					rs.getBoolean("collateral_required"),
					rs.getBigDecimal("cover_ratio") == null ? null
							: rs.getBigDecimal("cover_ratio").stripTrailingZeros()))
			.list();
		return new CreditPolicy(header.version(), header.status(), header.note(), rules, header.createdAt(),
				header.createdBy(), header.updatedAt(), header.updatedBy(), header.activatedAt(), header.activatedBy(),
				header.retiredAt());
	}

	private CreditPolicy header(ResultSet rs, int row) throws SQLException {
		return new CreditPolicy(rs.getInt("version"), rs.getString("status"), rs.getString("note"), List.of(),
				instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "updated_at"),
				rs.getString("updated_by"), nullableInstant(rs, "activated_at"), rs.getString("activated_by"),
				nullableInstant(rs, "retired_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
