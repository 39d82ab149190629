package org.credence.assessment.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How a factor's value becomes points (0 to {@link #maxPoints()}): either {@code RANGES}
 * (each half-open range, from inclusive to exclusive, gives fixed points; ranges must
 * neither overlap nor leave gaps; a null bound is open) or {@code LINEAR} (points rise or
 * fall linearly between two bounds and are clamped outside them).
 * <p>
 * A LINEAR function with {@code pointsAtLower = lower} and {@code pointsAtUpper = upper}
 * is the identity between its bounds: the Altman model uses it so that the score is the
 * Z''-score itself.
 */
public record ScoringFunction(Type type, List<Range> ranges, @Nullable BigDecimal lower, @Nullable BigDecimal upper,
		@Nullable BigDecimal pointsAtLower, @Nullable BigDecimal pointsAtUpper) {

	/**
	 * The precision of points; the engine rounds them to {@value #POINTS_SCALE} places.
	 */
	public static final int POINTS_SCALE = 4;

	private static final BigDecimal TWO = BigDecimal.valueOf(2);

	public ScoringFunction {
		ranges = ranges == null ? List.of() : List.copyOf(ranges);
	}

	public enum Type {

		RANGES, LINEAR

	}

	public record Range(@Nullable BigDecimal from, @Nullable BigDecimal to, BigDecimal points) {

		/** Whether the value is at or above from and below to; a null bound is open. */
		public boolean contains(BigDecimal value) {
			return (this.from == null || value.compareTo(this.from) >= 0)
					&& (this.to == null || value.compareTo(this.to) < 0);
		}

	}

	/** Fixed points per half-open range, listed from the lowest values up. */
	public static ScoringFunction ranges(Range... ranges) {
		return new ScoringFunction(Type.RANGES, Arrays.asList(ranges), null, null, null, null);
	}

	/** A range from (inclusive) to (exclusive) and its points; null bounds are open. */
	public static Range range(@Nullable String from, @Nullable String to, int points) {
		return new Range(from == null ? null : new BigDecimal(from), to == null ? null : new BigDecimal(to),
				BigDecimal.valueOf(points));
	}

	/** Points linear between two bounds, clamped outside them. */
	public static ScoringFunction linear(String lower, String upper, String pointsAtLower, String pointsAtUpper) {
		return new ScoringFunction(Type.LINEAR, List.of(), new BigDecimal(lower), new BigDecimal(upper),
				new BigDecimal(pointsAtLower), new BigDecimal(pointsAtUpper));
	}

	/** The value itself, clamped to {@code [lower, upper]}. */
	public static ScoringFunction identity(String lower, String upper) {
		return linear(lower, upper, lower, upper);
	}

	/**
	 * The points a value scores, rounded HALF_UP to {@value #POINTS_SCALE} places. For
	 * RANGES, a value outside every range (which a valid function never leaves) scores
	 * the worst points.
	 */
	public BigDecimal points(BigDecimal value) {
		if (this.type == Type.RANGES) {
			return this.ranges.stream()
				.filter(range -> range.contains(value))
				.findFirst()
				.map(Range::points)
				.orElseGet(this::minPoints)
				.setScale(POINTS_SCALE, RoundingMode.HALF_UP);
		}
		BigDecimal low = required(this.lower);
		BigDecimal high = required(this.upper);
		BigDecimal atLow = required(this.pointsAtLower);
		BigDecimal atHigh = required(this.pointsAtUpper);
		if (value.compareTo(low) <= 0) {
			return atLow.setScale(POINTS_SCALE, RoundingMode.HALF_UP);
		}
		if (value.compareTo(high) >= 0) {
			return atHigh.setScale(POINTS_SCALE, RoundingMode.HALF_UP);
		}
		BigDecimal share = value.subtract(low).divide(high.subtract(low), MathContext.DECIMAL64);
		return atLow.add(atHigh.subtract(atLow).multiply(share, MathContext.DECIMAL64))
			.setScale(POINTS_SCALE, RoundingMode.HALF_UP);
	}

	/** The best points this function gives. */
	public BigDecimal maxPoints() {
		if (this.type == Type.RANGES) {
			return this.ranges.stream().map(Range::points).reduce(BigDecimal::max).orElse(BigDecimal.ZERO);
		}
		return required(this.pointsAtLower).max(required(this.pointsAtUpper));
	}

	/** The worst points this function gives. */
	public BigDecimal minPoints() {
		if (this.type == Type.RANGES) {
			return this.ranges.stream().map(Range::points).reduce(BigDecimal::min).orElse(BigDecimal.ZERO);
		}
		return required(this.pointsAtLower).min(required(this.pointsAtUpper));
	}

	/**
	 * The middle of the points range: what NEUTRAL scores unless the factor says
	 * otherwise.
	 */
	public BigDecimal midPoints() {
		return maxPoints().add(minPoints()).divide(TWO, POINTS_SCALE, RoundingMode.HALF_UP);
	}

	private static BigDecimal required(@Nullable BigDecimal value) {
		if (value == null) {
			throw new IllegalStateException("A LINEAR scoring function needs both bounds and their points");
		}
		return value;
	}

}
