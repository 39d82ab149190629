package org.credence.assessment.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.credence.assessment.model.ScoringFunction.Range;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * What makes a scoring model usable, checked before it is saved, imported or activated.
 * Each problem names its place as a path into the model's JSON
 * ({@code factors[2].weight}, {@code scale[9].grade}) and a message code of
 * {@code messages/assessment-model}:
 * <ul>
 * <li>a code, names in both languages and a source; factor codes unique;</li>
 * <li>weights positive and summing to 100 (± 0.01);</li>
 * <li>references known for their source: a {@code ratio:} a Ratio constant,
 * {@code behaviour:} a measure receivables supply, {@code external:SCORE}, a
 * {@code qualitative:} question with its options; a FORMULA parses with EvalEx and uses
 * only known references;</li>
 * <li>RANGES neither overlap nor leave gaps, and cover every value (open first and last
 * bound); LINEAR gives both bounds (lower below upper) and both points;</li>
 * <li>the scale lists grades of AAA … D in that order, unique, ending with D, each with a
 * lower minimum score than the one above, a PD between 0 and 1 that never falls going
 * down, a risk class LOW, MEDIUM or HIGH and a review interval of 1 to 60 months; the
 * worst grade starts at or below the lowest score the model can give.</li>
 * </ul>
 */
public final class ModelValidator {

	private static final String P = "assessment.model.problem.";

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final BigDecimal TOLERANCE = new BigDecimal("0.01");

	private ModelValidator() {
	}

	/** Every problem of the model; empty when it is valid. */
	public static List<FieldProblem> problems(ModelDefinition model) {
		List<FieldProblem> problems = new ArrayList<>();
		if (model.code() == null || !CODE.matcher(model.code()).matches()) {
			problems.add(new FieldProblem("code", P + "code"));
		}
		required(problems, "nameZh", model.nameZh());
		required(problems, "nameEn", model.nameEn());
		required(problems, "source", model.source());
		factors(model, problems);
		scale(model, problems);
		return problems;
	}

	/**
	 * Refuses an invalid model.
	 * @throws InvalidInputException with every problem
	 */
	public static void requireValid(ModelDefinition model) {
		List<FieldProblem> problems = problems(model);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static void factors(ModelDefinition model, List<FieldProblem> problems) {
		List<FactorDefinition> factors = model.factors();
		if (factors.isEmpty()) {
			problems.add(new FieldProblem("factors", P + "factors.required"));
			return;
		}
		Set<String> questions = factors.stream()
			.filter(factor -> factor.source() == FactorSource.QUALITATIVE && factor.reference() != null
					&& factor.reference().startsWith("qualitative:"))
			.map(factor -> factor.reference().substring("qualitative:".length()))
			.collect(Collectors.toSet());
		Set<String> codes = new HashSet<>();
		BigDecimal sum = BigDecimal.ZERO;
		for (int i = 0; i < factors.size(); i++) {
			FactorDefinition factor = factors.get(i);
			String path = "factors[" + i + "]";
			if (factor.code() == null || !CODE.matcher(factor.code()).matches()) {
				problems.add(new FieldProblem(path + ".code", P + "code"));
			}
			else if (!codes.add(factor.code())) {
				problems.add(new FieldProblem(path + ".code", P + "factor.duplicate", factor.code()));
			}
			required(problems, path + ".nameZh", factor.nameZh());
			required(problems, path + ".nameEn", factor.nameEn());
			if (factor.weight() == null || factor.weight().signum() <= 0 || factor.weight().compareTo(HUNDRED) > 0) {
				problems.add(new FieldProblem(path + ".weight", P + "weight"));
			}
			else {
				sum = sum.add(factor.weight());
			}
			if (factor.missingPolicy() == null) {
				problems.add(new FieldProblem(path + ".missingPolicy", P + "required"));
			}
			if (factor.source() == null) {
				problems.add(new FieldProblem(path + ".source", P + "required"));
			}
			else {
				reference(factor, path, questions, problems);
			}
			boolean scoringValid = scoring(factor.scoring(), path + ".scoring", problems);
			if (scoringValid && factor.neutralPoints() != null
					&& (factor.neutralPoints().compareTo(factor.scoring().minPoints()) < 0
							|| factor.neutralPoints().compareTo(factor.scoring().maxPoints()) > 0)) {
				problems.add(new FieldProblem(path + ".neutralPoints", P + "neutral.outside",
						factor.scoring().minPoints().stripTrailingZeros().toPlainString(),
						factor.scoring().maxPoints().stripTrailingZeros().toPlainString()));
			}
		}
		if (sum.subtract(HUNDRED).abs().compareTo(TOLERANCE) > 0) {
			problems.add(new FieldProblem("factors", P + "weights.sum", sum.stripTrailingZeros().toPlainString()));
		}
	}

	private static void reference(FactorDefinition factor, String path, Set<String> questions,
			List<FieldProblem> problems) {
		String reference = factor.reference();
		String field = path + ".reference";
		if (reference == null || reference.isBlank()) {
			problems.add(new FieldProblem(field, P + "required"));
			return;
		}
		FactorSource source = factor.source();
		if (source == FactorSource.FORMULA) {
			try {
				for (String used : Formula.references(reference)) {
					if (!References.isKnown(used, questions)) {
						problems.add(new FieldProblem(field, P + "formula.unknown", Formula.variable(used)));
					}
				}
			}
			catch (Formula.InvalidFormulaException ex) {
				problems.add(new FieldProblem(field, P + "formula.invalid", ex.getMessage()));
			}
			return;
		}
		String prefix = source.prefix() + ":";
		if (!reference.startsWith(prefix)) {
			problems.add(new FieldProblem(field, P + "reference.source", prefix));
			return;
		}
		if (source == FactorSource.QUALITATIVE) {
			if (!References.isQuestion(reference.substring(prefix.length()))) {
				problems.add(new FieldProblem(field, P + "reference.unknown", reference));
			}
			options(factor, path, problems);
		}
		else if (!References.isKnown(reference, questions)) {
			problems.add(new FieldProblem(field, P + "reference.unknown", reference));
		}
	}

	private static void options(FactorDefinition factor, String path, List<FieldProblem> problems) {
		if (factor.options().isEmpty()) {
			problems.add(new FieldProblem(path + ".options", P + "options.required"));
			return;
		}
		Set<BigDecimal> values = new HashSet<>();
		for (int i = 0; i < factor.options().size(); i++) {
			FactorDefinition.Option option = factor.options().get(i);
			String optionPath = path + ".options[" + i + "]";
			if (option == null || option.value() == null) {
				problems.add(new FieldProblem(optionPath + ".value", P + "required"));
				continue;
			}
			if (!values.add(option.value().stripTrailingZeros())) {
				problems.add(new FieldProblem(optionPath + ".value", P + "options.duplicate",
						option.value().toPlainString()));
			}
			required(problems, optionPath + ".labelZh", option.labelZh());
			required(problems, optionPath + ".labelEn", option.labelEn());
		}
	}

	private static boolean scoring(@Nullable ScoringFunction scoring, String path, List<FieldProblem> problems) {
		if (scoring == null || scoring.type() == null) {
			problems.add(new FieldProblem(path + ".type", P + "required"));
			return false;
		}
		int before = problems.size();
		if (scoring.type() == ScoringFunction.Type.LINEAR) {
			if (scoring.lower() == null || scoring.upper() == null || scoring.pointsAtLower() == null
					|| scoring.pointsAtUpper() == null) {
				problems.add(new FieldProblem(path, P + "linear.bounds"));
			}
			else if (scoring.lower().compareTo(scoring.upper()) >= 0) {
				problems.add(new FieldProblem(path + ".upper", P + "linear.order"));
			}
			return problems.size() == before;
		}
		List<Range> ranges = scoring.ranges();
		if (ranges.isEmpty()) {
			problems.add(new FieldProblem(path + ".ranges", P + "ranges.required"));
			return false;
		}
		for (int i = 0; i < ranges.size(); i++) {
			Range range = ranges.get(i);
			if (range == null || range.points() == null) {
				problems.add(new FieldProblem(path + ".ranges[" + i + "].points", P + "required"));
			}
			else if (range.from() != null && range.to() != null && range.from().compareTo(range.to()) >= 0) {
				problems.add(new FieldProblem(path + ".ranges[" + i + "]", P + "ranges.empty"));
			}
		}
		if (problems.size() > before) {
			return false;
		}
		List<Integer> order = IntStream.range(0, ranges.size())
			.boxed()
			.sorted(Comparator.comparing(i -> ranges.get(i).from(),
					Comparator.nullsFirst(Comparator.<BigDecimal>naturalOrder())))
			.toList();
		Range first = ranges.get(order.get(0));
		if (first.from() != null) {
			problems.add(new FieldProblem(path + ".ranges[" + order.get(0) + "]", P + "ranges.uncovered-low",
					plain(first.from())));
		}
		for (int k = 1; k < order.size(); k++) {
			Range previous = ranges.get(order.get(k - 1));
			Range range = ranges.get(order.get(k));
			String rangePath = path + ".ranges[" + order.get(k) + "]";
			if (previous.to() == null || range.from() == null || range.from().compareTo(previous.to()) < 0) {
				problems.add(new FieldProblem(rangePath, P + "ranges.overlap", describe(previous), describe(range)));
			}
			else if (range.from().compareTo(previous.to()) > 0) {
				problems.add(new FieldProblem(rangePath, P + "ranges.gap", plain(previous.to()), plain(range.from())));
			}
		}
		Range last = ranges.get(order.get(order.size() - 1));
		if (last.to() != null) {
			problems.add(new FieldProblem(path + ".ranges[" + order.get(order.size() - 1) + "]",
					P + "ranges.uncovered-high", plain(last.to())));
		}
		return problems.size() == before;
	}

	private static void scale(ModelDefinition model, List<FieldProblem> problems) {
		List<RatingBand> scale = model.scale();
		if (scale.isEmpty()) {
			problems.add(new FieldProblem("scale", P + "scale.required"));
			return;
		}
		int previousGrade = -1;
		RatingBand previous = null;
		for (int i = 0; i < scale.size(); i++) {
			RatingBand band = scale.get(i);
			String path = "scale[" + i + "]";
			int grade = band.grade() == null ? -1 : RatingBand.GRADES.indexOf(band.grade());
			if (grade < 0) {
				problems.add(new FieldProblem(path + ".grade", P + "scale.grade", String.valueOf(band.grade())));
			}
			else if (grade <= previousGrade) {
				problems.add(new FieldProblem(path + ".grade", P + "scale.grade.order", band.grade()));
			}
			else {
				previousGrade = grade;
			}
			if (band.minScore() == null) {
				problems.add(new FieldProblem(path + ".minScore", P + "required"));
			}
			else if (previous != null && previous.minScore() != null
					&& band.minScore().compareTo(previous.minScore()) >= 0) {
				problems.add(new FieldProblem(path + ".minScore", P + "scale.min-score.order"));
			}
			if (band.pd() == null || band.pd().signum() < 0 || band.pd().compareTo(BigDecimal.ONE) > 0) {
				problems.add(new FieldProblem(path + ".pd", P + "scale.pd"));
			}
			else if (previous != null && previous.pd() != null && band.pd().compareTo(previous.pd()) < 0) {
				problems.add(new FieldProblem(path + ".pd", P + "scale.pd.order"));
			}
			if (band.riskClass() == null || !RatingBand.RISK_CLASSES.contains(band.riskClass())) {
				problems.add(new FieldProblem(path + ".riskClass", P + "scale.risk-class"));
			}
			if (band.reviewMonths() < 1 || band.reviewMonths() > 60) {
				problems.add(new FieldProblem(path + ".reviewMonths", P + "scale.review-months"));
			}
			previous = band;
		}
		RatingBand worst = scale.get(scale.size() - 1);
		if (!"D".equals(worst.grade())) {
			problems.add(new FieldProblem("scale[" + (scale.size() - 1) + "].grade", P + "scale.last"));
		}
		else if (worst.minScore() != null && problems.stream().noneMatch(p -> p.field().startsWith("factors"))) {
			BigDecimal floor = model.floorScore();
			if (worst.minScore().compareTo(floor) > 0) {
				problems.add(new FieldProblem("scale[" + (scale.size() - 1) + "].minScore", P + "scale.floor",
						floor.stripTrailingZeros().toPlainString()));
			}
		}
	}

	private static void required(List<FieldProblem> problems, String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, P + "required"));
		}
	}

	/**
	 * A range as people read it, in interval notation: a square bracket for an included
	 * bound, a parenthesis for an excluded or open one, −∞ and +∞ for open bounds.
	 */
	public static String describe(Range range) {
		return (range.from() == null ? "(−∞" : "[" + plain(range.from())) + ", "
				+ (range.to() == null ? "+∞)" : plain(range.to()) + ")");
	}

	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

}
