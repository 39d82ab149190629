package org.credence.limit;

import java.math.BigDecimal;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What the credit policy recommends for a customer today, and why.
 *
 * @param rated false when the customer has no current assessment; the recommendation is
 * then zero and applications are routed as for a high-risk customer
 * @param creditAllowed false when the grade allows prepayment only
 * @param amount the recommended limit in {@code currency}, already capped at
 * {@code gradeMaximum}
 * @param basisZh the basis in words and numbers, e.g. "权益 12,000,000 的 20% = 2,400,000， 以
 * A 级上限 2,000,000 为限"
 * @param basisEn the same in English, e.g. "20% of equity 12,000,000 = 2,400,000, capped
 * at grade A maximum 2,000,000"
 */
public record Recommendation(String customerCode, boolean rated, @Nullable String grade, @Nullable String riskClass,
		boolean creditAllowed, BigDecimal amount, String currency, int termsDays, int maxTermsDays,
		BigDecimal gradeMaximum, boolean collateralRequired, @Nullable BigDecimal coverRatio, String basisZh,
		String basisEn, int policyVersion) {

	public String basis(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? this.basisZh : this.basisEn;
	}

}
