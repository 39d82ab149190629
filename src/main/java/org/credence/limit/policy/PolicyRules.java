package org.credence.limit.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.credence.customer.Industry;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * The checks a policy's rules pass before they are saved: known grades, risk classes and
 * industries; one rule per scope; a general rule for every grade of the rating scale;
 * amounts not negative; terms between 0 and 365 days with the maximum not below the
 * default; a cover ratio when collateral is required; and a formula that parses and uses
 * only known figures. Rules that allow no credit keep zero figures and no formula.
 */
public final class PolicyRules {

	/** The grades of the rating scale, best first (the assessment module's scale). */
	public static final List<String> GRADES = List.of("AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C", "D");

	/** The risk classes (客户分类). */
	public static final List<String> RISK_CLASSES = List.of("LOW", "MEDIUM", "HIGH");

	static final int MAX_TERMS = 365;

	static final BigDecimal MAX_COVER = new BigDecimal("5");

	static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999999.99");

	private PolicyRules() {
	}

	/** The rules, checked, or every problem found with its field. */
	public static Checked check(List<RuleDraft> drafts) {
		List<FieldProblem> problems = new ArrayList<>();
		List<PolicyRule> rules = new ArrayList<>();
		for (int i = 0; i < drafts.size(); i++) {
			Optional<PolicyRule> rule = rule(drafts.get(i), "rules[" + i + "].", problems);
			if (rule.isEmpty()) {
				continue;
			}
			if (rules.stream().anyMatch(rule.get()::sameScope)) {
				problems
					.add(new FieldProblem("rules[" + i + "].grade", "limit.policy.rule.duplicate", scope(rule.get())));
			}
			else {
				rules.add(rule.get());
			}
		}
		if (problems.isEmpty()) {
			for (String grade : GRADES) {
				if (rules.stream().noneMatch(rule -> rule.grade().equals(grade) && rule.isGeneral())) {
					problems.add(new FieldProblem("rules", "limit.policy.rules.grade-missing", grade));
				}
			}
		}
		return new Checked(List.copyOf(rules), List.copyOf(problems));
	}

	/**
	 * The rules, checked.
	 * @throws InvalidInputException with every problem found
	 */
	public static List<PolicyRule> requireValid(List<RuleDraft> drafts) {
		Checked checked = check(drafts);
		if (!checked.problems().isEmpty()) {
			throw new InvalidInputException(checked.problems());
		}
		return checked.rules();
	}

	private static String scope(PolicyRule rule) {
		return rule.grade() + (rule.riskClass() == null ? "" : " / " + rule.riskClass())
				+ (rule.industry() == null ? "" : " / " + rule.industry());
	}

	private static Optional<PolicyRule> rule(RuleDraft draft, String path, List<FieldProblem> problems) {
		int before = problems.size();
		String grade = upper(draft.grade());
		if (grade == null) {
			problems.add(new FieldProblem(path + "grade", "limit.policy.rule.grade.required"));
		}
		else if (!GRADES.contains(grade)) {
			problems.add(new FieldProblem(path + "grade", "limit.policy.rule.grade.unknown", grade));
		}
		String riskClass = upper(draft.riskClass());
		if (riskClass != null && !RISK_CLASSES.contains(riskClass)) {
			problems.add(new FieldProblem(path + "riskClass", "limit.policy.rule.risk-class.unknown", riskClass));
		}
		String industry = upper(draft.industry());
		if (industry != null && !isIndustry(industry)) {
			problems.add(new FieldProblem(path + "industry", "limit.policy.rule.industry.unknown", industry));
		}
		boolean creditAllowed = Boolean.TRUE.equals(draft.creditAllowed());
		if (!creditAllowed) {
			if (problems.size() > before || grade == null) {
				return Optional.empty();
			}
			return Optional.of(new PolicyRule(grade, riskClass, industry, false, BigDecimal.ZERO.setScale(2), "", 0, 0,
					false, null));
		}
		BigDecimal maximum = draft.maximum();
		if (maximum == null) {
			problems.add(new FieldProblem(path + "maximum", "limit.policy.rule.maximum.required"));
		}
		else if (maximum.signum() <= 0 || maximum.compareTo(MAX_AMOUNT) > 0
				|| maximum.stripTrailingZeros().scale() > 2) {
			problems.add(new FieldProblem(path + "maximum", "limit.policy.rule.maximum.range"));
		}
		String formula = draft.formula() == null ? "" : draft.formula().strip();
		LimitFormula.problem(formula)
			.ifPresent(problem -> problems.add(new FieldProblem(path + "formula",
					"limit.policy.rule.formula." + problem.kind(), problem.detail(),
					"syntax".equals(problem.kind()) ? problem.token() : String.join(", ", LimitFormula.VARIABLES))));
		Integer terms = draft.defaultTermsDays();
		Integer maxTerms = draft.maxTermsDays();
		if (terms == null) {
			problems.add(new FieldProblem(path + "defaultTermsDays", "limit.policy.rule.terms.required"));
		}
		else if (terms < 0 || terms > MAX_TERMS) {
			problems.add(new FieldProblem(path + "defaultTermsDays", "limit.policy.rule.terms.range", MAX_TERMS));
		}
		if (maxTerms == null) {
			problems.add(new FieldProblem(path + "maxTermsDays", "limit.policy.rule.terms.required"));
		}
		else if (maxTerms < 0 || maxTerms > MAX_TERMS) {
			problems.add(new FieldProblem(path + "maxTermsDays", "limit.policy.rule.terms.range", MAX_TERMS));
		}
		else if (terms != null && maxTerms < terms) {
			problems.add(new FieldProblem(path + "maxTermsDays", "limit.policy.rule.terms.below-default", terms));
		}
		boolean collateral = Boolean.TRUE.equals(draft.collateralRequired());
		BigDecimal cover = draft.coverRatio();
		if (collateral && cover == null) {
			problems.add(new FieldProblem(path + "coverRatio", "limit.policy.rule.cover-ratio.required"));
		}
		else if (collateral && (cover.signum() <= 0 || cover.compareTo(MAX_COVER) > 0)) {
			problems.add(new FieldProblem(path + "coverRatio", "limit.policy.rule.cover-ratio.range"));
		}
		if (problems.size() > before) {
			return Optional.empty();
		}
		return Optional.of(new PolicyRule(grade, riskClass, industry, true, maximum.setScale(2), formula, terms,
				maxTerms, collateral, collateral ? cover.stripTrailingZeros() : null));
	}

	private static boolean isIndustry(String letter) {
		return java.util.Arrays.stream(Industry.values()).anyMatch(industry -> industry.name().equals(letter));
	}

	private static @Nullable String upper(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
	}

	/** Checked rules, or what is wrong with them. */
	public record Checked(List<PolicyRule> rules, List<FieldProblem> problems) {
	}

}
