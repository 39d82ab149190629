package org.credence.limit.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.credence.shared.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyRulesTests {

	static List<RuleDraft> builtIn() {
		return new ArrayList<>(BuiltInPolicy.rules().stream().map(RuleDraft::of).toList());
	}

	static RuleDraft rule(String grade, String formula) {
		return new RuleDraft(grade, null, null, true, new BigDecimal("1000000"), formula, 30, 60, false, null);
	}

	@Test
	void acceptsTheBuiltInPolicy() {
		PolicyRules.Checked checked = PolicyRules.check(builtIn());

		assertThat(checked.problems()).isEmpty();
		assertThat(checked.rules()).extracting(PolicyRule::grade).containsExactlyElementsOf(PolicyRules.GRADES);
	}

	@Test
	void namesTheFieldOfAFormulaThatDoesNotParseOrUsesAnUnknownFigure() {
		List<RuleDraft> rules = builtIn();
		rules.set(3, rule("BBB", "MIN(equity * 0.25,"));
		rules.set(4, rule("BB", "Equity * 0.2"));
		rules.add(new RuleDraft("A", null, "C", true, new BigDecimal("1000"), "equity > 0", 30, 60, false, null));

		List<FieldProblem> problems = PolicyRules.check(rules).problems();

		assertThat(problems).extracting(FieldProblem::field)
			.containsExactly("rules[3].formula", "rules[4].formula", "rules[10].formula");
		assertThat(problems).extracting(FieldProblem::messageCode)
			.containsExactly("limit.policy.rule.formula.syntax", "limit.policy.rule.formula.unknown",
					"limit.policy.rule.formula.not-a-number");
		assertThat(problems.get(1).arguments()[0]).isEqualTo("Equity");
	}

	@Test
	void refusesMissingFiguresBadTermsAndCollateralWithoutCover() {
		List<RuleDraft> rules = builtIn();
		rules.set(0, new RuleDraft("AAA", null, null, true, null, "equity", 90, 60, true, null));
		rules.set(1, new RuleDraft("AA", "SEVERE", "Z", true, new BigDecimal("-1"), "equity", null, 400, false, null));

		List<FieldProblem> problems = PolicyRules.check(rules).problems();

		assertThat(problems).extracting(p -> p.field() + " " + p.messageCode())
			.containsExactly("rules[0].maximum limit.policy.rule.maximum.required",
					"rules[0].maxTermsDays limit.policy.rule.terms.below-default",
					"rules[0].coverRatio limit.policy.rule.cover-ratio.required",
					"rules[1].riskClass limit.policy.rule.risk-class.unknown",
					"rules[1].industry limit.policy.rule.industry.unknown",
					"rules[1].maximum limit.policy.rule.maximum.range",
					"rules[1].defaultTermsDays limit.policy.rule.terms.required",
					"rules[1].maxTermsDays limit.policy.rule.terms.range");
	}

	@Test
	void needsAGeneralRuleForEveryGradeAndOneRulePerScope() {
		List<RuleDraft> rules = builtIn();
		rules.remove(9);
		assertThat(PolicyRules.check(rules).problems()).extracting(p -> p.field() + " " + p.arguments()[0])
			.containsExactly("rules D");

		List<RuleDraft> twice = builtIn();
		twice.add(new RuleDraft("bbb", null, null, false, null, null, null, null, null, null));
		assertThat(PolicyRules.check(twice).problems()).extracting(p -> p.field() + " " + p.messageCode())
			.containsExactly("rules[10].grade limit.policy.rule.duplicate");
	}

	@Test
	void picksTheNarrowestRuleThatApplies() {
		List<PolicyRule> rules = new ArrayList<>(BuiltInPolicy.rules());
		rules
			.add(new PolicyRule("BBB", "MEDIUM", null, true, new BigDecimal("1500000"), "equity", 30, 45, false, null));
		rules.add(new PolicyRule("BBB", null, "K", true, new BigDecimal("500000"), "equity", 30, 45, true,
				BigDecimal.ONE));
		CreditPolicy policy = new CreditPolicy(2, CreditPolicy.DRAFT, null, rules, java.time.Instant.EPOCH, "t",
				java.time.Instant.EPOCH, "t", null, null, null);

		assertThat(policy.ruleFor("BBB", "MEDIUM", "C")).get()
			.extracting(PolicyRule::maximum)
			.isEqualTo(new BigDecimal("1500000"));
		assertThat(policy.ruleFor("BBB", "MEDIUM", "K")).get().extracting(PolicyRule::industry).isEqualTo("K");
		assertThat(policy.ruleFor("BBB", "HIGH", null)).get().extracting(PolicyRule::isGeneral).isEqualTo(true);
	}

	@Test
	void evaluatesAFormulaOnlyWithEveryFigureItUses() {
		String formula = BuiltInPolicy.formula("0.25", "2");

		assertThat(LimitFormula.variables(formula)).containsExactly("equity", "avgMonthlySales");
		assertThat(LimitFormula.problem("min(equity * 0.25, avgMonthlySales * 3)")).isEmpty();
		assertThat(LimitFormula.evaluate(formula,
				Map.of("equity", new BigDecimal("4000000"), "avgMonthlySales", BigDecimal.ZERO)))
			.get()
			.satisfies(v -> assertThat(v).isEqualByComparingTo("1000000"));
		assertThat(LimitFormula.evaluate(formula,
				Map.of("equity", new BigDecimal("4000000"), "avgMonthlySales", new BigDecimal("100000"))))
			.get()
			.satisfies(v -> assertThat(v).isEqualByComparingTo("200000"));
		assertThat(LimitFormula.evaluate(formula, Map.of("avgMonthlySales", BigDecimal.ZERO))).isEmpty();
		assertThat(
				LimitFormula.evaluate("equity / revenue", Map.of("equity", BigDecimal.ONE, "revenue", BigDecimal.ZERO)))
			.isEmpty();
	}

	@Test
	@Timeout(10)
	void refusesAFormulaWhoseResultIsNoSensibleAmount() {
		String huge = "equity * 1E+400000000";

		assertThat(LimitFormula.problem(huge)).get().satisfies(p -> assertThat(p.kind()).isEqualTo("absurd"));
		assertThat(LimitFormula.evaluate(huge, Map.of("equity", new BigDecimal("4000000")))).get()
			.satisfies(v -> assertThat(LimitFormula.absurd(v)).isTrue());
		assertThat(LimitFormula.absurd(new BigDecimal("999999999999999999"))).isFalse();
		assertThat(LimitFormula.evaluate("equity * 1E-400000000", Map.of("equity", new BigDecimal("4000000")))).get()
			.satisfies(v -> assertThat(v.abs()).isLessThan(Recommender.TINY));
	}

}
