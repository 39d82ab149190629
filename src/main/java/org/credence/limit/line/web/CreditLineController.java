package org.credence.limit.line.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.limit.CreditLine;
import org.credence.limit.CreditLines;
import org.credence.limit.line.CollateralDraft;
import org.credence.limit.line.CollateralType;
import org.credence.limit.line.Collaterals;
import org.credence.limit.line.GroupLimits;
import org.credence.limit.line.LineVersion;
import org.credence.receivable.FxRates;
import org.credence.shared.CredenceException;
import org.credence.shared.InvalidInputException;
import org.credence.shared.NotFoundException;
import org.credence.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Credit line tab of the 客户360 page ({@code /customers/{code}/credit-line}): the line
 * as of a day (today unless the URL says otherwise), its history, the temporary
 * increases, collateral with its forms, suspension and reinstatement with a reason, the
 * cover requirement and the group limit. Each form needs its permission; the service
 * checks it again.
 */
@Controller
@RequestMapping("/customers/{code}/credit-line")
class CreditLineController {

	private final Customers customers;

	private final CreditLines lines;

	private final Collaterals collaterals;

	private final GroupLimits groupLimits;

	private final MessageSource messages;

	private final Clock clock;

	private final FxRates fxRates;

	CreditLineController(Customers customers, CreditLines lines, Collaterals collaterals, GroupLimits groupLimits,
			MessageSource messages, Clock clock, FxRates fxRates) {
		this.customers = customers;
		this.lines = lines;
		this.collaterals = collaterals;
		this.groupLimits = groupLimits;
		this.messages = messages;
		this.clock = clock;
		this.fxRates = fxRates;
	}

	@GetMapping
	String line(@PathVariable String code, @RequestParam(required = false) @Nullable String asOf, Model model) {
		return page(code, asOf, CollateralForm.empty(), Map.of(), model);
	}

	@PostMapping("/suspension")
	String suspend(@PathVariable String code, @RequestParam(required = false) @Nullable String reason, Model model,
			RedirectAttributes redirect) {
		return act(code, model, redirect, "suspend", Map.of("suspend.reason", text(reason)), "limit.line.suspended",
				() -> this.lines.suspend(code, reason));
	}

	@PostMapping("/reinstatement")
	String reinstate(@PathVariable String code, @RequestParam(required = false) @Nullable String reason, Model model,
			RedirectAttributes redirect) {
		return act(code, model, redirect, "reinstate", Map.of("reinstate.reason", text(reason)),
				"limit.line.reinstated", () -> this.lines.reinstate(code, reason));
	}

	@PostMapping("/cover")
	String requireCover(@PathVariable String code, @RequestParam(required = false) @Nullable String coverRatio,
			@RequestParam(required = false) @Nullable String reason, Model model, RedirectAttributes redirect) {
		Map<String, String> typed = Map.of("cover.coverRatio", text(coverRatio), "cover.reason", text(reason));
		BigDecimal ratio;
		try {
			ratio = decimal(coverRatio, "coverRatio", "limit.line.cover-ratio.range");
		}
		catch (InvalidInputException ex) {
			return pageWithErrors(code, "cover", ex, typed, CollateralForm.empty(), model);
		}
		return act(code, model, redirect, "cover", typed, "limit.line.cover-set",
				() -> this.lines.requireCover(code, ratio, reason));
	}

	@PostMapping("/collateral")
	String addCollateral(@PathVariable String code, @ModelAttribute CollateralForm form, Model model,
			RedirectAttributes redirect) {
		try {
			this.collaterals.add(code, form.toDraft());
			redirect.addFlashAttribute("flashSuccess", msg("limit.collateral.added"));
			return "redirect:/customers/{code}/credit-line";
		}
		catch (InvalidInputException ex) {
			return pageWithErrors(code, "collateral", ex, Map.of(), form, model);
		}
	}

	@PostMapping("/collateral/{id}/release")
	String releaseCollateral(@PathVariable String code, @PathVariable long id,
			@RequestParam(required = false) @Nullable String reason, Model model, RedirectAttributes redirect) {
		return act(code, model, redirect, "release-" + id, Map.of("release-" + id + ".reason", text(reason)),
				"limit.collateral.released", () -> this.collaterals.release(code, id, reason));
	}

	@PostMapping("/group-limit")
	String setGroupLimit(@PathVariable String code, @RequestParam(required = false) @Nullable String amount,
			@RequestParam(required = false) @Nullable String reason, Model model, RedirectAttributes redirect) {
		CustomerDetails customer = this.customers.get(code);
		Map<String, String> typed = Map.of("group.amount", text(amount), "group.reason", text(reason));
		if (customer.groupCode() == null) {
			throw new NotFoundException("limit.group.not-found", code);
		}
		BigDecimal limit;
		try {
			limit = decimal(amount, "amount", "limit.group.amount.invalid");
		}
		catch (InvalidInputException ex) {
			return pageWithErrors(code, "group", ex, typed, CollateralForm.empty(), model);
		}
		String group = customer.groupCode();
		return act(code, model, redirect, "group", typed, "limit.group.set",
				() -> this.groupLimits.set(group, limit, null, reason));
	}

	/**
	 * Runs a form's action: on success back to the tab with a message; bad input shows
	 * the page again with the message beside the field and what was typed; a refused rule
	 * shows why at the top.
	 */
	private String act(String code, Model model, RedirectAttributes redirect, String formName,
			Map<String, String> typed, String success, Supplier<?> action) {
		try {
			action.get();
			redirect.addFlashAttribute("flashSuccess", msg(success));
			return "redirect:/customers/{code}/credit-line";
		}
		catch (InvalidInputException ex) {
			return pageWithErrors(code, formName, ex, typed, CollateralForm.empty(), model);
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("flashWarning", message(ex));
			return "redirect:/customers/{code}/credit-line";
		}
	}

	private String pageWithErrors(String code, String formName, InvalidInputException ex, Map<String, String> typed,
			CollateralForm form, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.problems()
			.forEach(p -> errors.put(formName + "." + p.field(), this.messages.getMessage(p.messageCode(),
					p.arguments(), p.messageCode(), LocaleContextHolder.getLocale())));
		model.addAttribute("typed", typed);
		return page(code, null, form, errors, model);
	}

	private String page(String code, @Nullable String asOfText, CollateralForm form, Map<String, String> errors,
			Model model) {
		CustomerDetails customer = this.customers.get(code);
		LocalDate today = LocalDate.now(this.clock);
		LocalDate asOf = day(asOfText, today);
		CreditLine line = this.lines.asOf(code, asOf).orElse(null);
		model.addAttribute("customer", customer);
		model.addAttribute("today", today);
		model.addAttribute("asOf", asOf);
		model.addAttribute("isToday", asOf.equals(today));
		model.addAttribute("line", line);
		model.addAttribute("current", asOf.equals(today) ? line : this.lines.current(code).orElse(null));
		model.addAttribute("history", this.lines.history(code));
		model.addAttribute("increases", this.lines.temporaryIncreases(code));
		// the increases are in the line's currency, also when the day shown precedes it
		List<LineVersion> history = this.lines.history(code);
		model.addAttribute("increaseCurrency", line != null ? line.currency()
				: history.isEmpty() ? this.fxRates.companyCurrency() : history.get(0).currency());
		model.addAttribute("collaterals", this.collaterals.list(code));
		model.addAttribute("collateralTypes", Arrays.asList(CollateralType.values()));
		model.addAttribute("group",
				customer.groupCode() == null ? null : this.groupLimits.forGroup(customer.groupCode()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		if (!model.containsAttribute("typed")) {
			model.addAttribute("typed", Map.of());
		}
		return "limit/line";
	}

	private static LocalDate day(@Nullable String text, LocalDate today) {
		if (text == null || text.isBlank()) {
			return today;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			return today;
		}
	}

	private static @Nullable BigDecimal decimal(@Nullable String text, String field, String messageCode) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip().replace(",", ""));
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, messageCode);
		}
	}

	private static String text(@Nullable String text) {
		return text == null ? "" : text;
	}

	private String msg(String code) {
		return this.messages.getMessage(code, null, LocaleContextHolder.getLocale());
	}

	private String message(CredenceException ex) {
		return this.messages.getMessage(ex.messageCode(), ex.arguments(), ex.messageCode(),
				LocaleContextHolder.getLocale());
	}

	/** The collateral form as typed. */
	record CollateralForm(@Nullable String type, @Nullable String value, @Nullable String currency,
			@Nullable String haircutPercent, @Nullable String validTo, @Nullable String provider,
			@Nullable String reference, @Nullable String note) {

		static CollateralForm empty() {
			return new CollateralForm(null, null, null, "0", null, null, null, null);
		}

		/**
		 * The draft; a number or date that does not parse is named as that field's error.
		 */
		CollateralDraft toDraft() {
			List<InvalidInputException.FieldProblem> problems = new java.util.ArrayList<>();
			BigDecimal parsedValue = parse(this.value, "value", "limit.line.amount.positive", problems);
			BigDecimal parsedHaircut = parse(this.haircutPercent, "haircutPercent", "limit.collateral.haircut.range",
					problems);
			LocalDate parsedValidTo = null;
			if (this.validTo != null && !this.validTo.isBlank()) {
				try {
					parsedValidTo = LocalDate.parse(this.validTo.strip());
				}
				catch (DateTimeParseException ex) {
					problems.add(new InvalidInputException.FieldProblem("validTo", "limit.line.date.invalid"));
				}
			}
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
			return new CollateralDraft(this.type, parsedValue, this.currency, parsedHaircut, parsedValidTo,
					this.provider, this.reference, this.note);
		}

		private static @Nullable BigDecimal parse(@Nullable String text, String field, String messageCode,
				List<InvalidInputException.FieldProblem> problems) {
			if (text == null || text.isBlank()) {
				return null;
			}
			try {
				return new BigDecimal(text.strip().replace(",", ""));
			}
			catch (NumberFormatException ex) {
				problems.add(new InvalidInputException.FieldProblem(field, messageCode));
				return null;
			}
		}

	}

}
