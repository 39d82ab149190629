package org.credence.limit.policy;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * What the policy says for one grade, or for one grade within a risk class and/or an
 * industry (a refinement that wins over the grade's general rule).
 *
 * @param grade a grade of the rating scale (AAA … D)
 * @param riskClass LOW, MEDIUM or HIGH when the rule applies only to customers of that
 * risk class; absent for every risk class
 * @param industry a GB/T 4754 section letter (A … T) when the rule applies only to that
 * industry; absent for every industry
 * @param creditAllowed false when the grade allows prepayment only; the other figures are
 * then zero
 * @param maximum the largest limit the grade allows, in company currency (grade maximum)
 * @param formula the recommended limit as an expression over the customer's figures (see
 * {@link LimitFormula}); empty when credit is not allowed
 * @param defaultTermsDays the payment terms offered by default
 * @param maxTermsDays the longest payment terms allowed
 * @param collateralRequired whether collateral or a guarantee must cover the limit
 * @param coverRatio the secured amount required as a fraction of the limit (0.5 = 50%),
 * when collateral is required
 */
public record PolicyRule(String grade, @Nullable String riskClass, @Nullable String industry, boolean creditAllowed,
		BigDecimal maximum, String formula, int defaultTermsDays, int maxTermsDays, boolean collateralRequired,
		@Nullable BigDecimal coverRatio) {

	/** A rule for a grade and every risk class and industry. */
	public static PolicyRule credit(String grade, String maximum, String formula, int defaultTermsDays,
			int maxTermsDays, @Nullable String coverRatio) {
		return new PolicyRule(grade, null, null, true, new BigDecimal(maximum).setScale(2), formula, defaultTermsDays,
				maxTermsDays, coverRatio != null, coverRatio == null ? null : new BigDecimal(coverRatio));
	}

	/** A prepayment-only rule for a grade. */
	public static PolicyRule prepaymentOnly(String grade) {
		return new PolicyRule(grade, null, null, false, BigDecimal.ZERO.setScale(2), "", 0, 0, false, null);
	}

	/** Whether the rule applies to a customer of this grade, risk class and industry. */
	public boolean appliesTo(String grade, @Nullable String riskClass, @Nullable String industry) {
		return this.grade.equals(grade) && (this.riskClass == null || this.riskClass.equals(riskClass))
				&& (this.industry == null || this.industry.equals(industry));
	}

	/**
	 * How narrow the rule is: an industry rule wins over a risk-class rule, which wins
	 * over the grade's general rule; one for both wins over all.
	 */
	public int specificity() {
		return (this.industry == null ? 0 : 2) + (this.riskClass == null ? 0 : 1);
	}

	/** Whether the rule is the grade's general one. */
	public boolean isGeneral() {
		return this.riskClass == null && this.industry == null;
	}

	/** The same scope (grade, risk class, industry) as another rule. */
	boolean sameScope(PolicyRule other) {
		return this.grade.equals(other.grade) && java.util.Objects.equals(this.riskClass, other.riskClass)
				&& java.util.Objects.equals(this.industry, other.industry);
	}

}
