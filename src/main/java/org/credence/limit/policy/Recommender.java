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
import org.credence.assessment.statement.FinancialStatement;
import org.credence.assessment.statement.FinancialStatements;
import org.credence.assessment.statement.PeriodType;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.limit.Recommendation;
import org.credence.receivable.FxRate;
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

	/** Results smaller than this count as zero. */
	static final BigDecimal TINY = new BigDecimal("0.0001");

	/** The figures taken from the statement behind the assessment. */
	static final List<String> STATEMENT_FIGURES = List.of("equity", "revenue", "totalAssets", "netProfit",
			"operatingCashFlow");

	/** The statement figures that cover a period rather than a day. */
	static final List<String> FLOW_FIGURES = List.of("revenue", "netProfit", "operatingCashFlow");

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	private static final Locale EN = Locale.ENGLISH;

	private final Customers customers;

	private final Assessments assessments;

	private final Receivables receivables;

	private final FxRates fxRates;

	private final FinancialStatements statements;

	private final CreditPolicyVersions versions;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	private final Clock clock;

	Recommender(Customers customers, Assessments assessments, Receivables receivables, FxRates fxRates,
			FinancialStatements statements, CreditPolicyVersions versions, CurrentUser currentUser,
			MessageSource messages, Clock clock) {
		this.statements = statements;
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
		return recommend(customer, this.versions.active());
	}

	/**
	 * The recommendation as the system, in the caller's transaction (none of its own):
	 * empty without an active policy or such a customer, checked first so that nothing
	 * here throws and marks the caller's transaction rollback-only.
	 */
	public Optional<Recommendation> recommendIfActive(String customerCode) {
		return this.currentUser.asSystem(() -> {
			Optional<CustomerDetails> customer = this.customers.find(customerCode);
			Optional<CreditPolicy> policy = this.versions.activeIfAny();
			if (customer.isEmpty() || policy.isEmpty()) {
				return Optional.empty();
			}
			return Optional.of(recommend(customer.get(), policy.get()));
		});
	}

	private Recommendation recommend(CustomerDetails customer, CreditPolicy policy) {
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
		Figures known = figures(customer.code(), assessment, currency, today);
		Map<String, BigDecimal> figures = known.values();
		Set<String> used = LimitFormula.variables(rule.formula());
		List<String> missing = used.stream().filter(name -> !figures.containsKey(name)).toList();
		Optional<BigDecimal> value = missing.isEmpty() ? LimitFormula.evaluate(rule.formula(), figures)
				: Optional.empty();
		// a result beyond any sensible amount (e.g. equity * 1E+400000000) is refused
		// before it is rounded or formatted, which would take forever
		if (value.isPresent() && LimitFormula.absurd(value.get())) {
			return advice(customer, assessment, rule, policy, currency, zero(),
					text(ZH, "limit.policy.basis.absurd", scope(ZH, rule), policy.version(), rule.formula()),
					text(EN, "limit.policy.basis.absurd", scope(EN, rule), policy.version(), rule.formula()));
		}
		if (value.isEmpty()) {
			List<String> unusable = missing.stream().filter(known.unusable()::containsKey).toList();
			if (!unusable.isEmpty()) {
				return advice(customer, assessment, rule, policy, currency, zero(),
						text(ZH, "limit.policy.basis.unusable", scope(ZH, rule), policy.version(), rule.formula(),
								names(ZH, missing), reasons(ZH, known, unusable)),
						text(EN, "limit.policy.basis.unusable", scope(EN, rule), policy.version(), rule.formula(),
								names(EN, missing), reasons(EN, known, unusable)));
			}
			String key = missing.isEmpty() ? "limit.policy.basis.no-value" : "limit.policy.basis.missing";
			return advice(customer, assessment, rule, policy, currency, zero(),
					text(ZH, key, scope(ZH, rule), policy.version(), rule.formula(), names(ZH, missing)),
					text(EN, key, scope(EN, rule), policy.version(), rule.formula(), names(EN, missing)));
		}
		// within ±10^18 now; a result too small to be a cent is none, so rounding and
		// formatting stay cheap whatever the formula's exponents
		BigDecimal raw = value.get().abs().compareTo(TINY) < 0 ? BigDecimal.ZERO : value.get();
		BigDecimal rounded = raw.signum() <= 0 ? zero()
				: raw.divide(ROUNDING_UNIT, 0, RoundingMode.FLOOR).multiply(ROUNDING_UNIT).setScale(2);
		boolean capped = rounded.compareTo(rule.maximum()) > 0;
		BigDecimal amount = capped ? rule.maximum() : rounded;
		boolean statementUsed = used.stream().anyMatch(STATEMENT_FIGURES::contains);
		return advice(customer, assessment, rule, policy, currency, amount,
				basis(ZH, rule, policy, used, known, statementUsed, raw, rounded, capped),
				basis(EN, rule, policy, used, known, statementUsed, raw, rounded, capped));
	}

	/**
	 * The figures a formula may use, in company currency: the statement lines the
	 * assessment used, converted from the statement's currency at the rate of its period
	 * end (or, when none was entered by then, the latest rate up to today); without any
	 * rate they are unusable. Flows (revenue, net profit, operating cash flow) of a
	 * quarterly statement are not a year's figures and are not used.
	 */
	private Figures figures(String customerCode, AssessmentResult assessment, String companyCurrency, LocalDate today) {
		Map<String, BigDecimal> facts = this.assessments.facts(assessment.id());
		Map<String, BigDecimal> figures = new LinkedHashMap<>();
		Map<String, String> unusable = new LinkedHashMap<>();
		List<Object[]> conversion = new ArrayList<>();
		Map<String, BigDecimal> lines = new LinkedHashMap<>();
		for (String line : STATEMENT_FIGURES) {
			BigDecimal value = facts.get("line:" + line);
			if (value != null) {
				lines.put(line, value);
			}
		}
		Map<String, Object[]> reasons = new LinkedHashMap<>();
		if (!lines.isEmpty()) {
			Optional<FinancialStatement> statement = statementOf(customerCode, assessment, lines);
			if (statement.isEmpty()) {
				lines.keySet().forEach(line -> unusable.put(line, "limit.policy.basis.no-statement"));
				reasons.put("limit.policy.basis.no-statement", new Object[0]);
				lines.clear();
			}
			else {
				FinancialStatement used = statement.get();
				if (used.periodType() == PeriodType.QUARTERLY) {
					for (String flow : FLOW_FIGURES) {
						if (lines.remove(flow) != null) {
							unusable.put(flow, "limit.policy.basis.quarterly");
						}
					}
					reasons.put("limit.policy.basis.quarterly", new Object[] { used.periodEnd().toString() });
				}
				if (!used.currency().equals(companyCurrency) && !lines.isEmpty()) {
					Optional<FxRate> rate = rate(used.currency(), used.periodEnd())
						.or(() -> rate(used.currency(), today));
					if (rate.isEmpty()) {
						lines.keySet().forEach(line -> unusable.put(line, "limit.policy.basis.no-rate"));
						reasons.put("limit.policy.basis.no-rate", new Object[] { used.currency(), companyCurrency,
								used.periodEnd().toString(), today.toString() });
						lines.clear();
					}
					else {
						BigDecimal per = rate.get().rate();
						lines.replaceAll((line, amount) -> amount.multiply(per).setScale(2, RoundingMode.HALF_UP));
						conversion.add(new Object[] { used.currency(), used.periodEnd().toString(), number(per),
								companyCurrency, rate.get().date().toString() });
					}
				}
			}
		}
		figures.putAll(lines);
		figures.put("avgMonthlySales", this.receivables.averageMonthlySales(customerCode, today));
		figures.put("score", assessment.score());
		figures.put("pd", assessment.pd());
		return new Figures(figures, unusable, reasons, conversion.isEmpty() ? null : conversion.get(0));
	}

	/**
	 * The statement behind the assessment's figures: the newest (as the assessment took
	 * the latest) whose lines are those figures; else the newest entered before the
	 * assessment.
	 */
	private Optional<FinancialStatement> statementOf(String customerCode, AssessmentResult assessment,
			Map<String, BigDecimal> lines) {
		List<FinancialStatement> all = this.currentUser.asSystem(() -> this.statements.all(customerCode));
		return all.stream()
			.filter(statement -> lines.entrySet()
				.stream()
				.allMatch(line -> same(statement, line.getKey(), line.getValue())))
			.findFirst()
			.or(() -> all.stream()
				.filter(statement -> !statement.createdAt().isAfter(assessment.assessedAt()))
				.findFirst());
	}

	private static boolean same(FinancialStatement statement, String line, BigDecimal value) {
		BigDecimal stated = switch (line) {
			case "equity" -> statement.lines().equity();
			case "revenue" -> statement.lines().revenue();
			case "totalAssets" -> statement.lines().totalAssets();
			case "netProfit" -> statement.lines().netProfit();
			case "operatingCashFlow" -> statement.lines().operatingCashFlow();
			default -> null;
		};
		return stated != null && stated.compareTo(value) == 0;
	}

	/** The rate in force on the day (the latest entered on or before it). */
	private Optional<FxRate> rate(String currency, LocalDate day) {
		return this.currentUser.asSystem(() -> this.fxRates.ratesOn(day))
			.stream()
			.filter(rate -> rate.currency().equals(currency))
			.findFirst();
	}

	private String reasons(Locale locale, Figures figures, List<String> unusable) {
		return String.join(text(locale, "limit.policy.basis.separator"),
				unusable.stream()
					.map(figures.unusable()::get)
					.distinct()
					.map(key -> text(locale, key, figures.reasons().get(key)))
					.toList());
	}

	/**
	 * Figures in company currency; why some known ones cannot be used; the conversion of
	 * the statement's figures (currency, period end, rate, company currency, rate date),
	 * if any.
	 */
	private record Figures(Map<String, BigDecimal> values, Map<String, String> unusable, Map<String, Object[]> reasons,
			Object @Nullable [] conversion) {
	}

	private String basis(Locale locale, PolicyRule rule, CreditPolicy policy, Set<String> used, Figures known,
			boolean statementUsed, BigDecimal raw, BigDecimal rounded, boolean capped) {
		Map<String, BigDecimal> figures = known.values();
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
		if (statementUsed && known.conversion() != null) {
			basis.append(text(locale, "limit.policy.basis.converted", known.conversion()));
		}
		if (statementUsed && known.reasons().containsKey("limit.policy.basis.quarterly")) {
			basis.append(text(locale, "limit.policy.basis.quarterly-note",
					known.reasons().get("limit.policy.basis.quarterly")));
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
