package org.credence.assessment.model;

import java.time.Instant;
import java.util.List;

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

	public boolean isActive() {
		return "ACTIVE".equals(this.status);
	}

}
