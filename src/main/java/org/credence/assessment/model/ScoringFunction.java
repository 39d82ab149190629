package org.credence.assessment.model;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How a factor's value becomes points (0 to {@link #maxPoints()}): either {@code RANGES}
 * (each half-open range {@code [from, to)} gives fixed points; ranges must neither
 * overlap nor leave gaps; a null bound is open) or {@code LINEAR} (points rise or fall
 * linearly between two bounds and are clamped outside them).
 */
public record ScoringFunction(Type type, List<Range> ranges, @Nullable BigDecimal lower, @Nullable BigDecimal upper,
		@Nullable BigDecimal pointsAtLower, @Nullable BigDecimal pointsAtUpper) {

	public enum Type {

		RANGES, LINEAR

	}

	public record Range(@Nullable BigDecimal from, @Nullable BigDecimal to, BigDecimal points) {
	}

}
