package org.credence.exposure.check;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.credence.exposure.CheckRuleSet;
import org.credence.exposure.CheckRuleVersions.Version;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code exposure.check_rules}. The number of the version in force is read on every check
 * (on the order path in the same statement that locks the customer's position); its
 * parsed rules are kept in memory by version number, so a change made on another node is
 * seen by the next check here.
 */
@Repository
public class RulesRepository {

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	private volatile @Nullable Version cached;

	RulesRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The number of the latest saved version; 0 before any was saved. */
	public int latestNumber() {
		return this.jdbc.sql("select coalesce(max(version), 0) from exposure.check_rules")
			.query(Integer.class)
			.single();
	}

	/**
	 * A saved version, from memory when it is the one read last.
	 */
	public Optional<Version> cached(int version) {
		Version known = this.cached;
		if (known != null && known.version() == version) {
			return Optional.of(known);
		}
		Optional<Version> read = version(version);
		read.ifPresent(v -> this.cached = v);
		return read;
	}

	public Optional<Version> version(int version) {
		return this.jdbc.sql("select * from exposure.check_rules where version = :v")
			.param("v", version)
			.query((rs, n) -> new Version(rs.getInt("version"),
					this.json.readValue(rs.getString("rules"), CheckRuleSet.class), rs.getString("note"),
					rs.getString("created_by"), rs.getTimestamp("created_at").toInstant()))
			.optional();
	}

	public List<Version> versions() {
		return this.jdbc.sql("select * from exposure.check_rules order by version desc")
			.query((rs, n) -> new Version(rs.getInt("version"),
					this.json.readValue(rs.getString("rules"), CheckRuleSet.class), rs.getString("note"),
					rs.getString("created_by"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/** Adds a version after the latest; the new version's number. */
	public int insert(CheckRuleSet rules, @Nullable String note, String by, Instant at) {
		this.jdbc.sql("lock table exposure.check_rules in exclusive mode").update();
		return this.jdbc.sql("""
				insert into exposure.check_rules (version, rules, note, created_by, created_at)
				select coalesce(max(version), 0) + 1, cast(:rules as jsonb), :note, :by, :at from exposure.check_rules
				returning version
				""")
			.param("rules", this.json.writeValueAsString(rules))
			.param("note", note)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.query(Integer.class)
			.single();
	}

}
