package org.credence.customer.report;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.credence.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * External reports in {@code customer.external_report} (with the name of an attached
 * document) and feedback in {@code customer.feedback}.
 */
@Repository
class ReportRepository {

	private static final String SELECT_REPORT = """
			select r.*, d.file_name as document_file_name
			  from customer.external_report r
			  left join customer.document d on d.id = r.document_id and d.deleted_at is null
			""";

	private final JdbcClient jdbc;

	ReportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ExternalReport> findReports(long customerId, String customerCode, int limit, long offset) {
		return this.jdbc
			.sql(SELECT_REPORT + " where r.customer_id = :customer order by r.report_date desc, r.id desc"
					+ " limit :limit offset :offset")
			.param("customer", customerId)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, row) -> report(rs, customerCode))
			.list();
	}

	/** Of each customer, the score of the latest report with a score. */
	java.util.Map<String, BigDecimal> latestScores(java.util.Collection<String> customerCodes) {
		java.util.Map<String, BigDecimal> scores = new java.util.HashMap<>();
		this.jdbc.sql("""
				select distinct on (c.code) c.code, r.score
				  from customer.external_report r
				  join customer.customer c on c.id = r.customer_id
				 where c.code = any(:codes) and r.score is not null
				 order by c.code, r.report_date desc, r.id desc""")
			.param("codes", customerCodes.toArray(String[]::new))
			.query((ResultSet rs) -> {
				scores.put(rs.getString(1), rs.getBigDecimal(2));
			});
		return scores;
	}

	long countReports(long customerId) {
		return this.jdbc.sql("select count(*) from customer.external_report where customer_id = :customer")
			.param("customer", customerId)
			.query(Long.class)
			.single();
	}

	Optional<ExternalReport> findReport(long customerId, String customerCode, long id) {
		return this.jdbc.sql(SELECT_REPORT + " where r.customer_id = :customer and r.id = :id")
			.param("customer", customerId)
			.param("id", id)
			.query((rs, row) -> report(rs, customerCode))
			.optional();
	}

	long insertReport(long customerId, ExternalReportDraft report, String recordedBy, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("""
					insert into customer.external_report (customer_id, agency, report_date, score, rating, lawsuits, summary,
					       document_id, recorded_by, recorded_at)
					values (:customer, :agency, :reportDate, :score, :rating, :lawsuits, :summary, :document, :recordedBy,
					       :now)""")
			.param("customer", customerId)
			.param("agency", report.agency())
			.param("reportDate", report.reportDate())
			.param("score", report.score())
			.param("rating", report.rating())
			.param("lawsuits", report.lawsuits() == null ? 0 : report.lawsuits())
			.param("summary", report.summary())
			.param("document", report.documentId())
			.param("recordedBy", recordedBy)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	List<Feedback> findFeedback(long customerId, String customerCode, int limit, long offset) {
		return this.jdbc.sql("""
				select * from customer.feedback where customer_id = :customer
				 order by received_on desc, id desc limit :limit offset :offset""")
			.param("customer", customerId)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, row) -> feedback(rs, customerCode))
			.list();
	}

	long countFeedback(long customerId) {
		return this.jdbc.sql("select count(*) from customer.feedback where customer_id = :customer")
			.param("customer", customerId)
			.query(Long.class)
			.single();
	}

	Optional<Feedback> findFeedback(long customerId, String customerCode, long id) {
		return this.jdbc.sql("select * from customer.feedback where customer_id = :customer and id = :id")
			.param("customer", customerId)
			.param("id", id)
			.query((rs, row) -> feedback(rs, customerCode))
			.optional();
	}

	long insertFeedback(long customerId, FeedbackDraft feedback, String recordedBy, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		Money amount = feedback.creditAmount();
		this.jdbc.sql("""
				insert into customer.feedback (customer_id, source_type, source_name, received_on, payment_experience,
				       credit_amount, credit_currency, comment, recorded_by, recorded_at)
				values (:customer, :sourceType, :sourceName, :receivedOn, :experience, :amount, :currency, :comment,
				       :recordedBy, :now)""")
			.param("customer", customerId)
			.param("sourceType", feedback.sourceType() == null ? null : feedback.sourceType().name())
			.param("sourceName", feedback.sourceName())
			.param("receivedOn", feedback.receivedOn())
			.param("experience", feedback.paymentExperience() == null ? null : feedback.paymentExperience().name())
			.param("amount", amount == null ? null : amount.amount())
			.param("currency", amount == null ? null : amount.currency().getCurrencyCode())
			.param("comment", feedback.comment())
			.param("recordedBy", recordedBy)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	private static ExternalReport report(ResultSet rs, String customerCode) throws SQLException {
		return new ExternalReport(rs.getLong("id"), customerCode, rs.getString("agency"),
				rs.getObject("report_date", LocalDate.class), rs.getBigDecimal("score"), rs.getString("rating"),
				rs.getInt("lawsuits"), rs.getString("summary"), rs.getObject("document_id", Long.class),
				rs.getString("document_file_name"), rs.getString("recorded_by"),
				rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
	}

	private static Feedback feedback(ResultSet rs, String customerCode) throws SQLException {
		BigDecimal amount = rs.getBigDecimal("credit_amount");
		String currency = rs.getString("credit_currency");
		return new Feedback(rs.getLong("id"), customerCode, FeedbackSource.valueOf(rs.getString("source_type")),
				rs.getString("source_name"), rs.getObject("received_on", LocalDate.class),
				PaymentExperience.valueOf(rs.getString("payment_experience")),
				amount == null || currency == null ? null : Money.of(amount, currency), rs.getString("comment"),
				rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
	}

}
