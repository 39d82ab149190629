package org.credence.assessment.rating;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

import org.credence.assessment.model.FactorDefinition;
import org.credence.assessment.model.FactorDefinition.Option;
import org.credence.assessment.model.FactorSource;
import org.jspecify.annotations.Nullable;

/**
 * How a factor's value reads to a person: ratios that are shares as percentages with one
 * decimal (资产负债率 72.0%), other ratios with two decimals (流动比率 1.67), days as whole days,
 * a qualitative answer as its option's label.
 */
public final class FactorValues {

	/** References whose values are shares of a whole, shown as percentages. */
	private static final Set<String> SHARES = Set.of("ratio:DEBT_RATIO", "ratio:NET_MARGIN", "ratio:ROA", "ratio:ROE",
			"ratio:REVENUE_GROWTH", "ratio:WORKING_CAPITAL_TO_ASSETS", "ratio:RETAINED_EARNINGS_TO_ASSETS",
			"ratio:EBIT_TO_ASSETS", "behaviour:SHARE_PAID_LATE", "behaviour:LATE_SHARE");

	private FactorValues() {
	}

	/** The value as text in Chinese ({@code chinese}) or English; "—" when missing. */
	public static String format(FactorDefinition factor, @Nullable BigDecimal value, boolean chinese) {
		if (value == null) {
			return "—";
		}
		if (factor.source() == FactorSource.QUALITATIVE) {
			for (Option option : factor.options()) {
				if (option.value().compareTo(value) == 0) {
					return chinese ? option.labelZh() : option.labelEn();
				}
			}
			return plain(value, 0);
		}
		if (SHARES.contains(factor.reference())) {
			return plain(value.movePointRight(2), 1) + "%";
		}
		if (factor.source() == FactorSource.BEHAVIOUR && factor.reference().contains("DAYS")) {
			return plain(value, 0) + (chinese ? " 天" : " days");
		}
		return plain(value, 2);
	}

	/** Points with one decimal. */
	public static String points(BigDecimal points) {
		return plain(points, 1);
	}

	private static String plain(BigDecimal value, int decimals) {
		return value.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
	}

}
