package org.credence.limit.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.credence.limit.ApplicationType;
import org.credence.limit.CreditApplication.ApplicationStatus;
import org.jspecify.annotations.Nullable;

/** A credit application's row as stored. */
public record ApplicationRow(long id, String customerCode, String customerName, ApplicationType type, BigDecimal amount,
		String currency, int termsDays, @Nullable LocalDate validTo, @Nullable LocalDate effectiveFrom, String reason,
		ApplicationStatus status, boolean rated, @Nullable String grade, @Nullable String riskClass,
		@Nullable BigDecimal currentLimit, BigDecimal recAmount, String recCurrency, int recTermsDays,
		int recMaxTermsDays, BigDecimal gradeMaximum, String recBasisZh, String recBasisEn, BigDecimal routingAmount,
		int matrixVersion, int round, @Nullable Integer currentLevel, @Nullable Instant stepSince, String requestedBy,
		Instant createdAt, Instant submittedAt, @Nullable Instant decidedAt, int rowVersion) {

	public boolean highRisk() {
		return !this.rated || "HIGH".equals(this.riskClass);
	}

}
