package org.credence.assessment.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A version of a scoring model with its rating scale: the unit that is exported and
 * imported as JSON, activated, and named in every assessment it produces. Status DRAFT,
 * ACTIVE or RETIRED; one ACTIVE version per code.
 *
 * @param scale the grades from best (AAA) to worst (D), each with the lowest score that
 * earns it
 * @param source where the model and its PDs come from (literature, policy document),
 * shown to users
 */
public record ModelDefinition(String code, int version, String status, String nameZh, String nameEn, String description,
		List<FactorDefinition> factors, List<RatingBand> scale, String source, @Nullable String activatedBy,
		@Nullable Instant activatedAt) {

	public static final String DRAFT = "DRAFT";

	public static final String ACTIVE = "ACTIVE";

	public static final String RETIRED = "RETIRED";

	public ModelDefinition {
		factors = factors == null ? List.of() : List.copyOf(factors);
		scale = scale == null ? List.of() : List.copyOf(scale);
		description = description == null ? "" : description;
	}

	public boolean isActive() {
		return ACTIVE.equals(this.status);
	}

	public boolean isDraft() {
		return DRAFT.equals(this.status);
	}

	/**
	 * The best grade whose minimum score the score reaches; the worst grade when it
	 * reaches none.
	 */
	public RatingBand band(BigDecimal score) {
		return this.scale.stream()
			.filter(band -> score.compareTo(band.minScore()) >= 0)
			.findFirst()
			.orElseGet(this::worstBand);
	}

	/** The last grade of the scale (D). */
	public RatingBand worstBand() {
		return this.scale.get(this.scale.size() - 1);
	}

	public Optional<RatingBand> grade(String grade) {
		return this.scale.stream().filter(band -> band.grade().equals(grade)).findFirst();
	}

	public Optional<FactorDefinition> factor(String code) {
		return this.factors.stream().filter(factor -> factor.code().equals(code)).findFirst();
	}

	/**
	 * The lowest score the model can give: every factor at its worst points. A valid
	 * scale's worst grade starts at or below it.
	 */
	public BigDecimal floorScore() {
		return this.factors.stream()
			.map(factor -> factor.scoring()
				.minPoints()
				.multiply(factor.weight())
				.divide(BigDecimal.valueOf(100), MathContext.DECIMAL64))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** This model as a draft with the given version: not activated. */
	public ModelDefinition asDraft(int version) {
		return new ModelDefinition(this.code, version, DRAFT, this.nameZh, this.nameEn, this.description, this.factors,
				this.scale, this.source, null, null);
	}

	/** This model with another status and activation. */
	public ModelDefinition withStatus(String status, @Nullable String activatedBy, @Nullable Instant activatedAt) {
		return new ModelDefinition(this.code, this.version, status, this.nameZh, this.nameEn, this.description,
				this.factors, this.scale, this.source, activatedBy, activatedAt);
	}

	/** This model with other factors (for an editor changing a weight or a range). */
	public ModelDefinition withFactors(List<FactorDefinition> factors) {
		return new ModelDefinition(this.code, this.version, this.status, this.nameZh, this.nameEn, this.description,
				factors, this.scale, this.source, this.activatedBy, this.activatedAt);
	}

}
