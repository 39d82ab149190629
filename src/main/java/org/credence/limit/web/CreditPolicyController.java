package org.credence.limit.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.credence.customer.Industry;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.limit.CreditPolicies;
import org.credence.limit.policy.CreditPolicy;
import org.credence.limit.policy.CreditPolicyVersions;
import org.credence.limit.policy.LimitFormula;
import org.credence.limit.policy.PolicyRule;
import org.credence.limit.policy.PolicyRules;
import org.credence.limit.policy.RuleDraft;
import org.credence.receivable.FxRates;
import org.credence.shared.ConflictException;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.NotFoundException;
import org.credence.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The credit policy pages: the active version (or any older one) as a table per grade
 * with the version history and a recommendation worked out for one customer (within the
 * user's data scope), the draft editor with a message beside each field, and activation.
 * Everyone who reads credit lines may read the policy; credit managers change it.
 */
@Controller
@RequestMapping("/limits/policy")
@PreAuthorize("hasAuthority('limit:read')")
class CreditPolicyController {

	private static final String MANAGE = "hasAuthority('limit:policy')";

	/** Blank rows the editor offers for new rules (a risk class or an industry). */
	private static final int BLANK_ROWS = 3;

	private final CreditPolicyVersions versions;

	private final CreditPolicies policies;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	private final FxRates fxRates;

	CreditPolicyController(CreditPolicyVersions versions, CreditPolicies policies, CurrentUser currentUser,
			MessageSource messages, FxRates fxRates) {
		this.fxRates = fxRates;
		this.versions = versions;
		this.policies = policies;
		this.currentUser = currentUser;
		this.messages = messages;
	}

	@GetMapping
	String show(@RequestParam(required = false) @Nullable Integer version,
			@RequestParam(required = false) @Nullable String customer, Model model, Locale locale) {
		CreditPolicy policy = version == null ? this.versions.active() : this.versions.version(version);
		if (customer != null && !customer.isBlank()) {
			model.addAttribute("customer", customer.strip());
			try {
				model.addAttribute("recommendation", this.policies.recommend(customer.strip()));
			}
			catch (NotFoundException ex) {
				model.addAttribute("customerError",
						message("limit.policy.preview.not-found", locale, customer.strip()));
			}
		}
		model.addAttribute("policy", policy);
		model.addAttribute("companyCurrency", this.fxRates.companyCurrency());
		model.addAttribute("history", this.versions.versions());
		model.addAttribute("draft", this.versions.draft().orElse(null));
		model.addAttribute("canManage", this.currentUser.has(Permission.POLICY_MANAGE));
		return "limit/policy";
	}

	@PostMapping("/draft")
	@PreAuthorize(MANAGE)
	String startDraft() {
		this.versions.startDraft();
		return "redirect:/limits/policy/draft";
	}

	@GetMapping("/draft")
	@PreAuthorize(MANAGE)
	String editDraft(Model model, Locale locale, RedirectAttributes redirect) {
		Optional<CreditPolicy> draft = this.versions.draft();
		if (draft.isEmpty()) {
			redirect.addFlashAttribute("flashWarning", message("limit.policy.draft.none", locale));
			return "redirect:/limits/policy";
		}
		List<RuleRow> rows = new ArrayList<>(draft.get().rules().stream().map(RuleRow::of).toList());
		return editor(draft.get(), rows, draft.get().note(), Map.of(), model, draft.get().updatedAt());
	}

	@PostMapping("/draft/{version}")
	@PreAuthorize(MANAGE)
	String saveDraft(@PathVariable int version, @RequestParam Map<String, String> form,
			@RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant updatedAt,
			Model model, Locale locale, RedirectAttributes redirect) {
		CreditPolicy draft = this.versions.version(version);
		List<RuleRow> rows = rows(form);
		Map<String, String> errors = new LinkedHashMap<>();
		List<RuleDraft> drafts = new ArrayList<>();
		List<Integer> rowOfDraft = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			RuleRow row = rows.get(i);
			if (row.isBlank()) {
				continue;
			}
			drafts.add(row.toDraft("rules[" + i + "].", errors, this.messages, locale));
			rowOfDraft.add(i);
		}
		try {
			if (!errors.isEmpty()) {
				// the typed figures that do not parse are shown; the rest is checked too
				for (FieldProblem problem : this.versions.problems(drafts, note)) {
					errors.putIfAbsent(formField(problem.field(), rowOfDraft), text(problem, locale));
				}
				return editor(draft, rows, note, errors, model, updatedAt);
			}
			CreditPolicy saved = this.versions.updateDraft(version, drafts, note, updatedAt);
			redirect.addFlashAttribute("flashSuccess", message("limit.policy.draft.saved", locale, saved.version()));
			return "redirect:/limits/policy/draft";
		}
		catch (InvalidInputException ex) {
			for (FieldProblem problem : ex.problems()) {
				errors.merge(formField(problem.field(), rowOfDraft), text(problem, locale), (a, b) -> a + " " + b);
			}
			return editor(draft, rows, note, errors, model, updatedAt);
		}
		catch (ConflictException ex) {
			// what was typed stays; saving again replaces the draft as it is now
			errors.put("rules", message(ex.messageCode(), locale, ex.arguments()));
			return editor(draft, rows, note, errors, model, draft.updatedAt());
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("flashWarning", message(ex.messageCode(), locale, ex.arguments()));
			return "redirect:/limits/policy?version=" + version;
		}
	}

	@PostMapping("/versions/{version}/activate")
	@PreAuthorize(MANAGE)
	String activate(@PathVariable int version,
			@RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant updatedAt,
			Locale locale, RedirectAttributes redirect) {
		try {
			CreditPolicy active = this.versions.activate(version, updatedAt);
			redirect.addFlashAttribute("flashSuccess",
					message("limit.policy.activated.flash", locale, active.version()));
			return "redirect:/limits/policy";
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashWarning", message("limit.policy.activate.invalid", locale));
			return "redirect:/limits/policy/draft";
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("flashWarning", message(ex.messageCode(), locale, ex.arguments()));
			return "redirect:/limits/policy/draft";
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("flashWarning", message(ex.messageCode(), locale, ex.arguments()));
			return "redirect:/limits/policy?version=" + version;
		}
	}

	private String editor(CreditPolicy draft, List<RuleRow> rows, @Nullable String note, Map<String, String> errors,
			Model model, @Nullable Instant revision) {
		List<RuleRow> shown = new ArrayList<>(rows);
		long blanks = shown.stream().filter(RuleRow::isBlank).count();
		for (long i = blanks; i < BLANK_ROWS; i++) {
			shown.add(RuleRow.blank());
		}
		model.addAttribute("draft", draft);
		model.addAttribute("revision", revision == null ? draft.updatedAt() : revision);
		model.addAttribute("rows", shown);
		model.addAttribute("note", note);
		model.addAttribute("errors", errors);
		model.addAttribute("grades", PolicyRules.GRADES);
		model.addAttribute("riskClasses", PolicyRules.RISK_CLASSES);
		model.addAttribute("industries", Industry.values());
		model.addAttribute("figures", String.join(", ", LimitFormula.VARIABLES));
		return "limit/policy-draft";
	}

	/** The rows of the editor's form, by their index. */
	private static List<RuleRow> rows(Map<String, String> form) {
		int count;
		try {
			count = Math.min(200, Math.max(0, Integer.parseInt(form.getOrDefault("rowCount", "0"))));
		}
		catch (NumberFormatException ex) {
			count = 0;
		}
		List<RuleRow> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String prefix = "rules[" + i + "].";
			rows.add(new RuleRow(value(form, prefix + "grade"), value(form, prefix + "riskClass"),
					value(form, prefix + "industry"), form.containsKey(prefix + "creditAllowed"),
					value(form, prefix + "maximum"), value(form, prefix + "formula"),
					value(form, prefix + "defaultTermsDays"), value(form, prefix + "maxTermsDays"),
					form.containsKey(prefix + "collateralRequired"), value(form, prefix + "coverPercent")));
		}
		return rows;
	}

	/**
	 * The form field of a problem: the service counts only the rules it was given, the
	 * form also the blank rows between them; a cover ratio is typed as a percentage.
	 */
	private static String formField(String field, List<Integer> rowOfDraft) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("rules\\[(\\d+)]\\.(\\w+)").matcher(field);
		if (!m.matches()) {
			return field;
		}
		int index = Integer.parseInt(m.group(1));
		int row = index < rowOfDraft.size() ? rowOfDraft.get(index) : index;
		String name = "coverRatio".equals(m.group(2)) ? "coverPercent" : m.group(2);
		return "rules[" + row + "]." + name;
	}

	private static String value(Map<String, String> form, String key) {
		String value = form.get(key);
		return value == null ? "" : value.strip();
	}

	private String text(FieldProblem problem, Locale locale) {
		return this.messages.getMessage(problem.messageCode(), problem.arguments(), problem.messageCode(), locale);
	}

	private String message(String code, Locale locale, Object... arguments) {
		return this.messages.getMessage(code, arguments, code, locale);
	}

	/** One rule as the editor shows and receives it: every figure as typed. */
	record RuleRow(String grade, String riskClass, String industry, boolean creditAllowed, String maximum,
			String formula, String defaultTermsDays, String maxTermsDays, boolean collateralRequired,
			String coverPercent) {

		static RuleRow of(PolicyRule rule) {
			return new RuleRow(rule.grade(), rule.riskClass() == null ? "" : rule.riskClass(),
					rule.industry() == null ? "" : rule.industry(), rule.creditAllowed(),
					rule.creditAllowed() ? rule.maximum().stripTrailingZeros().toPlainString() : "", rule.formula(),
					rule.creditAllowed() ? Integer.toString(rule.defaultTermsDays()) : "",
					rule.creditAllowed() ? Integer.toString(rule.maxTermsDays()) : "", rule.collateralRequired(),
					rule.coverRatio() == null ? ""
							: rule.coverRatio().movePointRight(2).stripTrailingZeros().toPlainString());
		}

		static RuleRow blank() {
			return new RuleRow("", "", "", false, "", "", "", "", false, "");
		}

		boolean isBlank() {
			return this.grade.isEmpty() && this.riskClass.isEmpty() && this.industry.isEmpty() && this.maximum.isEmpty()
					&& this.formula.isEmpty() && this.defaultTermsDays.isEmpty() && this.maxTermsDays.isEmpty()
					&& this.coverPercent.isEmpty();
		}

		RuleDraft toDraft(String prefix, Map<String, String> errors, MessageSource messages, Locale locale) {
			BigDecimal cover = decimal(this.coverPercent, prefix + "coverPercent", errors, messages, locale);
			return new RuleDraft(this.grade, this.riskClass, this.industry, this.creditAllowed,
					decimal(this.maximum, prefix + "maximum", errors, messages, locale), this.formula,
					integer(this.defaultTermsDays, prefix + "defaultTermsDays", errors, messages, locale),
					integer(this.maxTermsDays, prefix + "maxTermsDays", errors, messages, locale),
					this.collateralRequired, cover == null ? null : cover.movePointLeft(2));
		}

		private static @Nullable BigDecimal decimal(String typed, String field, Map<String, String> errors,
				MessageSource messages, Locale locale) {
			if (typed.isEmpty()) {
				return null;
			}
			try {
				return new BigDecimal(typed.replace(",", ""));
			}
			catch (NumberFormatException ex) {
				errors.put(field, messages.getMessage("limit.policy.form.number", new Object[] { typed }, locale));
				return null;
			}
		}

		private static @Nullable Integer integer(String typed, String field, Map<String, String> errors,
				MessageSource messages, Locale locale) {
			if (typed.isEmpty()) {
				return null;
			}
			try {
				return Integer.valueOf(typed);
			}
			catch (NumberFormatException ex) {
				errors.put(field, messages.getMessage("limit.policy.form.days", new Object[] { typed }, locale));
				return null;
			}
		}

	}

}
