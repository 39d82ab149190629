package org.credence.limit.policy;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * A rule as typed into the policy editor or sent to the API, before it is checked: any
 * figure may be missing or wrong. {@link PolicyRules#check} turns a list of them into
 * {@link PolicyRule}s or field problems.
 */
public record RuleDraft(@Nullable String grade, @Nullable String riskClass, @Nullable String industry,
		@Nullable Boolean creditAllowed, @Nullable BigDecimal maximum, @Nullable String formula,
		@Nullable Integer defaultTermsDays, @Nullable Integer maxTermsDays, @Nullable Boolean collateralRequired,
		@Nullable BigDecimal coverRatio) {

	public static RuleDraft of(PolicyRule rule) {
		return new RuleDraft(rule.grade(), rule.riskClass(), rule.industry(), rule.creditAllowed(), rule.maximum(),
				rule.formula(), rule.defaultTermsDays(), rule.maxTermsDays(), rule.collateralRequired(),
				rule.coverRatio());
	}

}
