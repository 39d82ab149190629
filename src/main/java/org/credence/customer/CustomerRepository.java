package org.credence.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Customers, groups and blacklist entries in the {@code customer} schema. Reads return
 * the customer with its group and its blacklist entry active on the given day.
 */
@Repository
class CustomerRepository {

	private static final String SELECT = """
			select c.*, g.code as group_code, g.name as group_name,
			       b.id as bl_id, b.uscc as bl_uscc, b.reason as bl_reason, b.evidence as bl_evidence,
			       b.expires_on as bl_expires_on, b.added_by as bl_added_by, b.added_at as bl_added_at
			  from customer.customer c
			  left join customer.customer_group g on g.id = c.group_id
			  left join lateral (
			        select * from customer.blacklist_entry e
			         where e.customer_id = c.id and e.removed_at is null
			           and (e.expires_on is null or e.expires_on >= :today)
			         order by e.added_at desc limit 1) b on true
			""";

	private static final Map<String, String> SORT_COLUMNS = Map.of("code", "c.code", "name", "c.name", "status",
			"c.status", "industry", "c.industry", "region", "c.region", "owner", "c.owner_username", "grade", "c.grade",
			"updated", "c.updated_at");

	private final JdbcClient jdbc;

	CustomerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<CustomerDetails> find(String code, LocalDate today, @Nullable String ownerScope) {
		return this.jdbc
			.sql(SELECT + " where c.code = :code" + (ownerScope == null ? "" : " and c.owner_username = :owner"))
			.param("code", code)
			.param("today", today)
			.param("owner", ownerScope)
			.query(CustomerRepository::details)
			.optional();
	}

	Set<String> existingCodes(Collection<String> codes, @Nullable String ownerScope) {
		if (codes.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc
			.sql("select code from customer.customer where code = any(string_to_array(:codes, chr(31)))"
					+ (ownerScope == null ? "" : " and owner_username = :owner"))
			.param("codes", String.join("\u001F", codes))
			.param("owner", ownerScope)
			.query(String.class)
			.list());
	}

	boolean exists(String code) {
		return this.jdbc.sql("select count(*) from customer.customer where code = :code")
			.param("code", code)
			.query(Long.class)
			.single() > 0;
	}

	PageResult<CustomerDetails> search(CustomerQuery query, Paging paging, LocalDate today,
			@Nullable String ownerScope) {
		Map<String, Object> params = new HashMap<>();
		String where = where(query, ownerScope, params);
		params.put("today", today);
		String order = order(query);
		List<CustomerDetails> items = this.jdbc
			.sql(SELECT + where + " order by " + order + " limit :limit offset :offset")
			.params(params)
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query(CustomerRepository::details)
			.list();
		long total = (items.size() < paging.size() && (paging.page() == 0 || !items.isEmpty()))
				? paging.offset() + items.size()
				: this.jdbc.sql("select count(*) from (" + SELECT + where + ") counted")
					.params(params)
					.query(Long.class)
					.single();
		return new PageResult<>(items, paging.page(), paging.size(), total);
	}

	List<CustomerDetails> searchAll(CustomerQuery query, int limit, LocalDate today, @Nullable String ownerScope) {
		Map<String, Object> params = new HashMap<>();
		String where = where(query, ownerScope, params);
		params.put("today", today);
		return this.jdbc.sql(SELECT + where + " order by " + order(query) + " limit :limit")
			.params(params)
			.param("limit", limit)
			.query(CustomerRepository::details)
			.list();
	}

	private static String order(CustomerQuery query) {
		return SORT_COLUMNS.getOrDefault(query.sort() == null ? "code" : query.sort(), "c.code")
				+ (query.descending() ? " desc nulls last" : " asc nulls last") + ", c.id";
	}

	/** Customers per status, and how many are blacklisted, within a data scope. */
	Map<String, Long> countsByStatus(LocalDate today, @Nullable String ownerScope) {
		Map<String, Long> counts = new HashMap<>();
		this.jdbc.sql("""
				select c.status, count(*) as n,
				       count(*) filter (where exists (select 1 from customer.blacklist_entry e
				           where e.customer_id = c.id and e.removed_at is null
				             and (e.expires_on is null or e.expires_on >= :today))) as blacklisted
				  from customer.customer c
				""" + (ownerScope == null ? "" : " where c.owner_username = :owner") + " group by c.status")
			.param("today", today)
			.param("owner", ownerScope)
			.query(rs -> {
				counts.put(rs.getString("status"), rs.getLong("n"));
				counts.merge("BLACKLISTED", rs.getLong("blacklisted"), Long::sum);
			});
		return counts;
	}

	long insert(CustomerDraft draft, @Nullable Long groupId, Instant now) {
		return this.jdbc.sql("""
				insert into customer.customer (code, name, short_name, uscc, country, region, industry,
				    registered_capital, registered_capital_currency, founded_on, employees, ownership_type, group_id,
				    owner_username, analyst_username, status, tags, created_at, updated_at)
				values (:code, :name, :shortName, :uscc, :country, :region, :industry, :capital, :capitalCurrency,
				    :foundedOn, :employees, :ownershipType, :groupId, :owner, :analyst, :status, :tags, :now, :now)
				returning id
				""").params(fields(draft, groupId, now)).query(Long.class).single();
	}

	/**
	 * Replaces the fields of a customer if its version is still {@code version}; false
	 * otherwise.
	 */
	boolean update(CustomerDraft draft, @Nullable Long groupId, long version, Instant now) {
		Map<String, Object> fields = fields(draft, groupId, now);
		fields.put("version", version);
		return this.jdbc.sql("""
				update customer.customer
				   set name = :name, short_name = :shortName, uscc = :uscc, country = :country, region = :region,
				       industry = :industry, registered_capital = :capital,
				       registered_capital_currency = :capitalCurrency, founded_on = :foundedOn, employees = :employees,
				       ownership_type = :ownershipType, group_id = :groupId, owner_username = :owner,
				       analyst_username = :analyst, status = :status, tags = :tags, updated_at = :now,
				       version = version + 1
				 where code = :code and version = :version
				""").params(fields).update() == 1;
	}

	void rate(long customerId, String grade, String riskClass, Instant now) {
		this.jdbc.sql(
				"update customer.customer set grade = :grade, risk_class = :riskClass, updated_at = :now where id = :id")
			.param("grade", grade)
			.param("riskClass", riskClass)
			.param("now", utc(now))
			.param("id", customerId)
			.update();
	}

	/** The current ratings of these customers, by code; unknown codes are left out. */
	Map<String, CurrentRating> ratings(java.util.Collection<String> codes) {
		Map<String, CurrentRating> ratings = new HashMap<>();
		this.jdbc.sql("select id, code, grade, risk_class from customer.customer where code = any(:codes)")
			.param("codes", codes.toArray(String[]::new))
			.query((ResultSet rs) -> {
				ratings.put(rs.getString(2),
						new CurrentRating(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
			});
		return ratings;
	}

	/** Sets the ratings of these customers (by id) in one statement. */
	void rateAll(List<CurrentRating> ratings, Instant now) {
		if (ratings.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				update customer.customer c set grade = r.grade, risk_class = r.risk_class, updated_at = :now
				from unnest(cast(:ids as bigint[]), cast(:grades as text[]), cast(:classes as text[]))
				     as r(id, grade, risk_class)
				where c.id = r.id
				""")
			.param("ids", ratings.stream().map(r -> Long.toString(r.id())).toArray(String[]::new))
			.param("grades", ratings.stream().map(CurrentRating::grade).toArray(String[]::new))
			.param("classes", ratings.stream().map(CurrentRating::riskClass).toArray(String[]::new))
			.param("now", utc(now))
			.update();
	}

	/**
	 * Of these codes, those of customers that exist (and that the owner owns, if given).
	 */
	List<String> groupMembers(String groupCode, @Nullable String ownerScope) {
		return this.jdbc.sql("""
				select c.code from customer.customer c join customer.customer_group g on g.id = c.group_id
				where g.code = :group and (cast(:owner as varchar) is null or c.owner_username = :owner)
				order by c.code
				""").param("group", groupCode).param("owner", ownerScope).query(String.class).list();
	}

	List<String> codes(@Nullable String ownerScope) {
		return this.jdbc.sql(
				"select code from customer.customer where (cast(:owner as varchar) is null or owner_username = :owner) order by code")
			.param("owner", ownerScope)
			.query(String.class)
			.list();
	}

	java.util.Set<String> known(java.util.Collection<String> codes, @Nullable String ownerScope) {
		return new java.util.HashSet<>(this.jdbc
			.sql("select code from customer.customer where code = any(:codes)"
					+ (ownerScope == null ? "" : " and owner_username = :owner"))
			.param("codes", codes.toArray(String[]::new))
			.param("owner", ownerScope)
			.query(String.class)
			.list());
	}

	/** A customer's id, code and rating. */
	record CurrentRating(long id, String code, @Nullable String grade, @Nullable String riskClass) {
	}

	/** The id of a group, created with the given name if it does not exist yet. */
	long groupId(String groupCode, @Nullable String groupName, Instant now) {
		return this.jdbc.sql("""
				insert into customer.customer_group (code, name, created_at)
				values (:code, coalesce(cast(:name as varchar), :code), :now)
				on conflict (code) do update set name = coalesce(cast(:name as varchar), customer.customer_group.name)
				returning id
				""")
			.param("code", groupCode)
			.param("name", groupName)
			.param("now", utc(now))
			.query(Long.class)
			.single();
	}

	long insertBlacklistEntry(long customerId, @Nullable String uscc, String name, String reason,
			@Nullable String evidence, @Nullable LocalDate expiresOn, String addedBy, Instant now) {
		return this.jdbc
			.sql("""
					insert into customer.blacklist_entry (customer_id, uscc, name, reason, evidence, expires_on, added_by, added_at)
					values (:customerId, :uscc, :name, :reason, :evidence, :expiresOn, :addedBy, :now)
					returning id
					""")
			.param("customerId", customerId)
			.param("uscc", uscc)
			.param("name", name)
			.param("reason", reason)
			.param("evidence", evidence)
			.param("expiresOn", expiresOn)
			.param("addedBy", addedBy)
			.param("now", utc(now))
			.query(Long.class)
			.single();
	}

	boolean removeBlacklistEntry(long entryId, String removedBy, String reason, Instant now) {
		return this.jdbc.sql("""
				update customer.blacklist_entry set removed_by = :by, removed_at = :now, removal_reason = :reason
				 where id = :id and removed_at is null
				""")
			.param("id", entryId)
			.param("by", removedBy)
			.param("reason", reason)
			.param("now", utc(now))
			.update() == 1;
	}

	List<BlacklistEntry> blacklistHistory(String code) {
		return this.jdbc.sql("""
				select e.*, c.code as customer_code from customer.blacklist_entry e
				  join customer.customer c on c.id = e.customer_id
				 where c.code = :code order by e.added_at desc
				""").param("code", code).query(CustomerRepository::blacklistEntry).list();
	}

	/**
	 * Active blacklist entries of other customers with the same USCC or the same name.
	 */
	List<BlacklistMatch> blacklistMatches(@Nullable String uscc, String name, @Nullable String exceptCode,
			LocalDate today) {
		return this.jdbc
			.sql("""
					select c.code, c.name, e.reason,
					       case when cast(:uscc as varchar) is not null and e.uscc = :uscc then 'USCC' else 'NAME' end as matched_on
					  from customer.blacklist_entry e join customer.customer c on c.id = e.customer_id
					 where e.removed_at is null and (e.expires_on is null or e.expires_on >= :today)
					   and ((cast(:uscc as varchar) is not null and e.uscc = :uscc) or lower(e.name) = lower(:name))
					   and (cast(:except as varchar) is null or c.code <> :except)
					 order by c.code
					""")
			.param("uscc", uscc)
			.param("name", name.strip())
			.param("except", exceptCode)
			.param("today", today)
			.query((rs, n) -> new BlacklistMatch(rs.getString("code"), rs.getString("name"), rs.getString("matched_on"),
					rs.getString("reason")))
			.list();
	}

	private static String where(CustomerQuery query, @Nullable String ownerScope, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" where true");
		if (ownerScope != null) {
			where.append(" and c.owner_username = :scopeOwner");
			params.put("scopeOwner", ownerScope);
		}
		if (query.q() != null && !query.q().isBlank()) {
			where.append(" and (lower(c.code) like :q or lower(c.name) like :q or lower(c.short_name) like :q"
					+ " or upper(c.uscc) like upper(:q))");
			params.put("q", "%" + query.q().strip().toLowerCase(java.util.Locale.ROOT).replace("%", "\\%") + "%");
		}
		if (query.status() != null) {
			where.append(" and c.status = :status");
			params.put("status", query.status().name());
		}
		if (query.industry() != null) {
			where.append(" and c.industry = :industry");
			params.put("industry", query.industry().name());
		}
		if (query.region() != null && !query.region().isBlank()) {
			where.append(" and c.region = :region");
			params.put("region", query.region());
		}
		if (query.ownerUsername() != null && !query.ownerUsername().isBlank()) {
			where.append(" and c.owner_username = :owner");
			params.put("owner", query.ownerUsername());
		}
		if (query.grade() != null && !query.grade().isBlank()) {
			where.append(" and c.grade = :grade");
			params.put("grade", query.grade());
		}
		if (query.riskClass() != null && !query.riskClass().isBlank()) {
			where.append(" and c.risk_class = :riskClass");
			params.put("riskClass", query.riskClass());
		}
		if (query.groupCode() != null && !query.groupCode().isBlank()) {
			where.append(" and g.code = :groupCode");
			params.put("groupCode", query.groupCode());
		}
		if (query.blacklisted() != null) {
			where.append(query.blacklisted() ? " and b.id is not null" : " and b.id is null");
		}
		return where.toString();
	}

	private static Map<String, Object> fields(CustomerDraft draft, @Nullable Long groupId, Instant now) {
		Map<String, Object> fields = new HashMap<>();
		fields.put("code", draft.code());
		fields.put("name", draft.name());
		fields.put("shortName", draft.shortName());
		fields.put("uscc", draft.uscc());
		fields.put("country", draft.country());
		fields.put("region", draft.region());
		fields.put("industry", draft.industry());
		fields.put("capital", draft.registeredCapital());
		fields.put("capitalCurrency", draft.registeredCapitalCurrency());
		fields.put("foundedOn", draft.foundedOn());
		fields.put("employees", draft.employees());
		fields.put("ownershipType", draft.ownershipType() == null ? null : draft.ownershipType().name());
		fields.put("groupId", groupId);
		fields.put("owner", draft.ownerUsername());
		fields.put("analyst", draft.analystUsername());
		fields.put("status", draft.status() == null ? CustomerStatus.PROSPECT.name() : draft.status().name());
		fields.put("tags", draft.tags() == null ? new String[0] : draft.tags().toArray(String[]::new));
		fields.put("now", utc(now));
		return fields;
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static CustomerDetails details(ResultSet rs, int row) throws SQLException {
		String industry = rs.getString("industry");
		String ownership = rs.getString("ownership_type");
		Integer employees = rs.getObject("employees", Integer.class);
		BlacklistEntry entry = null;
		long entryId = rs.getLong("bl_id");
		if (!rs.wasNull()) {
			entry = new BlacklistEntry(entryId, rs.getString("code"), rs.getString("name"), rs.getString("bl_uscc"),
					rs.getString("bl_reason"), rs.getString("bl_evidence"),
					rs.getObject("bl_expires_on", LocalDate.class), rs.getString("bl_added_by"),
					instant(rs, "bl_added_at"), null, null, null);
		}
		return new CustomerDetails(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				rs.getString("short_name"), rs.getString("uscc"), rs.getString("country"), rs.getString("region"),
				industry == null ? null : Industry.valueOf(industry), rs.getBigDecimal("registered_capital"),
				rs.getString("registered_capital_currency"), rs.getObject("founded_on", LocalDate.class), employees,
				ownership == null ? null : OwnershipType.valueOf(ownership), rs.getString("group_code"),
				rs.getString("group_name"), rs.getString("owner_username"), rs.getString("analyst_username"),
				CustomerStatus.valueOf(rs.getString("status")),
				Arrays.asList((String[]) rs.getArray("tags").getArray()), rs.getString("grade"),
				rs.getString("risk_class"), entry != null, entry, instant(rs, "created_at"), instant(rs, "updated_at"),
				rs.getLong("version"));
	}

	private static BlacklistEntry blacklistEntry(ResultSet rs, int row) throws SQLException {
		return new BlacklistEntry(rs.getLong("id"), rs.getString("customer_code"), rs.getString("name"),
				rs.getString("uscc"), rs.getString("reason"), rs.getString("evidence"),
				rs.getObject("expires_on", LocalDate.class), rs.getString("added_by"), instant(rs, "added_at"),
				rs.getString("removed_by"), instant(rs, "removed_at"), rs.getString("removal_reason"));
	}

}
