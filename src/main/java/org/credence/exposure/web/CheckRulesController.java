package org.credence.exposure.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.credence.exposure.CheckRuleSet;
import org.credence.exposure.CheckRuleVersions;
import org.credence.exposure.RuleMode;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.receivable.FxRates;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The credit check rules page ({@code /credit-check-rules}): every rule with its mode and
 * thresholds as a form, the version in force and the earlier ones. Everyone who reads
 * exposure sees the rules; credit managers ({@code exposure:rules}) save a new version,
 * in force at once. A failed save keeps what was typed, with the message beside each
 * field.
 */
@Controller
@RequestMapping("/credit-check-rules")
@PreAuthorize("hasAuthority('exposure:read')")
class CheckRulesController {

	private final CheckRuleVersions rules;

	private final CurrentUser currentUser;

	private final FxRates fxRates;

	private final MessageSource messages;

	CheckRulesController(CheckRuleVersions rules, CurrentUser currentUser, FxRates fxRates, MessageSource messages) {
		this.rules = rules;
		this.currentUser = currentUser;
		this.fxRates = fxRates;
		this.messages = messages;
	}

	@GetMapping
	String show(Model model) {
		CheckRuleVersions.Version current = this.rules.current();
		return page(RulesForm.of(current.rules(), null), Map.of(), current, model);
	}

	@PostMapping
	@PreAuthorize("hasAuthority('exposure:rules')")
	String save(@ModelAttribute("form") RulesForm form, Model model, Locale locale, RedirectAttributes redirect) {
		CheckRuleVersions.Version current = this.rules.current();
		Map<String, String> errors = new LinkedHashMap<>();
		CheckRuleSet typed = form.toRules(current.rules(), errors, this.messages, locale);
		try {
			if (!errors.isEmpty()) {
				// the figures that do not parse are named; the rest is checked too
				for (FieldProblem problem : typed.problems()) {
					errors.putIfAbsent(problem.field(), text(problem, locale));
				}
				return page(form, errors, current, model);
			}
			CheckRuleVersions.Version saved = this.rules.save(typed, form.note());
			redirect.addFlashAttribute("flashSuccess",
					this.messages.getMessage("exposure.rules.saved", new Object[] { saved.version() }, locale));
			return "redirect:/credit-check-rules";
		}
		catch (InvalidInputException ex) {
			for (FieldProblem problem : ex.problems()) {
				errors.merge(problem.field(), text(problem, locale), (a, b) -> a + " " + b);
			}
			return page(form, errors, current, model);
		}
	}

	private String page(RulesForm form, Map<String, String> errors, CheckRuleVersions.Version current, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("current", current);
		model.addAttribute("versions", this.rules.versions());
		model.addAttribute("modes", RuleMode.values());
		model.addAttribute("grades", CheckRuleSet.GRADES);
		model.addAttribute("companyCurrency", this.fxRates.companyCurrency());
		model.addAttribute("canManage", this.currentUser.has(Permission.CHECK_RULES_MANAGE));
		return "exposure/rules";
	}

	private String text(FieldProblem problem, Locale locale) {
		return this.messages.getMessage(problem.messageCode(), problem.arguments(), problem.messageCode(), locale);
	}

	/**
	 * The rules as the form shows and receives them: every figure as typed, each mode by
	 * name, the checkbox present or not.
	 */
	record RulesForm(@Nullable String tolerancePercent, @Nullable String countOpenOrders,
			@Nullable String orderHorizonDays, @Nullable String reservationDays, @Nullable String noCreditLine,
			@Nullable String lineExpired, @Nullable String limitExceeded, @Nullable String overdueDaysMode,
			@Nullable String overdueDays, @Nullable String overdueDaysMinAmount, @Nullable String overdueAmountMode,
			@Nullable String overdueAmount, @Nullable String overdueGraceDays, @Nullable String blacklisted,
			@Nullable String suspended, @Nullable String gradeMode, @Nullable String minimumGrade,
			@Nullable String reviewOverdue, @Nullable String severeAlert, @Nullable String groupLimitExceeded,
			@Nullable String utilisationMode, @Nullable String utilisationPercent, @Nullable String oldestItemMode,
			@Nullable String oldestItemDays, @Nullable String note) {

		static RulesForm of(CheckRuleSet r, @Nullable String note) {
			return new RulesForm(plain(r.tolerancePercent()), r.countOpenOrders() ? "true" : null,
					r.orderHorizonDays() == null ? "" : r.orderHorizonDays().toString(),
					Integer.toString(r.reservationDays()), r.noCreditLine().name(), r.lineExpired().name(),
					r.limitExceeded().name(), r.overdueDaysMode().name(), Integer.toString(r.overdueDays()),
					amount(r.overdueDaysMinAmount()), r.overdueAmountMode().name(), amount(r.overdueAmount()),
					Integer.toString(r.overdueGraceDays()), r.blacklisted().name(), r.suspended().name(),
					r.gradeMode().name(), r.minimumGrade(), r.reviewOverdue().name(), r.severeAlert().name(),
					r.groupLimitExceeded().name(), r.utilisationMode().name(), plain(r.utilisationPercent()),
					r.oldestItemMode().name(), Integer.toString(r.oldestItemDays()), note);
		}

		/** Whether the checkbox was ticked. */
		public boolean countsOpenOrders() {
			return this.countOpenOrders != null && !this.countOpenOrders.isBlank()
					&& !"false".equalsIgnoreCase(this.countOpenOrders);
		}

		/**
		 * The rule set as typed. A figure or mode that cannot be read is named in
		 * {@code errors}, and the rules in force stand in for it so the rest can be
		 * checked.
		 */
		CheckRuleSet toRules(CheckRuleSet fallback, Map<String, String> errors, MessageSource messages, Locale locale) {
			Reader read = new Reader(errors, messages, locale);
			Integer horizon = this.orderHorizonDays == null || this.orderHorizonDays.isBlank() ? null
					: read.days("orderHorizonDays", this.orderHorizonDays, fallback.orderHorizonDays());
			return new CheckRuleSet(read.decimal("tolerancePercent", this.tolerancePercent), countsOpenOrders(),
					horizon, read.days("reservationDays", this.reservationDays, fallback.reservationDays()),
					read.mode("noCreditLine", this.noCreditLine, fallback.noCreditLine()),
					read.mode("lineExpired", this.lineExpired, fallback.lineExpired()),
					read.mode("limitExceeded", this.limitExceeded, fallback.limitExceeded()),
					read.mode("overdueDaysMode", this.overdueDaysMode, fallback.overdueDaysMode()),
					read.days("overdueDays", this.overdueDays, fallback.overdueDays()),
					read.decimal("overdueDaysMinAmount", this.overdueDaysMinAmount),
					read.mode("overdueAmountMode", this.overdueAmountMode, fallback.overdueAmountMode()),
					read.decimal("overdueAmount", this.overdueAmount),
					read.days("overdueGraceDays", this.overdueGraceDays, fallback.overdueGraceDays()),
					read.mode("blacklisted", this.blacklisted, fallback.blacklisted()),
					read.mode("suspended", this.suspended, fallback.suspended()),
					read.mode("gradeMode", this.gradeMode, fallback.gradeMode()),
					this.minimumGrade == null ? "" : this.minimumGrade.strip(),
					read.mode("reviewOverdue", this.reviewOverdue, fallback.reviewOverdue()),
					read.mode("severeAlert", this.severeAlert, fallback.severeAlert()),
					read.mode("groupLimitExceeded", this.groupLimitExceeded, fallback.groupLimitExceeded()),
					read.mode("utilisationMode", this.utilisationMode, fallback.utilisationMode()),
					read.decimal("utilisationPercent", this.utilisationPercent),
					read.mode("oldestItemMode", this.oldestItemMode, fallback.oldestItemMode()),
					read.days("oldestItemDays", this.oldestItemDays, fallback.oldestItemDays()));
		}

		private static String plain(BigDecimal value) {
			return value.stripTrailingZeros().toPlainString();
		}

		/** An amount with thousands separators, decimals only when it has cents. */
		private static String amount(BigDecimal value) {
			DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
			return format.format(value);
		}

	}

	/** Reads typed figures, naming those it cannot read. */
	private record Reader(Map<String, String> errors, MessageSource messages, Locale locale) {

		/** A decimal as typed (thousands separators allowed); absent when unreadable. */
		@Nullable BigDecimal decimal(String field, @Nullable String typed) {
			if (typed == null || typed.isBlank()) {
				return null;
			}
			try {
				return new BigDecimal(typed.strip().replace(",", ""));
			}
			catch (NumberFormatException ex) {
				problem(field, "exposure.rules.form.number");
				return null;
			}
		}

		int days(String field, @Nullable String typed, @Nullable Integer fallback) {
			if (typed == null || typed.isBlank()) {
				problem(field, "exposure.rules.form.required");
				return fallback == null ? 0 : fallback;
			}
			try {
				return Integer.parseInt(typed.strip().replace(",", ""));
			}
			catch (NumberFormatException ex) {
				problem(field, "exposure.rules.form.days");
				return fallback == null ? 0 : fallback;
			}
		}

		RuleMode mode(String field, @Nullable String typed, RuleMode fallback) {
			try {
				return RuleMode.valueOf(typed == null ? "" : typed.strip());
			}
			catch (IllegalArgumentException ex) {
				problem(field, "exposure.rules.form.mode");
				return fallback;
			}
		}

		private void problem(String field, String code) {
			this.errors.put(field, this.messages.getMessage(code, null, code, this.locale));
		}

	}

}
