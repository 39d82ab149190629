package org.credence.limit.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.credence.assessment.AssessmentResult;
import org.credence.assessment.Assessments;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.limit.Recommendation;
import org.credence.receivable.FxRates;
import org.credence.receivable.Receivables;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Works out what the active policy recommends for a customer today (see
 * {@link org.credence.limit.CreditPolicies#recommend}): the customer's current grade
 * picks the rule; the rule's formula is evaluated over the figures of the statement the
 * assessment used, the assessment's score and PD, and the average monthly invoiced sales
 * of the last 12 months; the result is rounded down to whole 1,000 of company currency
 * and capped at the grade maximum. The basis says all of that in words and numbers, in
 * Chinese and English.
 */
@Component
public class Recommender {

	static final BigDecimal ROUNDING_UNIT = new BigDecimal("1000");

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	private static final Locale EN = Locale.ENGLISH;

	private final Customers customers;

	private final Assessments assessments;

	private final Receivables receivables;

	private final FxRates fxRates;

	private final CreditPolicyVersions versions;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	private final Clock clock;

	Recommender(Customers customers, Assessments assessments, Receivables receivables, FxRates fxRates,
			CreditPolicyVersions versions, CurrentUser currentUser, MessageSource messages, Clock clock) {
		this.customers = customers;
		this.assessments = assessments;
		this.receivables = receivables;
		this.fxRates = fxRates;
		this.versions = versions;
		this.currentUser = currentUser;
		this.messages = messages;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Recommendation recommend(String customerCode) {
		this.currentUser.require(Permission.LIMIT_READ);
		CustomerDetails customer = this.customers.get(customerCode);
		CreditPolicy policy = this.versions.active();
		String currency = this.fxRates.companyCurrency();
		LocalDate today = LocalDate.now(this.clock);
		Optional<AssessmentResult> current = this.assessments.current(customer.code());
		if (current.isEmpty()) {
			return nothing(customer, null, currency, policy, "limit.policy.basis.unrated");
		}
		AssessmentResult assessment = current.get();
		if (assessment.nextReviewDate().isBefore(today)) {
			return nothing(customer, null, currency, policy, "limit.policy.basis.review-overdue",
					assessment.assessedAt().atZone(this.clock.getZone()).toLocalDate().toString(), assessment.grade(),
					assessment.nextReviewDate().toString());
		}
		String industry = customer.industry() == null ? null : customer.industry().name();
		Optional<PolicyRule> found = policy.ruleFor(assessment.grade(), assessment.riskClass(), industry);
		if (found.isEmpty()) {
			return nothing(customer, assessment, currency, policy, "limit.policy.basis.no-rule", policy.version(),
					assessment.grade());
		}
		PolicyRule rule = found.get();
		if (!rule.creditAllowed()) {
			return new Recommendation(customer.code(), true, assessment.grade(), assessment.riskClass(), false, zero(),
					currency, 0, 0, zero(), false, null,
					text(ZH, "limit.policy.basis.prepayment", scope(ZH, rule), policy.version()),
					text(EN, "limit.policy.basis.prepayment", scope(EN, rule), policy.version()), policy.version());
		}
		Map<String, BigDecimal> figures = figures(customer.code(), assessment, today);
		Set<String> used = LimitFormula.variables(rule.formula());
		List<String> missing = used.stream().filter(name -> !figures.containsKey(name)).toList();
		Optional<BigDecimal> value = missing.isEmpty() ? LimitFormula.evaluate(rule.formula(), figures)
				: Optional.empty();
		if (value.isEmpty()) {
			String key = missing.isEmpty() ? "limit.policy.basis.no-value" : "limit.policy.basis.missing";
			return advice(customer, assessment, rule, policy, currency, zero(),
					text(ZH, key, scope(ZH, rule), policy.version(), rule.formula(), names(ZH, missing)),
					text(EN, key, scope(EN, rule), policy.version(), rule.formula(), names(EN, missing)));
		}
		BigDecimal raw = value.get();
		BigDecimal rounded = raw.signum() <= 0 ? zero()
				: raw.divide(ROUNDING_UNIT, 0, RoundingMode.FLOOR).multiply(ROUNDING_UNIT).setScale(2);
		boolean capped = rounded.compareTo(rule.maximum()) > 0;
		BigDecimal amount = capped ? rule.maximum() : rounded;
		return advice(customer, assessment, rule, policy, currency, amount,
				basis(ZH, rule, policy, used, figures, raw, rounded, capped),
				basis(EN, rule, policy, used, figures, raw, rounded, capped));
	}

	private Map<String, BigDecimal> figures(String customerCode, AssessmentResult assessment, LocalDate today) {
		Map<String, BigDecimal> facts = this.assessments.facts(assessment.id());
		Map<String, BigDecimal> figures = new LinkedHashMap<>();
		for (String line : List.of("equity", "revenue", "totalAssets", "netProfit", "operatingCashFlow")) {
			BigDecimal value = facts.get("line:" + line);
			if (value != null) {
				figures.put(line, value);
			}
		}
		figures.put("avgMonthlySales", this.receivables.averageMonthlySales(customerCode, today));
		figures.put("score", assessment.score());
		figures.put("pd", assessment.pd());
		return figures;
	}

	private String basis(Locale locale, PolicyRule rule, CreditPolicy policy, Set<String> used,
			Map<String, BigDecimal> figures, BigDecimal raw, BigDecimal rounded, boolean capped) {
		List<String> values = new ArrayList<>();
		for (String name : used) {
			values.add(text(locale, "limit.policy.figure." + name) + " " + number(figures.get(name)));
		}
		StringBuilder basis = new StringBuilder(
				text(locale, "limit.policy.basis.formula", scope(locale, rule), policy.version(), rule.formula(),
						values.isEmpty() ? "—" : String.join(text(locale, "limit.policy.basis.separator"), values),
						number(raw)));
		if (raw.signum() < 0) {
			basis.append(text(locale, "limit.policy.basis.negative"));
		}
		basis.append(text(locale, "limit.policy.basis.rounded", number(rounded)));
		basis.append(text(locale, capped ? "limit.policy.basis.capped" : "limit.policy.basis.within", rule.grade(),
				number(rule.maximum())));
		basis.append(text(locale, "limit.policy.basis.terms", rule.defaultTermsDays(), rule.maxTermsDays()));
		if (rule.collateralRequired() && rule.coverRatio() != null) {
			basis.append(text(locale, "limit.policy.basis.collateral", percent(rule.coverRatio())));
		}
		basis.append(text(locale, "limit.policy.basis.end"));
		return basis.toString();
	}

	private Recommendation advice(CustomerDetails customer, AssessmentResult assessment, PolicyRule rule,
			CreditPolicy policy, String currency, BigDecimal amount, String basisZh, String basisEn) {
		return new Recommendation(customer.code(), true, assessment.grade(), assessment.riskClass(), true, amount,
				currency, rule.defaultTermsDays(), rule.maxTermsDays(), rule.maximum(), rule.collateralRequired(),
				rule.coverRatio(), basisZh, basisEn, policy.version());
	}

	private Recommendation nothing(CustomerDetails customer, @Nullable AssessmentResult assessment, String currency,
			CreditPolicy policy, String key, Object... arguments) {
		boolean rated = assessment != null;
		return new Recommendation(customer.code(), rated, rated ? assessment.grade() : null,
				rated ? assessment.riskClass() : null, false, zero(), currency, 0, 0, zero(), false, null,
				text(ZH, key, arguments), text(EN, key, arguments), policy.version());
	}

	private String scope(Locale locale, PolicyRule rule) {
		if (rule.riskClass() != null && rule.industry() != null) {
			return text(locale, "limit.policy.basis.scope.both", rule.grade(), riskClass(locale, rule.riskClass()),
					rule.industry());
		}
		if (rule.riskClass() != null) {
			return text(locale, "limit.policy.basis.scope.risk", rule.grade(), riskClass(locale, rule.riskClass()));
		}
		if (rule.industry() != null) {
			return text(locale, "limit.policy.basis.scope.industry", rule.grade(), rule.industry());
		}
		return text(locale, "limit.policy.basis.scope.grade", rule.grade());
	}

	private String riskClass(Locale locale, String riskClass) {
		return text(locale, "limit.policy.risk." + riskClass);
	}

	private String names(Locale locale, List<String> names) {
		return String.join(text(locale, "limit.policy.basis.separator"),
				names.stream().map(name -> text(locale, "limit.policy.figure." + name)).toList());
	}

	private String text(Locale locale, String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	/** An amount or figure with thousands separators and no needless decimals. */
	static String number(BigDecimal value) {
		DecimalFormat format = new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.ROOT));
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(value);
	}

	static String percent(BigDecimal fraction) {
		return number(fraction.multiply(BigDecimal.valueOf(100))) + "%";
	}

	private static BigDecimal zero() {
		return BigDecimal.ZERO.setScale(2);
	}

}
