package org.credence.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A stored assessment as {@code ../shared/API.md} returns it: score, grade, PD, risk
 * class, the model and version that produced it, every factor's value, points, weight and
 * contribution, the reasons (the factors that cost the most points), and the next review
 * date.
 *
 * @param status {@code APPROVED}; or {@code OVERRIDE_PROPOSED} while an analyst's other
 * grade waits for a credit manager; {@code OVERRIDDEN} once approved (grade, pd and
 * riskClass are then the override's, {@code modelGrade} the model's)
 */
public record AssessmentResult(long id, String customerCode, BigDecimal score, String grade, BigDecimal pd,
		String riskClass, String modelCode, int modelVersion, List<FactorResult> factors, List<Reason> reasons,
		LocalDate nextReviewDate, Instant assessedAt, String assessedBy, String status, String modelGrade,
		@Nullable Override override) {

	/** One factor's part in the score. {@code value} is null when missing. */
	public record FactorResult(String code, String nameZh, String nameEn, String source, @Nullable BigDecimal value,
			BigDecimal points, BigDecimal weight, BigDecimal contribution, boolean missing,
			@Nullable String missingPolicy) {
	}

	/** A reason for the grade, with its text in both languages. */
	public record Reason(String code, @Nullable String factorCode, String textZh, String textEn) {
	}

	/** An analyst's proposed grade, its reason, and the credit manager's decision. */
	public record Override(String proposedGrade, String reason, String proposedBy, Instant proposedAt,
			@Nullable String decidedBy, @Nullable Instant decidedAt, @Nullable String decision,
			@Nullable String comment) {
	}

}
