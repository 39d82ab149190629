package org.credence.limit.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.credence.limit.ApplicationType;
import org.credence.limit.CreditApplication.ApplicationStatus;
import org.jspecify.annotations.Nullable;

/**
 * A credit application's row as stored.
 *
 * @param resultingLimit the limit the application results in, in its currency: the
 * amount, or for a temporary increase the line's effective limit when submitted plus the
 * increase
 * @param routingAmount the resulting limit in company currency, which picked the band
 */
public record ApplicationRow(long id, String customerCode, String customerName, ApplicationType type, BigDecimal amount,
		String currency, int termsDays, @Nullable LocalDate validTo, @Nullable LocalDate effectiveFrom, String reason,
		ApplicationStatus status, boolean rated, @Nullable String grade, @Nullable String riskClass,
		@Nullable BigDecimal currentLimit, BigDecimal recAmount, String recCurrency, int recTermsDays,
		int recMaxTermsDays, BigDecimal gradeMaximum, String recBasisZh, String recBasisEn, BigDecimal resultingLimit,
		BigDecimal routingAmount, int matrixVersion, int round, @Nullable Integer currentLevel,
		@Nullable Instant stepSince, String requestedBy, Instant createdAt, Instant submittedAt,
		@Nullable Instant decidedAt, int rowVersion) {

	public boolean highRisk() {
		return !this.rated || "HIGH".equals(this.riskClass);
	}

}
