package org.credence.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A customer's rating took effect: a new assessment, or an approved override. Limits pick
 * their policy by this grade; monitoring watches it.
 */
public record AssessmentCompleted(String customerCode, long assessmentId, String grade, String riskClass, BigDecimal pd,
		BigDecimal score, String modelCode, int modelVersion, LocalDate nextReviewDate) {
}
