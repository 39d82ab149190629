package org.credence.assessment.model;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One factor of a scoring model: what it measures, where the value comes from, how it
 * scores, how much it weighs (weights of a model sum to 100), and what a missing value
 * costs.
 *
 * @param reference the key in {@link org.credence.assessment.scoring.Facts} (for instance
 * {@code ratio:DEBT_RATIO}); for FORMULA factors the EvalEx expression over other
 * references, each written as a variable ({@code ratio:DEBT_RATIO} as
 * {@code ratio_DEBT_RATIO}, see {@link Formula})
 * @param options the answers an analyst may give for a QUALITATIVE factor (value and
 * labels); empty for other sources
 * @param neutralPoints the points a NEUTRAL missing value scores; null means the middle
 * of the range
 */
public record FactorDefinition(String code, String nameZh, String nameEn, FactorSource source, String reference,
		ScoringFunction scoring, BigDecimal weight, MissingPolicy missingPolicy, @Nullable BigDecimal neutralPoints,
		List<Option> options) {

	public FactorDefinition {
		options = options == null ? List.of() : List.copyOf(options);
	}

	/** A defined answer to a qualitative question. */
	public record Option(BigDecimal value, String labelZh, String labelEn) {

		public static Option of(int value, String labelZh, String labelEn) {
			return new Option(BigDecimal.valueOf(value), labelZh, labelEn);
		}

	}

	/** A factor without options or explicit neutral points. */
	public static FactorDefinition of(String code, String nameZh, String nameEn, FactorSource source, String reference,
			ScoringFunction scoring, String weight, MissingPolicy missingPolicy) {
		return new FactorDefinition(code, nameZh, nameEn, source, reference, scoring, new BigDecimal(weight),
				missingPolicy, null, List.of());
	}

	public FactorDefinition withNeutralPoints(String points) {
		return new FactorDefinition(this.code, this.nameZh, this.nameEn, this.source, this.reference, this.scoring,
				this.weight, this.missingPolicy, new BigDecimal(points), this.options);
	}

	public FactorDefinition withOptions(Option... options) {
		return new FactorDefinition(this.code, this.nameZh, this.nameEn, this.source, this.reference, this.scoring,
				this.weight, this.missingPolicy, this.neutralPoints, Arrays.asList(options));
	}

	public FactorDefinition withWeight(BigDecimal weight) {
		return new FactorDefinition(this.code, this.nameZh, this.nameEn, this.source, this.reference, this.scoring,
				weight, this.missingPolicy, this.neutralPoints, this.options);
	}

	/**
	 * The points a NEUTRAL missing value scores: the stated ones, or the middle of the
	 * range.
	 */
	public BigDecimal neutral() {
		return this.neutralPoints != null ? this.neutralPoints : this.scoring.midPoints();
	}

	/**
	 * The label of a qualitative answer in the given language, or null when none matches.
	 */
	public @Nullable String optionLabel(@Nullable BigDecimal value, boolean chinese) {
		if (value == null) {
			return null;
		}
		return this.options.stream()
			.filter(option -> option.value().compareTo(value) == 0)
			.map(option -> chinese ? option.labelZh() : option.labelEn())
			.findFirst()
			.orElse(null);
	}

}
