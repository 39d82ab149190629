package org.credence.limit.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.credence.limit.ApplicationType;
import org.credence.limit.CreditApplication.ApplicationStatus;
import org.credence.limit.CreditApplication.Approval;
import org.credence.limit.CreditApplication.Attachment;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Applications, their steps, decisions, attachments and reminders in
 * {@code credit_limit}.
 */
@Repository
public class ApplicationRepository {

	private static final Map<String, String> SORTS = Map.of("id", "a.id", "customer", "a.customer_code", "amount",
			"a.amount", "status", "a.status", "submitted", "a.submitted_at", "type", "a.type");

	private final JdbcClient jdbc;

	ApplicationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(ApplicationRow row) {
		return this.jdbc
			.sql("""
					insert into credit_limit.credit_application
					  (customer_code, customer_name, type, amount, currency, terms_days, valid_to, reason, status, rated,
					   grade, risk_class, current_limit, rec_amount, rec_currency, rec_terms_days, rec_max_terms_days,
					   grade_maximum, rec_basis_zh, rec_basis_en, resulting_limit, routing_amount, matrix_version, round, current_level,
					   step_since, requested_by, created_at, submitted_at)
					values (:code, :name, :type, :amount, :currency, :terms, :validTo, :reason, :status, :rated, :grade,
					   :risk, :currentLimit, :recAmount, :recCurrency, :recTerms, :recMaxTerms, :gradeMax, :basisZh,
					   :basisEn, :resulting, :routing, :matrix, :round, :level, :since, :by, :created, :submitted)
					returning id
					""")
			.params(changeable(row))
			.param("code", row.customerCode())
			.param("name", row.customerName())
			.param("type", row.type().name())
			.param("by", row.requestedBy())
			.param("created", ts(row.createdAt()))
			.query(Long.class)
			.single();
	}

	/** Writes the application's changeable fields after a resubmission or decision. */
	public void update(ApplicationRow row) {
		this.jdbc
			.sql("""
					update credit_limit.credit_application set amount = :amount, currency = :currency,
					  terms_days = :terms, valid_to = :validTo, effective_from = :effective, reason = :reason,
					  status = :status, rated = :rated, grade = :grade, risk_class = :risk, current_limit = :currentLimit,
					  rec_amount = :recAmount, rec_currency = :recCurrency, rec_terms_days = :recTerms,
					  rec_max_terms_days = :recMaxTerms, grade_maximum = :gradeMax, rec_basis_zh = :basisZh,
					  rec_basis_en = :basisEn, resulting_limit = :resulting, routing_amount = :routing, matrix_version = :matrix, round = :round,
					  current_level = :level, step_since = :since, submitted_at = :submitted, decided_at = :decided,
					  row_version = row_version + 1
					where id = :id
					""")
			.params(changeable(row))
			.param("id", row.id())
			.param("effective", row.effectiveFrom())
			.param("decided", ts(row.decidedAt()))
			.update();
	}

	/** The parameters an insert and an update of an application both bind. */
	private static Map<String, @Nullable Object> changeable(ApplicationRow row) {
		Map<String, @Nullable Object> params = new HashMap<>();
		params.put("amount", row.amount());
		params.put("currency", row.currency());
		params.put("terms", row.termsDays());
		params.put("validTo", row.validTo());
		params.put("reason", row.reason());
		params.put("status", row.status().name());
		params.put("rated", row.rated());
		params.put("grade", row.grade());
		params.put("risk", row.riskClass());
		params.put("currentLimit", row.currentLimit());
		params.put("recAmount", row.recAmount());
		params.put("recCurrency", row.recCurrency());
		params.put("recTerms", row.recTermsDays());
		params.put("recMaxTerms", row.recMaxTermsDays());
		params.put("gradeMax", row.gradeMaximum());
		params.put("basisZh", row.recBasisZh());
		params.put("basisEn", row.recBasisEn());
		params.put("resulting", row.resultingLimit());
		params.put("routing", row.routingAmount());
		params.put("matrix", row.matrixVersion());
		params.put("round", row.round());
		params.put("level", row.currentLevel());
		params.put("since", ts(row.stepSince()));
		params.put("submitted", ts(row.submittedAt()));
		return params;
	}

	public Optional<ApplicationRow> find(long id) {
		return this.jdbc.sql("select * from credit_limit.credit_application a where id = :id")
			.param("id", id)
			.query(ApplicationRepository::row)
			.optional();
	}

	/** The row, locked for a change. */
	public Optional<ApplicationRow> lock(long id) {
		return this.jdbc.sql("select * from credit_limit.credit_application a where id = :id for update")
			.param("id", id)
			.query(ApplicationRepository::row)
			.optional();
	}

	/** Serialises submissions for one customer until the transaction ends. */
	public void lockCustomer(String customerCode) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('credit_limit.application:' || :code))")
			.param("code", customerCode)
			.query((rs, row) -> 1)
			.list();
	}

	public boolean hasOpen(String customerCode, long exceptId) {
		return this.jdbc.sql("""
				select count(*) from credit_limit.credit_application
				where customer_code = :code and status in ('IN_APPROVAL', 'RETURNED') and id <> :id
				""").param("code", customerCode).param("id", exceptId).query(Long.class).single() > 0;
	}

	public void insertStep(long applicationId, int round, int level, String role, int required, String status) {
		this.jdbc.sql("""
				insert into credit_limit.application_step (application_id, round, level, role, required, status)
				values (:id, :round, :level, :role, :required, :status)
				""")
			.param("id", applicationId)
			.param("round", round)
			.param("level", level)
			.param("role", role)
			.param("required", required)
			.param("status", status)
			.update();
	}

	public void setStepStatus(long applicationId, int round, int level, String status) {
		this.jdbc.sql("""
				update credit_limit.application_step set status = :status
				where application_id = :id and round = :round and level = :level
				""")
			.param("id", applicationId)
			.param("round", round)
			.param("level", level)
			.param("status", status)
			.update();
	}

	/** Marks the steps after {@code level} of the round SKIPPED. */
	public void skipAfter(long applicationId, int round, int level) {
		this.jdbc.sql("""
				update credit_limit.application_step set status = 'SKIPPED'
				where application_id = :id and round = :round and level > :level
				""").param("id", applicationId).param("round", round).param("level", level).update();
	}

	public List<StepRow> steps(long applicationId, int round) {
		return this.jdbc.sql("""
				select * from credit_limit.application_step where application_id = :id and round = :round
				order by level
				""")
			.param("id", applicationId)
			.param("round", round)
			.query((rs, n) -> new StepRow(rs.getInt("level"), rs.getString("role"), rs.getInt("required"),
					rs.getString("status"), instant(rs, "reminded_at")))
			.list();
	}

	public void insertDecision(long applicationId, int round, int level, String username, String decision,
			@Nullable String comment, Instant at) {
		this.jdbc
			.sql("""
					insert into credit_limit.application_decision (application_id, round, level, username, decision, comment, at)
					values (:id, :round, :level, :user, :decision, :comment, :at)
					""")
			.param("id", applicationId)
			.param("round", round)
			.param("level", level)
			.param("user", username)
			.param("decision", decision)
			.param("comment", comment)
			.param("at", ts(at))
			.update();
	}

	public List<Approval> decisions(long applicationId) {
		return this.jdbc.sql("""
				select * from credit_limit.application_decision where application_id = :id order by id
				""")
			.param("id", applicationId)
			.query((rs, n) -> new Approval(rs.getInt("round"), rs.getInt("level"), rs.getString("username"),
					rs.getString("decision"), rs.getString("comment"), instant(rs, "at")))
			.list();
	}

	public long insertAttachment(long applicationId, String fileName, String contentType, byte[] content, String by,
			Instant at) {
		return this.jdbc.sql("""
				insert into credit_limit.application_attachment
				  (application_id, file_name, content_type, size_bytes, content, uploaded_by, uploaded_at)
				values (:id, :name, :type, :size, :content, :by, :at) returning id
				""")
			.param("id", applicationId)
			.param("name", fileName)
			.param("type", contentType)
			.param("size", content.length)
			.param("content", content)
			.param("by", by)
			.param("at", ts(at))
			.query(Long.class)
			.single();
	}

	public List<Attachment> attachments(long applicationId) {
		return this.jdbc.sql("""
				select id, file_name, content_type, size_bytes, uploaded_by, uploaded_at
				from credit_limit.application_attachment where application_id = :id order by id
				""")
			.param("id", applicationId)
			.query((rs, n) -> new Attachment(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
					rs.getLong("size_bytes"), rs.getString("uploaded_by"), instant(rs, "uploaded_at")))
			.list();
	}

	public Optional<byte[]> attachmentContent(long applicationId, long attachmentId) {
		return this.jdbc.sql("""
				select content from credit_limit.application_attachment where application_id = :app and id = :id
				""").param("app", applicationId).param("id", attachmentId).query(byte[].class).optional();
	}

	/**
	 * A page of applications.
	 * @param customerCodes when not null, only these customers (the caller's data scope)
	 * @param inboxUser when not null, only applications waiting for this user (inbox)
	 * @param inboxRoles the roles of {@code inboxUser}
	 */
	public PageResult<ApplicationRow> search(@Nullable String status, @Nullable String customerCode,
			@Nullable Collection<String> customerCodes, @Nullable String inboxUser, Collection<String> inboxRoles,
			@Nullable String requestedBy, @Nullable String sort, boolean descending, Paging paging) {
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> params = new HashMap<>();
		if (status != null && !status.isBlank()) {
			where.append(" and a.status = :status");
			params.put("status", status);
		}
		if (customerCode != null && !customerCode.isBlank()) {
			where.append(" and a.customer_code = :code");
			params.put("code", customerCode.strip());
		}
		if (customerCodes != null) {
			where.append(" and a.customer_code = any(:codes)");
			params.put("codes", customerCodes.toArray(String[]::new));
		}
		if (requestedBy != null) {
			where.append(" and a.requested_by = :requester");
			params.put("requester", requestedBy);
		}
		if (inboxUser != null) {
			where.append("""
					 and a.status = 'IN_APPROVAL' and a.requested_by <> :me
					 and exists (select 1 from credit_limit.application_step s where s.application_id = a.id
					   and s.round = a.round and s.level = a.current_level and s.role = any(:roles))
					 and not exists (select 1 from credit_limit.application_decision d where d.application_id = a.id
					   and d.round = a.round and d.username = :me and d.decision = 'APPROVE')
					""");
			params.put("me", inboxUser);
			params.put("roles", inboxRoles.toArray(String[]::new));
		}
		long total = this.jdbc.sql("select count(*) from credit_limit.credit_application a" + where)
			.params(params)
			.query(Long.class)
			.single();
		String order = SORTS.getOrDefault(sort == null ? "id" : sort, "a.id") + (descending ? " desc" : " asc")
				+ ", a.id desc";
		List<ApplicationRow> items = this.jdbc
			.sql("select a.* from credit_limit.credit_application a" + where + " order by " + order
					+ " limit :limit offset :offset")
			.params(params)
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query(ApplicationRepository::row)
			.list();
		return new PageResult<>(items, paging.page(), paging.size(), total);
	}

	/** Applications in approval whose current step waited since before {@code before}. */
	public List<ApplicationRow> waitingSince(Instant before) {
		return this.jdbc.sql("""
				select a.* from credit_limit.credit_application a
				join credit_limit.application_step s on s.application_id = a.id and s.round = a.round
				  and s.level = a.current_level
				where a.status = 'IN_APPROVAL' and a.step_since < :before
				  and (s.reminded_at is null or s.reminded_at < :before)
				order by a.id
				""").param("before", ts(before)).query(ApplicationRepository::row).list();
	}

	public void markReminded(long applicationId, int round, int level, Instant at) {
		this.jdbc.sql("""
				update credit_limit.application_step set reminded_at = :at
				where application_id = :id and round = :round and level = :level
				""")
			.param("id", applicationId)
			.param("round", round)
			.param("level", level)
			.param("at", ts(at))
			.update();
	}

	public void insertNotification(String username, long applicationId, int level, Instant at) {
		this.jdbc.sql("""
				insert into credit_limit.application_notification (username, application_id, level, created_at)
				values (:user, :id, :level, :at)
				""")
			.param("user", username)
			.param("id", applicationId)
			.param("level", level)
			.param("at", ts(at))
			.update();
	}

	/** The user's unread reminders, newest first. */
	public List<Notification> notifications(String username, int limit) {
		return this.jdbc.sql("""
				select n.id, n.application_id, n.level, n.created_at, a.customer_code, a.customer_name
				from credit_limit.application_notification n
				join credit_limit.credit_application a on a.id = n.application_id
				where n.username = :user and n.read_at is null and a.status = 'IN_APPROVAL'
				order by n.id desc limit :limit
				""")
			.param("user", username)
			.param("limit", limit)
			.query((rs, n) -> new Notification(rs.getLong("id"), rs.getLong("application_id"), rs.getInt("level"),
					instant(rs, "created_at"), rs.getString("customer_code"), rs.getString("customer_name")))
			.list();
	}

	public void markNotificationsRead(String username, long applicationId, Instant at) {
		this.jdbc.sql("""
				update credit_limit.application_notification set read_at = :at
				where username = :user and application_id = :id and read_at is null
				""").param("user", username).param("id", applicationId).param("at", ts(at)).update();
	}

	private static ApplicationRow row(ResultSet rs, int n) throws SQLException {
		return new ApplicationRow(rs.getLong("id"), rs.getString("customer_code"), rs.getString("customer_name"),
				ApplicationType.valueOf(rs.getString("type")), rs.getBigDecimal("amount"), rs.getString("currency"),
				rs.getInt("terms_days"), rs.getObject("valid_to", LocalDate.class),
				rs.getObject("effective_from", LocalDate.class), rs.getString("reason"),
				ApplicationStatus.valueOf(rs.getString("status")), rs.getBoolean("rated"), rs.getString("grade"),
				rs.getString("risk_class"), rs.getBigDecimal("current_limit"), rs.getBigDecimal("rec_amount"),
				rs.getString("rec_currency"), rs.getInt("rec_terms_days"), rs.getInt("rec_max_terms_days"),
				rs.getBigDecimal("grade_maximum"), rs.getString("rec_basis_zh"), rs.getString("rec_basis_en"),
				rs.getBigDecimal("resulting_limit"), rs.getBigDecimal("routing_amount"), rs.getInt("matrix_version"),
				rs.getInt("round"), (Integer) rs.getObject("current_level"), instant(rs, "step_since"),
				rs.getString("requested_by"), instant(rs, "created_at"), instant(rs, "submitted_at"),
				instant(rs, "decided_at"), rs.getInt("row_version"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static @Nullable OffsetDateTime ts(@Nullable Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/** A step as stored. */
	public record StepRow(int level, String role, int required, String status, @Nullable Instant remindedAt) {
	}

	/** An unread reminder for a user. */
	public record Notification(long id, long applicationId, int level, Instant at, String customerCode,
			String customerName) {
	}

	static List<String> names(Collection<? extends Enum<?>> values) {
		List<String> names = new ArrayList<>();
		values.forEach(v -> names.add(v.name()));
		return names;
	}

}
