package org.credence.limit.policy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import com.ezylang.evalex.functions.basic.MaxFunction;
import com.ezylang.evalex.functions.basic.MinFunction;
import com.ezylang.evalex.functions.basic.RoundFunction;
import com.ezylang.evalex.parser.ParseException;
import org.jspecify.annotations.Nullable;

/**
 * The formula of a recommended limit, evaluated with EvalEx (never a scripting engine) as
 * the scoring models' formulas are: arithmetic, comparisons and the functions
 * {@code IF, MIN, MAX, ABS, ROUND, FLOOR, CEILING, AVERAGE} over the customer's figures
 * named in {@link #VARIABLES} (case-sensitive). Amounts are in company currency (元),
 * {@code pd} is a fraction (0.006 = 0.6%), {@code score} the assessment's score.
 * <p>
 * A formula whose figures are not all known, or that divides by zero, has no value: the
 * recommendation then says which figure is missing rather than inventing a number.
 */
public final class LimitFormula {

	/** The figures a formula may use, in the order the basis names them. */
	public static final List<String> VARIABLES = List.of("equity", "revenue", "totalAssets", "netProfit",
			"operatingCashFlow", "avgMonthlySales", "score", "pd");

	private static final ExpressionConfiguration CONFIGURATION = ExpressionConfiguration.builder()
		.functionDictionary(MapBasedFunctionDictionary.ofFunctions(Map.entry("IF", new IfFunction()),
				Map.entry("MIN", new MinFunction()), Map.entry("MAX", new MaxFunction()),
				Map.entry("ABS", new AbsFunction()), Map.entry("ROUND", new RoundFunction()),
				Map.entry("FLOOR", new FloorFunction()), Map.entry("CEILING", new CeilingFunction()),
				Map.entry("AVERAGE", new AverageFunction())))
		.mathContext(MathContext.DECIMAL64)
		.arraysAllowed(false)
		.structuresAllowed(false)
		.build();

	private LimitFormula() {
	}

	/**
	 * The figures the formula uses, in the order of {@link #VARIABLES}.
	 * @throws InvalidFormulaException when it does not parse or uses an unknown name
	 */
	public static Set<String> variables(String formula) {
		Set<String> used = new LinkedHashSet<>();
		try {
			Expression parsed = new Expression(formula, CONFIGURATION);
			parsed.validate();
			for (String variable : parsed.getUsedVariables()) {
				if (CONFIGURATION.getDefaultConstants().containsKey(variable.toUpperCase(java.util.Locale.ROOT))) {
					continue;
				}
				if (!VARIABLES.contains(variable)) {
					throw new InvalidFormulaException("unknown", variable);
				}
				used.add(variable);
			}
		}
		catch (ParseException ex) {
			throw syntax(ex, formula);
		}
		catch (InvalidFormulaException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new InvalidFormulaException("unreadable", formula);
		}
		List<String> ordered = VARIABLES.stream().filter(used::contains).toList();
		return new LinkedHashSet<>(ordered);
	}

	/**
	 * Checks a formula as a policy is saved: it parses, uses only known figures and gives
	 * a number for plausible figures.
	 * @return the problem's message key suffix and argument, empty when the formula is
	 * fine
	 */
	public static Optional<InvalidFormulaException> problem(@Nullable String formula) {
		if (formula == null || formula.isBlank()) {
			return Optional.of(new InvalidFormulaException("required", ""));
		}
		if (formula.length() > 1000) {
			return Optional.of(new InvalidFormulaException("too-long", "1000"));
		}
		try {
			Map<String, BigDecimal> sample = new LinkedHashMap<>();
			for (String variable : variables(formula)) {
				sample.put(variable, new BigDecimal("1234567.89"));
			}
			EvaluationValue value = new Expression(formula, CONFIGURATION).withValues(sample).evaluate();
			if (!value.isNumberValue()) {
				return Optional.of(new InvalidFormulaException("not-a-number", formula));
			}
			if (absurd(value.getNumberValue())) {
				return Optional.of(new InvalidFormulaException("absurd", formula));
			}
			return Optional.empty();
		}
		catch (InvalidFormulaException ex) {
			return Optional.of(ex);
		}
		catch (ArithmeticException ex) {
			// a division by zero or an overflow for plausible figures is a mistake
			return Optional.of(new InvalidFormulaException("arithmetic", formula));
		}
		catch (ParseException | EvaluationException | RuntimeException ex) {
			return Optional
				.of(new InvalidFormulaException("syntax", ex.getMessage() == null ? formula : ex.getMessage()));
		}
	}

	/** A result beyond this (10^18) is no amount but a mistake in the formula. */
	public static final BigDecimal ABSURD = BigDecimal.TEN.pow(18);

	/** Whether a result is too large (or too small) to be any amount. */
	public static boolean absurd(BigDecimal value) {
		return value.abs().compareTo(ABSURD) > 0;
	}

	/**
	 * The formula's value for the given figures; empty when a figure it uses is absent,
	 * or it does not parse, divides by zero or is not a number.
	 */
	public static Optional<BigDecimal> evaluate(String formula, Map<String, BigDecimal> figures) {
		try {
			Map<String, Object> values = new LinkedHashMap<>();
			for (String variable : variables(formula)) {
				BigDecimal value = figures.get(variable);
				if (value == null) {
					return Optional.empty();
				}
				values.put(variable, value);
			}
			EvaluationValue result = new Expression(formula, CONFIGURATION).withValues(values).evaluate();
			return result.isNumberValue() ? Optional.of(result.getNumberValue()) : Optional.empty();
		}
		catch (EvaluationException | ParseException | InvalidFormulaException | ArithmeticException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Where the parser stopped, in words that need no translation: the character position
	 * (counted from 1) and the token there.
	 */
	private static InvalidFormulaException syntax(com.ezylang.evalex.BaseException ex, String formula) {
		int position = ex.getStartPosition() > 0 ? ex.getStartPosition() : formula.length();
		String token = ex.getTokenString() == null || ex.getTokenString().isBlank() ? formula.strip()
				: ex.getTokenString();
		return new InvalidFormulaException("syntax", Integer.toString(position), token);
	}

	/**
	 * A formula that cannot be used.
	 */
	public static final class InvalidFormulaException extends RuntimeException {

		private final String kind;

		private final String detail;

		private final String token;

		InvalidFormulaException(String kind, String detail) {
			this(kind, detail, detail);
		}

		InvalidFormulaException(String kind, String detail, String token) {
			super(kind + ": " + detail + " " + token);
			this.kind = kind;
			this.detail = detail;
			this.token = token;
		}

		/**
		 * {@code required}, {@code too-long}, {@code syntax}, {@code unknown} (a name
		 * that is not a figure) or {@code not-a-number}.
		 */
		public String kind() {
			return this.kind;
		}

		/**
		 * The position where the parser stopped, the unknown name, the limit, or the
		 * formula.
		 */
		public String detail() {
			return this.detail;
		}

		/** The token where the parser stopped, or the detail again. */
		public String token() {
			return this.token;
		}

	}

}
