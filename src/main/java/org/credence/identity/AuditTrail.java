package org.credence.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.credence.identity.audit.AuditChain;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only, tamper-evident record of every change to credit data: who, when, which
 * entity, the state before and after, and why. Writers call {@link #record} inside their
 * own transaction, so the change and its audit entry commit together or not at all.
 * <p>
 * Entries are numbered without gaps and chained by hash ({@link AuditChain}); appends
 * take a transaction-scoped advisory lock so the chain stays linear across threads and
 * application instances. The table refuses updates and deletes by trigger;
 * {@link #verify()} finds an entry changed behind that trigger's back.
 */
@Service
public class AuditTrail {

	private static final long CHAIN_LOCK = 0x617564697400L;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CurrentUser currentUser;

	private final JsonMapper json = JsonMapper.builder()
		.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	AuditTrail(JdbcClient jdbc, Clock clock, CurrentUser currentUser) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.currentUser = currentUser;
	}

	/**
	 * Appends an entry for the current user, in the caller's transaction (a new one when
	 * there is none).
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public AuditEntry record(AuditRecord record) {
		return recordAll(List.of(record)).get(0);
	}

	/**
	 * Takes the audit chain's lock for the rest of the caller's transaction, before the
	 * caller locks rows of its own that audited writes elsewhere lock after appending:
	 * the chain is always locked first, so the two cannot deadlock.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lockChain() {
		this.jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", CHAIN_LOCK).query().singleRow();
	}

	/**
	 * Appends entries for the current user in the order given, in the caller's
	 * transaction (a new one when there is none): the same chain as appending them one by
	 * one, in one statement. A batch that rolls back with its transaction leaves no trace
	 * in the chain, like a single entry.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public List<AuditEntry> recordAll(List<AuditRecord> records) {
		if (records.isEmpty()) {
			return List.of();
		}
		this.jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", CHAIN_LOCK).query().singleRow();
		var last = this.jdbc.sql("select seq, hash from identity.audit_entry order by seq desc limit 1")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.optional();
		long seq = last.map(row -> (Long) row[0]).orElse(0L);
		String previousHash = last.map(row -> (String) row[1]).orElse(AuditChain.GENESIS);
		Instant at = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		String actor = this.currentUser.username();
		List<AuditEntry> entries = new ArrayList<>(records.size());
		for (AuditRecord record : records) {
			seq++;
			String before = toJson(record.before());
			String after = toJson(record.after());
			String hash = AuditChain.hash(seq, at, actor, record.subject(), record.entityType(), record.entityId(),
					record.action(), before, after, record.reason(), previousHash);
			entries.add(new AuditEntry(seq, at, actor, record.subject(), record.entityType(), record.entityId(),
					record.action(), before, after, record.reason(), previousHash, hash));
			previousHash = hash;
		}
		if (entries.size() == 1) {
			AuditEntry entry = entries.get(0);
			this.jdbc
				.sql("""
						insert into identity.audit_entry
						  (seq, at, actor, subject, entity_type, entity_id, action, before_state, after_state, reason, prev_hash, hash)
						values (:seq, :at, :actor, :subject, :entityType, :entityId, :action, :before, :after, :reason, :prev, :hash)
						""")
				.param("seq", entry.seq())
				.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
				.param("actor", actor)
				.param("subject", entry.subject())
				.param("entityType", entry.entityType())
				.param("entityId", entry.entityId())
				.param("action", entry.action())
				.param("before", entry.before())
				.param("after", entry.after())
				.param("reason", entry.reason())
				.param("prev", entry.previousHash())
				.param("hash", entry.hash())
				.update();
			return entries;
		}
		// one statement for the batch: the columns as arrays, unnested in order
		this.jdbc
			.sql("""
					insert into identity.audit_entry
					  (seq, at, actor, subject, entity_type, entity_id, action, before_state, after_state, reason, prev_hash, hash)
					select seq, :at, :actor, subject, entity_type, entity_id, action, before_state, after_state, reason,
					       prev_hash, hash
					from unnest(cast(:seq as bigint[]), cast(:subject as text[]), cast(:entityType as text[]),
					            cast(:entityId as text[]), cast(:action as text[]), cast(:before as text[]),
					            cast(:after as text[]), cast(:reason as text[]), cast(:prev as text[]), cast(:hash as text[]))
					     as e(seq, subject, entity_type, entity_id, action, before_state, after_state, reason, prev_hash, hash)
					order by seq
					""")
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("actor", actor)
			.param("seq", column(entries, entry -> Long.toString(entry.seq())))
			.param("subject", column(entries, AuditEntry::subject))
			.param("entityType", column(entries, AuditEntry::entityType))
			.param("entityId", column(entries, AuditEntry::entityId))
			.param("action", column(entries, AuditEntry::action))
			.param("before", column(entries, AuditEntry::before))
			.param("after", column(entries, AuditEntry::after))
			.param("reason", column(entries, AuditEntry::reason))
			.param("prev", column(entries, AuditEntry::previousHash))
			.param("hash", column(entries, AuditEntry::hash))
			.update();
		return entries;
	}

	private static @Nullable String[] column(List<AuditEntry> entries, Function<AuditEntry, @Nullable String> field) {
		return entries.stream().map(field).toArray(String[]::new);
	}

	/** Entries matching the query, newest first. */
	@Transactional(readOnly = true)
	public PageResult<AuditEntry> entries(AuditQuery query, Paging paging) {
		StringBuilder where = new StringBuilder(" where true");
		var params = new java.util.HashMap<String, Object>();
		if (query.subject() != null) {
			where.append(" and subject = :subject");
			params.put("subject", query.subject());
		}
		if (query.entityType() != null) {
			where.append(" and entity_type = :entityType");
			params.put("entityType", query.entityType());
		}
		if (query.actor() != null) {
			where.append(" and actor = :actor");
			params.put("actor", query.actor());
		}
		if (query.from() != null) {
			where.append(" and at >= :from");
			params.put("from", query.from().atStartOfDay(this.clock.getZone()).toOffsetDateTime());
		}
		if (query.to() != null) {
			where.append(" and at < :to");
			params.put("to", query.to().plusDays(1).atStartOfDay(this.clock.getZone()).toOffsetDateTime());
		}
		long total = this.jdbc.sql("select count(*) from identity.audit_entry" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<AuditEntry> items = this.jdbc
			.sql("select * from identity.audit_entry" + where + " order by seq desc limit :limit offset :offset")
			.params(params)
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query(AuditTrail::entry)
			.list();
		return new PageResult<>(items, paging.page(), paging.size(), total);
	}

	/**
	 * Re-computes the whole chain in order and reports the first entry that does not
	 * match its hash, does not link to its predecessor, or follows a gap.
	 */
	@Transactional(readOnly = true)
	public ChainVerification verify() {
		AtomicLong checked = new AtomicLong();
		AtomicReference<String> previousHash = new AtomicReference<>(AuditChain.GENESIS);
		AtomicLong expectedSeq = new AtomicLong(1);
		List<ChainVerification> broken = new ArrayList<>(1);
		this.jdbc.sql("select * from identity.audit_entry order by seq").query(rs -> {
			if (!broken.isEmpty()) {
				return;
			}
			AuditEntry entry = entry(rs, 0);
			checked.incrementAndGet();
			if (entry.seq() != expectedSeq.get()) {
				broken.add(new ChainVerification(false, checked.get(), entry.seq(), "GAP"));
				return;
			}
			if (!entry.previousHash().equals(previousHash.get())) {
				broken.add(new ChainVerification(false, checked.get(), entry.seq(), "LINK_BROKEN"));
				return;
			}
			String recomputed = AuditChain.hash(entry.seq(), entry.at(), entry.actor(), entry.subject(),
					entry.entityType(), entry.entityId(), entry.action(), entry.before(), entry.after(), entry.reason(),
					entry.previousHash());
			if (!recomputed.equals(entry.hash())) {
				broken.add(new ChainVerification(false, checked.get(), entry.seq(), "HASH_MISMATCH"));
				return;
			}
			previousHash.set(entry.hash());
			expectedSeq.incrementAndGet();
		});
		return broken.isEmpty() ? new ChainVerification(true, checked.get(), null, null) : broken.get(0);
	}

	private @Nullable String toJson(@Nullable Object state) {
		return state == null ? null : this.json.writeValueAsString(state);
	}

	private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("subject"), rs.getString("entity_type"), rs.getString("entity_id"),
				rs.getString("action"), rs.getString("before_state"), rs.getString("after_state"),
				rs.getString("reason"), rs.getString("prev_hash"), rs.getString("hash"));
	}

}
