package org.credence.assessment.rating;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.credence.assessment.AssessmentResult;
import org.credence.assessment.AssessmentResult.FactorResult;
import org.credence.assessment.AssessmentResult.Override;
import org.credence.assessment.AssessmentResult.Reason;
import org.credence.assessment.model.RatingBand;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stored assessments: everything as it was when the assessment was made, the facts and
 * answers as JSON with decimals as strings so nothing is rounded on the way.
 */
@Repository
public class AssessmentRepository {

	private static final TypeReference<List<Map<String, @Nullable Object>>> LIST = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	AssessmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a new assessment and returns its id. */
	public long insert(NewAssessment a) {
		return this.jdbc
			.sql("""
					insert into assessment.assessment (customer_code, model_code, model_version, score, model_grade, grade,
					    pd, risk_class, next_review_date, status, facts, qualitative, factors, reasons, assessed_on,
					    assessed_at, assessed_by, batch_run_id)
					values (:code, :model, :version, :score, :grade, :grade, :pd, :riskClass, :nextReview, 'APPROVED',
					    cast(:facts as jsonb), cast(:qualitative as jsonb), cast(:factors as jsonb), cast(:reasons as jsonb),
					    :on, :at, :by, :run)
					returning id
					""")
			.param("code", a.customerCode())
			.param("model", a.modelCode())
			.param("version", a.modelVersion())
			.param("score", a.score())
			.param("grade", a.band().grade())
			.param("pd", a.band().pd())
			.param("riskClass", a.band().riskClass())
			.param("nextReview", a.nextReviewDate())
			.param("facts", this.json.writeValueAsString(strings(a.facts())))
			.param("qualitative", this.json.writeValueAsString(strings(a.qualitative())))
			.param("factors",
					this.json.writeValueAsString(a.factors().stream().map(AssessmentRepository::row).toList()))
			.param("reasons", this.json.writeValueAsString(a.reasons()))
			.param("on", a.assessedOn())
			.param("at", utc(a.assessedAt()))
			.param("by", a.assessedBy())
			.param("run", a.batchRunId())
			.query(Long.class)
			.single();
	}

	/**
	 * Stores new assessments in one statement and returns their ids, in the order given.
	 */
	public List<Long> insertAll(List<NewAssessment> all) {
		if (all.isEmpty()) {
			return List.of();
		}
		Map<String, Long> ids = new java.util.HashMap<>();
		this.jdbc
			.sql("""
					insert into assessment.assessment (customer_code, model_code, model_version, score, model_grade, grade,
					    pd, risk_class, next_review_date, status, facts, qualitative, factors, reasons, assessed_on,
					    assessed_at, assessed_by, batch_run_id)
					select code, model, version, score, grade, grade, pd, risk_class, next_review, 'APPROVED',
					    cast(facts as jsonb), cast(qualitative as jsonb), cast(factors as jsonb), cast(reasons as jsonb),
					    assessed_on, assessed_at, assessed_by, run
					from unnest(cast(:code as text[]), cast(:model as text[]), cast(:version as int[]),
					    cast(:score as numeric[]), cast(:grade as text[]), cast(:pd as numeric[]), cast(:riskClass as text[]),
					    cast(:nextReview as date[]), cast(:facts as text[]), cast(:qualitative as text[]),
					    cast(:factors as text[]), cast(:reasons as text[]), cast(:on as date[]), cast(:at as timestamptz[]),
					    cast(:by as text[]), cast(:run as bigint[])) with ordinality
					    as a(code, model, version, score, grade, pd, risk_class, next_review, facts, qualitative, factors,
					         reasons, assessed_on, assessed_at, assessed_by, run, n)
					order by n
					returning id, customer_code
					""")
			.param("code", column(all, NewAssessment::customerCode))
			.param("model", column(all, NewAssessment::modelCode))
			.param("version", column(all, a -> Integer.toString(a.modelVersion())))
			.param("score", column(all, a -> a.score().toPlainString()))
			.param("grade", column(all, a -> a.band().grade()))
			.param("pd", column(all, a -> a.band().pd().toPlainString()))
			.param("riskClass", column(all, a -> a.band().riskClass()))
			.param("nextReview", column(all, a -> a.nextReviewDate().toString()))
			.param("facts", column(all, a -> this.json.writeValueAsString(strings(a.facts()))))
			.param("qualitative", column(all, a -> this.json.writeValueAsString(strings(a.qualitative()))))
			.param("factors", column(all,
					a -> this.json.writeValueAsString(a.factors().stream().map(AssessmentRepository::row).toList())))
			.param("reasons", column(all, a -> this.json.writeValueAsString(a.reasons())))
			.param("on", column(all, a -> a.assessedOn().toString()))
			.param("at", column(all, a -> utc(a.assessedAt()).toString()))
			.param("by", column(all, NewAssessment::assessedBy))
			.param("run", column(all, a -> a.batchRunId() == null ? null : a.batchRunId().toString()))
			.query((ResultSet rs) -> {
				if (ids.put(rs.getString(2), rs.getLong(1)) != null) {
					throw new IllegalArgumentException("A customer twice in one batch: " + rs.getString(2));
				}
			});
		return all.stream().map(a -> ids.get(a.customerCode())).toList();
	}

	private static @Nullable String[] column(List<NewAssessment> all,
			java.util.function.Function<NewAssessment, @Nullable String> field) {
		return all.stream().map(field).toArray(String[]::new);
	}

	/**
	 * {@link #previous(String)} of many customers in one query, by customer code;
	 * customers never assessed are left out.
	 */
	public Map<String, Previous> previous(java.util.Collection<String> customerCodes) {
		Map<String, Previous> previous = new java.util.HashMap<>();
		this.jdbc.sql("""
				select r.customer_code, a.model_code, a.qualitative::text from assessment.customer_review r
				join assessment.assessment a on a.id = r.assessment_id
				where r.customer_code = any(:codes)
				""").param("codes", customerCodes.toArray(String[]::new)).query((ResultSet rs) -> {
			previous.put(rs.getString(1), new Previous(rs.getString(2), decimals(rs.getString(3))));
		});
		return previous;
	}

	public Optional<AssessmentResult> find(long id) {
		return this.jdbc.sql("select * from assessment.assessment where id = :id")
			.param("id", id)
			.query(this::result)
			.optional();
	}

	/** A customer's assessments, newest first. */
	public List<AssessmentResult> history(String customerCode) {
		return this.jdbc.sql("select * from assessment.assessment where customer_code = :code order by id desc")
			.param("code", customerCode)
			.query(this::result)
			.list();
	}

	public Optional<AssessmentResult> latest(String customerCode) {
		return this.jdbc.sql("select * from assessment.assessment where customer_code = :code order by id desc limit 1")
			.param("code", customerCode)
			.query(this::result)
			.optional();
	}

	/** The id of a customer's latest assessment, if any. */
	public Optional<Long> latestId(String customerCode) {
		return this.jdbc
			.sql("select id from assessment.assessment where customer_code = :code order by id desc limit 1")
			.param("code", customerCode)
			.query(Long.class)
			.optional();
	}

	/** The date an assessment was made and its stored qualitative answers. */
	public Optional<LocalDate> assessedOn(long id) {
		return this.jdbc.sql("select assessed_on from assessment.assessment where id = :id")
			.param("id", id)
			.query(LocalDate.class)
			.optional();
	}

	/**
	 * The qualitative answers of the customer's latest assessment, by factor code; empty
	 * when never assessed.
	 */
	public Map<String, BigDecimal> latestAnswers(String customerCode) {
		return this.jdbc.sql(
				"select qualitative::text from assessment.assessment where customer_code = :code order by id desc limit 1")
			.param("code", customerCode)
			.query(String.class)
			.optional()
			.map(this::decimals)
			.orElse(Map.of());
	}

	/**
	 * The model and the qualitative answers of the customer's latest assessment, if any:
	 * what a re-assessment starts from.
	 */
	public Optional<Previous> previous(String customerCode) {
		// through the queue's pointer to the current assessment: two primary-key lookups,
		// however many assessments there are
		return this.jdbc.sql("""
				select a.model_code, a.qualitative::text from assessment.customer_review r
				join assessment.assessment a on a.id = r.assessment_id
				where r.customer_code = :code
				""")
			.param("code", customerCode)
			.query((rs, n) -> new Previous(rs.getString(1), decimals(rs.getString(2))))
			.optional();
	}

	/** The facts an assessment used, by reference. */
	public Map<String, BigDecimal> facts(long id) {
		return this.jdbc.sql("select facts::text from assessment.assessment where id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.map(this::decimals)
			.orElse(Map.of());
	}

	public void proposeOverride(long id, String grade, String reason, String by, Instant at) {
		this.jdbc.sql("""
				update assessment.assessment set status = 'OVERRIDE_PROPOSED', override_grade = :grade,
				    override_reason = :reason, proposed_by = :by, proposed_at = :at,
				    decided_by = null, decided_at = null, decision = null, decision_comment = null
				where id = :id
				""")
			.param("grade", grade)
			.param("reason", reason)
			.param("by", by)
			.param("at", utc(at))
			.param("id", id)
			.update();
	}

	public void approveOverride(long id, RatingBand band, LocalDate nextReviewDate, String by, Instant at,
			@Nullable String comment) {
		this.jdbc
			.sql("""
					update assessment.assessment set status = 'OVERRIDDEN', grade = :grade, pd = :pd, risk_class = :riskClass,
					    next_review_date = :nextReview, decision = 'APPROVED', decided_by = :by, decided_at = :at,
					    decision_comment = :comment
					where id = :id
					""")
			.param("grade", band.grade())
			.param("pd", band.pd())
			.param("riskClass", band.riskClass())
			.param("nextReview", nextReviewDate)
			.param("by", by)
			.param("at", utc(at))
			.param("comment", comment)
			.param("id", id)
			.update();
	}

	public void rejectOverride(long id, String by, Instant at, @Nullable String comment) {
		this.jdbc.sql("""
				update assessment.assessment set status = 'APPROVED', decision = 'REJECTED', decided_by = :by,
				    decided_at = :at, decision_comment = :comment
				where id = :id
				""").param("by", by).param("at", utc(at)).param("comment", comment).param("id", id).update();
	}

	private AssessmentResult result(ResultSet rs, int row) throws SQLException {
		List<FactorResult> factors = this.json.readValue(rs.getString("factors"), LIST)
			.stream()
			.map(AssessmentRepository::factor)
			.toList();
		List<Reason> reasons = this.json.readValue(rs.getString("reasons"), LIST)
			.stream()
			.map(r -> new Reason(text(r.get("code")), nullableText(r.get("factorCode")), text(r.get("textZh")),
					text(r.get("textEn"))))
			.toList();
		Override override = null;
		if (rs.getString("override_grade") != null) {
			override = new Override(rs.getString("override_grade"), rs.getString("override_reason"),
					rs.getString("proposed_by"), instant(rs, "proposed_at"), rs.getString("decided_by"),
					instantOrNull(rs, "decided_at"), rs.getString("decision"), rs.getString("decision_comment"));
		}
		return new AssessmentResult(rs.getLong("id"), rs.getString("customer_code"), rs.getBigDecimal("score"),
				rs.getString("grade"), rs.getBigDecimal("pd"), rs.getString("risk_class"), rs.getString("model_code"),
				rs.getInt("model_version"), factors, reasons, rs.getObject("next_review_date", LocalDate.class),
				instant(rs, "assessed_at"), rs.getString("assessed_by"), rs.getString("status"),
				rs.getString("model_grade"), override);
	}

	private static Map<String, @Nullable Object> row(FactorResult factor) {
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		row.put("code", factor.code());
		row.put("nameZh", factor.nameZh());
		row.put("nameEn", factor.nameEn());
		row.put("source", factor.source());
		row.put("value", factor.value() == null ? null : factor.value().toPlainString());
		row.put("points", factor.points().toPlainString());
		row.put("weight", factor.weight().toPlainString());
		row.put("contribution", factor.contribution().toPlainString());
		row.put("missing", factor.missing());
		row.put("missingPolicy", factor.missingPolicy());
		return row;
	}

	private static FactorResult factor(Map<String, @Nullable Object> row) {
		return new FactorResult(text(row.get("code")), text(row.get("nameZh")), text(row.get("nameEn")),
				text(row.get("source")), decimalOrNull(row.get("value")), decimal(row.get("points")),
				decimal(row.get("weight")), decimal(row.get("contribution")), Boolean.TRUE.equals(row.get("missing")),
				nullableText(row.get("missingPolicy")));
	}

	private Map<String, BigDecimal> decimals(String json) {
		Map<String, BigDecimal> values = new LinkedHashMap<>();
		this.json.readValue(json, STRINGS).forEach((key, value) -> values.put(key, new BigDecimal(value)));
		return values;
	}

	private static Map<String, String> strings(Map<String, BigDecimal> values) {
		Map<String, String> strings = new LinkedHashMap<>();
		values.forEach((key, value) -> strings.put(key, value.toPlainString()));
		return strings;
	}

	private static String text(@Nullable Object value) {
		return value == null ? "" : value.toString();
	}

	private static @Nullable String nullableText(@Nullable Object value) {
		return value == null ? null : value.toString();
	}

	private static BigDecimal decimal(@Nullable Object value) {
		return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
	}

	private static @Nullable BigDecimal decimalOrNull(@Nullable Object value) {
		return value == null ? null : new BigDecimal(value.toString());
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/** Where a customer's latest assessment left off. */
	public record Previous(String modelCode, Map<String, BigDecimal> answers) {
	}

	/** What a new assessment stores. */
	public record NewAssessment(String customerCode, String modelCode, int modelVersion, BigDecimal score,
			RatingBand band, LocalDate nextReviewDate, Map<String, BigDecimal> facts,
			Map<String, BigDecimal> qualitative, List<FactorResult> factors, List<Reason> reasons, LocalDate assessedOn,
			Instant assessedAt, String assessedBy, @Nullable Long batchRunId) {
	}

}
