package org.credence.limit.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.credence.limit.CreditPolicies;
import org.credence.limit.Recommendation;
import org.credence.limit.policy.CreditPolicy;
import org.credence.limit.policy.CreditPolicyVersions;
import org.credence.limit.policy.PolicyRule;
import org.credence.limit.policy.RuleDraft;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The credit policy and its recommendations over the API. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Credit policy",
		description = "The versioned credit policy per grade and the limit and terms it recommends for a customer")
class CreditPolicyApiController {

	private final CreditPolicies policies;

	private final CreditPolicyVersions versions;

	CreditPolicyApiController(CreditPolicies policies, CreditPolicyVersions versions) {
		this.policies = policies;
		this.versions = versions;
	}

	@GetMapping("/customers/{code}/credit-recommendation")
	@Operation(summary = "The limit and terms the active credit policy recommends for a customer today",
			description = "The current grade picks the rule; the formula's result is rounded down to whole 1,000 of company currency and capped at the grade maximum. basis is in the caller's language (Accept-Language), basisZh and basisEn in both. rated=false (amount 0) without an assessment or when the latest is past its review date; creditAllowed=false for prepayment-only grades. Needs limit:read; sales only for their own customers (404 otherwise).")
	RecommendationJson recommendation(@PathVariable String code, Locale locale) {
		return RecommendationJson.of(this.policies.recommend(code), locale);
	}

	@GetMapping("/credit-policy")
	@Operation(summary = "The active credit policy version with its rules", description = "Needs limit:read.")
	PolicyJson active() {
		return PolicyJson.of(this.versions.active());
	}

	@GetMapping("/credit-policy/versions")
	@Operation(summary = "Every credit policy version, newest first (without rules)", description = "Needs limit:read.")
	List<PolicyJson> versions() {
		return this.versions.versions().stream().map(PolicyJson::of).toList();
	}

	@GetMapping("/credit-policy/versions/{version}")
	@Operation(summary = "One credit policy version with its rules", description = "Needs limit:read.")
	PolicyJson version(@PathVariable int version) {
		return PolicyJson.of(this.versions.version(version));
	}

	@PostMapping("/credit-policy/draft")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Start a draft of the next version",
			description = "Copies the active version's rules into a new DRAFT, or returns the draft being edited. Audited. Needs limit:policy.")
	PolicyJson startDraft() {
		return PolicyJson.of(this.versions.startDraft());
	}

	@PutMapping("/credit-policy/versions/{version}")
	@Operation(summary = "Replace a draft's rules and note",
			description = "Every grade AAA…D needs a general rule (no riskClass, no industry); further rules may narrow a grade to a risk class (LOW, MEDIUM, HIGH) and/or a GB/T 4754 industry letter and win over the general rule. Formulas use equity, revenue, totalAssets, netProfit, operatingCashFlow, avgMonthlySales, score, pd and IF, MIN, MAX, ABS, ROUND, FLOOR, CEILING, AVERAGE. 400 with errors[{field: rules[i].formula, message}] for bad input; 422 POLICY_NOT_DRAFT for an active or retired version. updatedAt (optional): the draft's updatedAt as last read; 409 when it was saved meanwhile. Audited. Needs limit:policy.")
	PolicyJson updateDraft(@PathVariable int version, @RequestBody DraftRequest request) {
		return PolicyJson.of(this.versions.updateDraft(version, request.rules() == null ? List.of() : request.rules(),
				request.note(), request.updatedAt()));
	}

	@PostMapping("/credit-policy/versions/{version}/activate")
	@Operation(summary = "Activate a draft",
			description = "The draft becomes the active version and the previous one is retired (kept and viewable). Audited. 422 POLICY_NOT_DRAFT unless the version is the draft. updatedAt (optional query parameter): the draft's updatedAt as last read; 409 when it was saved meanwhile. Needs limit:policy.")
	PolicyJson activate(@PathVariable int version, @RequestParam(required = false) @DateTimeFormat(
			iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant updatedAt) {
		return PolicyJson.of(this.versions.activate(version, updatedAt));
	}

	/** A draft's new content. */
	record DraftRequest(@Nullable String note, @Nullable List<RuleDraft> rules, @Nullable Instant updatedAt) {
	}

	/** A recommendation with its basis in the caller's language and in both. */
	record RecommendationJson(String customerCode, boolean rated, @Nullable String grade, @Nullable String riskClass,
			boolean creditAllowed, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency,
			int termsDays, int maxTermsDays, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal gradeMaximum,
			boolean collateralRequired, @JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal coverRatio,
			String basis, String basisZh, String basisEn, int policyVersion) {

		static RecommendationJson of(Recommendation r, Locale locale) {
			return new RecommendationJson(r.customerCode(), r.rated(), r.grade(), r.riskClass(), r.creditAllowed(),
					r.amount(), r.currency(), r.termsDays(), r.maxTermsDays(), r.gradeMaximum(), r.collateralRequired(),
					r.coverRatio(), r.basis(locale), r.basisZh(), r.basisEn(), r.policyVersion());
		}

	}

	/**
	 * A policy version as the API shows it: amounts (the grade maximum, in company
	 * currency) and the cover ratio as decimal strings.
	 */
	record PolicyJson(int version, String status, @Nullable String note, List<RuleJson> rules, Instant createdAt,
			String createdBy, Instant updatedAt, String updatedBy, @Nullable Instant activatedAt,
			@Nullable String activatedBy, @Nullable Instant retiredAt) {

		static PolicyJson of(CreditPolicy p) {
			return new PolicyJson(p.version(), p.status(), p.note(), p.rules().stream().map(RuleJson::of).toList(),
					p.createdAt(), p.createdBy(), p.updatedAt(), p.updatedBy(), p.activatedAt(), p.activatedBy(),
					p.retiredAt());
		}

	}

	/** A rule of a policy version. */
	record RuleJson(String grade, @Nullable String riskClass, @Nullable String industry, boolean creditAllowed,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal maximum, String formula, int defaultTermsDays,
			int maxTermsDays, boolean collateralRequired,
			@JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal coverRatio) {

		static RuleJson of(PolicyRule r) {
			return new RuleJson(r.grade(), r.riskClass(), r.industry(), r.creditAllowed(), r.maximum(), r.formula(),
					r.defaultTermsDays(), r.maxTermsDays(), r.collateralRequired(), r.coverRatio());
		}

	}

}
