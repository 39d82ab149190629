package org.credence.assessment.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.config.MapBasedFunctionDictionary;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.functions.basic.AbsFunction;
import com.ezylang.evalex.functions.basic.AverageFunction;
import com.ezylang.evalex.functions.basic.CeilingFunction;
import com.ezylang.evalex.functions.basic.FloorFunction;
import com.ezylang.evalex.functions.basic.IfFunction;
import com.ezylang.evalex.functions.basic.LogFunction;
import com.ezylang.evalex.functions.basic.MaxFunction;
import com.ezylang.evalex.functions.basic.MinFunction;
import com.ezylang.evalex.functions.basic.RoundFunction;
import com.ezylang.evalex.functions.basic.SqrtFunction;
import com.ezylang.evalex.parser.ParseException;

/**
 * The expression of a FORMULA factor, evaluated with EvalEx (never a scripting engine):
 * arithmetic, comparisons and the functions {@code IF, MIN, MAX, ABS, ROUND, FLOOR,
 * CEILING, SQRT, LOG, AVERAGE} over variables named after references, the colon written
 * as an underscore: {@code ratio:DEBT_RATIO} is {@code ratio_DEBT_RATIO},
 * {@code line:totalAssets} is {@code line_totalAssets}. Names are case-sensitive. No
 * date, random, string, array or structure functions: a formula depends on the facts
 * alone.
 * <p>
 * A formula whose variables are not all known, or that divides by zero, has no value (the
 * factor is missing), never a number that lies.
 */
public final class Formula {

	private static final ExpressionConfiguration CONFIGURATION = ExpressionConfiguration.builder()
		.functionDictionary(MapBasedFunctionDictionary.ofFunctions(Map.entry("IF", new IfFunction()),
				Map.entry("MIN", new MinFunction()), Map.entry("MAX", new MaxFunction()),
				Map.entry("ABS", new AbsFunction()), Map.entry("ROUND", new RoundFunction()),
				Map.entry("FLOOR", new FloorFunction()), Map.entry("CEILING", new CeilingFunction()),
				Map.entry("SQRT", new SqrtFunction()), Map.entry("LOG", new LogFunction()),
				Map.entry("AVERAGE", new AverageFunction())))
		.mathContext(MathContext.DECIMAL64)
		.arraysAllowed(false)
		.structuresAllowed(false)
		.build();

	private Formula() {
	}

	/**
	 * The variable that stands for a reference in a formula: {@code ratio_DEBT_RATIO}.
	 */
	public static String variable(String reference) {
		return reference.replaceFirst(":", "_");
	}

	/** The reference a variable stands for: {@code ratio:DEBT_RATIO}. */
	public static String reference(String variable) {
		return variable.replaceFirst("_", ":");
	}

	/**
	 * The references the expression uses, in order of appearance.
	 * @throws InvalidFormulaException when the expression does not parse
	 */
	public static Set<String> references(String expression) {
		try {
			Expression parsed = new Expression(expression, CONFIGURATION);
			parsed.validate();
			Set<String> references = new LinkedHashSet<>();
			for (String variable : parsed.getUsedVariables()) {
				if (!CONFIGURATION.getDefaultConstants().containsKey(variable.toUpperCase(java.util.Locale.ROOT))) {
					references.add(reference(variable));
				}
			}
			return references;
		}
		catch (ParseException | RuntimeException ex) {
			throw new InvalidFormulaException(
					ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
		}
	}

	/**
	 * The value of the expression with each reference's value; empty when a reference has
	 * no value, the expression does not parse, divides by zero or is not a number.
	 */
	public static Optional<BigDecimal> evaluate(String expression,
			Function<String, Optional<BigDecimal>> valueOfReference) {
		try {
			Map<String, Object> values = new LinkedHashMap<>();
			for (String reference : references(expression)) {
				Optional<BigDecimal> value = valueOfReference.apply(reference);
				if (value.isEmpty()) {
					return Optional.empty();
				}
				values.put(variable(reference), value.get());
			}
			EvaluationValue result = new Expression(expression, CONFIGURATION).withValues(values).evaluate();
			return result.isNumberValue() ? Optional.of(result.getNumberValue()) : Optional.empty();
		}
		catch (EvaluationException | ParseException | InvalidFormulaException | ArithmeticException ex) {
			return Optional.empty();
		}
	}

	/** An expression that does not parse, with EvalEx's reason. */
	public static final class InvalidFormulaException extends RuntimeException {

		InvalidFormulaException(String reason) {
			super(reason);
		}

	}

}
