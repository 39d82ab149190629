package org.credence.assessment.rating;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.credence.assessment.ReviewDue;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The review queue's own copy of what it needs about each customer (name, owner, status)
 * and its current assessment, kept from the customer module's events and from every
 * assessment, so the queue never reads another module's tables.
 */
@Repository
public class ReviewQueueRepository {

	/** Only customers Credence still deals with are reviewed. */
	static final String REVIEWED = "status in ('ACTIVE', 'PROSPECT')";

	private static final String DUE = REVIEWED + " and (assessment_id is null or next_review_date <= :today)";

	private static final Map<String, String> SORT = Map.of("code", "customer_code", "name", "customer_name", "owner",
			"owner_username", "grade", "grade", "assessed", "assessed_on", "due", "next_review_date", "status",
			"status");

	private final JdbcClient jdbc;

	ReviewQueueRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a customer's name, owner and status as the customer module announced them.
	 */
	public void customer(String code, String name, @Nullable String owner, String status) {
		this.jdbc.sql("""
				insert into assessment.customer_review (customer_code, customer_name, owner_username, status)
				values (:code, :name, :owner, :status)
				on conflict (customer_code) do update set customer_name = excluded.customer_name,
				    owner_username = excluded.owner_username, status = excluded.status
				""").param("code", code).param("name", name).param("owner", owner).param("status", status).update();
	}

	/** Records the customer's current assessment. */
	public void assessed(String code, String name, @Nullable String owner, String status, long assessmentId,
			String modelCode, String grade, BigDecimal score, LocalDate assessedOn, LocalDate nextReviewDate) {
		this.jdbc.sql("""
				insert into assessment.customer_review (customer_code, customer_name, owner_username, status,
				    assessment_id, model_code, grade, score, assessed_on, next_review_date)
				values (:code, :name, :owner, :status, :id, :model, :grade, :score, :on, :next)
				on conflict (customer_code) do update set customer_name = excluded.customer_name,
				    owner_username = excluded.owner_username, status = excluded.status,
				    assessment_id = excluded.assessment_id, model_code = excluded.model_code, grade = excluded.grade,
				    score = excluded.score, assessed_on = excluded.assessed_on,
				    next_review_date = excluded.next_review_date
				""")
			.param("code", code)
			.param("name", name)
			.param("owner", owner)
			.param("status", status)
			.param("id", assessmentId)
			.param("model", modelCode)
			.param("grade", grade)
			.param("score", score)
			.param("on", assessedOn)
			.param("next", nextReviewDate)
			.update();
	}

	/** {@link #assessed} of many customers in one statement. */
	void assessedAll(List<Assessed> all) {
		if (all.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into assessment.customer_review (customer_code, customer_name, owner_username, status,
				    assessment_id, model_code, grade, score, assessed_on, next_review_date)
				select * from unnest(cast(:code as text[]), cast(:name as text[]), cast(:owner as text[]),
				    cast(:status as text[]), cast(:id as bigint[]), cast(:model as text[]), cast(:grade as text[]),
				    cast(:score as numeric[]), cast(:on as date[]), cast(:next as date[]))
				on conflict (customer_code) do update set customer_name = excluded.customer_name,
				    owner_username = excluded.owner_username, status = excluded.status,
				    assessment_id = excluded.assessment_id, model_code = excluded.model_code, grade = excluded.grade,
				    score = excluded.score, assessed_on = excluded.assessed_on,
				    next_review_date = excluded.next_review_date
				""")
			.param("code", column(all, a -> a.subject().code()))
			.param("name", column(all, a -> a.subject().name()))
			.param("owner", column(all, a -> a.subject().ownerUsername()))
			.param("status", column(all, a -> a.subject().status()))
			.param("id", column(all, a -> Long.toString(a.assessmentId())))
			.param("model", column(all, Assessed::modelCode))
			.param("grade", column(all, Assessed::grade))
			.param("score", column(all, a -> a.score().toPlainString()))
			.param("on", column(all, a -> a.assessedOn().toString()))
			.param("next", column(all, a -> a.nextReviewDate().toString()))
			.update();
	}

	private static @Nullable String[] column(List<Assessed> all,
			java.util.function.Function<Assessed, @Nullable String> field) {
		return all.stream().map(field).toArray(String[]::new);
	}

	/** A customer's current assessment, as {@link #assessed} records it. */
	record Assessed(Assessor.Subject subject, long assessmentId, String modelCode, String grade, BigDecimal score,
			LocalDate assessedOn, LocalDate nextReviewDate) {
	}

	/**
	 * The queue's copies of many customers, by code; customers not in the queue are left
	 * out.
	 */
	Map<String, Assessor.Subject> subjects(java.util.Collection<String> codes) {
		Map<String, Assessor.Subject> subjects = new HashMap<>();
		this.jdbc.sql("""
				select customer_code, customer_name, owner_username, status from assessment.customer_review
				where customer_code = any(:codes)""")
			.param("codes", codes.toArray(String[]::new))
			.query((java.sql.ResultSet rs) -> {
				subjects.put(rs.getString(1),
						new Assessor.Subject(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
			});
		return subjects;
	}

	/** An approved override changed the grade and the review date. */
	public void overridden(String code, String grade, LocalDate nextReviewDate) {
		this.jdbc.sql(
				"update assessment.customer_review set grade = :grade, next_review_date = :next where customer_code = :code")
			.param("grade", grade)
			.param("next", nextReviewDate)
			.param("code", code)
			.update();
	}

	public PageResult<ReviewDue> due(LocalDate today, @Nullable String ownerScope, @Nullable String sort,
			boolean descending, Paging paging) {
		Map<String, Object> params = new HashMap<>();
		String where = where(today, ownerScope, params);
		String order = SORT.getOrDefault(sort == null ? "due" : sort, "next_review_date")
				+ (descending ? " desc nulls last" : " asc nulls first") + ", customer_code";
		List<ReviewDue> items = this.jdbc
			.sql("select * from assessment.customer_review" + where + " order by " + order
					+ " limit :limit offset :offset")
			.params(params)
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query((rs, n) -> new ReviewDue(rs.getString("customer_code"), rs.getString("customer_name"),
					rs.getString("owner_username"), rs.getString("status"), rs.getString("grade"),
					rs.getBigDecimal("score"), rs.getObject("assessed_on", LocalDate.class),
					rs.getObject("next_review_date", LocalDate.class)))
			.list();
		return new PageResult<>(items, paging.page(), paging.size(), count(today, ownerScope));
	}

	public long count(LocalDate today, @Nullable String ownerScope) {
		Map<String, Object> params = new HashMap<>();
		return this.jdbc.sql("select count(*) from assessment.customer_review" + where(today, ownerScope, params))
			.params(params)
			.query(Long.class)
			.single();
	}

	/**
	 * Customers whose review is due or who were never assessed, in code order: the
	 * nightly run's candidates.
	 */
	public List<String> dueCodes(LocalDate today) {
		return this.jdbc
			.sql("select customer_code from assessment.customer_review where " + DUE + " order by customer_code")
			.param("today", today)
			.query(String.class)
			.list();
	}

	/** Customers whose current assessment was made with this model. */
	public List<String> ratedWith(String modelCode) {
		return this.jdbc
			.sql("select customer_code from assessment.customer_review where " + REVIEWED
					+ " and model_code = :model order by customer_code")
			.param("model", modelCode)
			.query(String.class)
			.list();
	}

	/** The queue's copy of a customer, as an assessment needs it. */
	public java.util.Optional<Assessor.Subject> subject(String code) {
		return this.jdbc.sql(
				"select customer_name, owner_username, status from assessment.customer_review where customer_code = :code")
			.param("code", code)
			.query((rs, n) -> new Assessor.Subject(code, rs.getString(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	public boolean isEmpty() {
		return this.jdbc.sql("select not exists (select 1 from assessment.customer_review)")
			.query(Boolean.class)
			.single();
	}

	private static String where(LocalDate today, @Nullable String ownerScope, Map<String, Object> params) {
		params.put("today", today);
		if (ownerScope == null) {
			return " where " + DUE;
		}
		params.put("owner", ownerScope);
		return " where " + DUE + " and owner_username = :owner";
	}

}
