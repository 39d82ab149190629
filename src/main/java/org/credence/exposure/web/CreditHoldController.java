package org.credence.exposure.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.credence.exposure.CreditHold;
import org.credence.exposure.CreditHold.Status;
import org.credence.exposure.CreditHolds;
import org.credence.exposure.CreditHolds.ReleaseTerms;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.receivable.FxRates;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.NotFoundException;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.credence.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The credit-hold queue (信用冻结, {@code /credit-holds}): held orders with their reasons,
 * filtered by status and customer in the URL, a page at a time. Those who decide holds
 * ({@code exposure:holds}) release or reject a pending one beside its reasons, with the
 * terms of the release (exposure, limit, the excess a special approval would allow);
 * everyone else who reads exposure sees where the holds of their customers stand.
 * <p>
 * The status filter defaults to pending for those who decide (their work) and to every
 * status for the others, who follow what became of their orders.
 */
@Controller
@RequestMapping("/credit-holds")
@PreAuthorize("hasAuthority('exposure:read')")
class CreditHoldController {

	/** The filter value for every status. */
	static final String ALL = "ALL";

	private static final String DECIDE = "hasAuthority('exposure:holds')";

	private final CreditHolds holds;

	private final CurrentUser currentUser;

	private final FxRates fxRates;

	private final MessageSource messages;

	CreditHoldController(CreditHolds holds, CurrentUser currentUser, FxRates fxRates, MessageSource messages) {
		this.holds = holds;
		this.currentUser = currentUser;
		this.fxRates = fxRates;
		this.messages = messages;
	}

	@GetMapping
	String queue(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String customer,
			@RequestParam(required = false, defaultValue = "0") int page, Model model) {
		return page(new Filter(knownStatus(status), blankToNull(customer), Math.max(page, 0)), null, Map.of(), Map.of(),
				model);
	}

	@PostMapping("/{id}/release")
	@PreAuthorize(DECIDE)
	String release(@PathVariable long id, @RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable String excessUntil,
			@RequestParam(name = "status", required = false) @Nullable String status,
			@RequestParam(name = "customer", required = false) @Nullable String customer,
			@RequestParam(name = "page", required = false, defaultValue = "0") int page, Model model, Locale locale,
			RedirectAttributes redirect) {
		Filter filter = new Filter(status, customer, page);
		Map<String, String> typed = Map.of("reason", text(reason), "excessUntil", text(excessUntil));
		return decide(id, "release", typed, filter, model, locale, redirect, () -> {
			LocalDate until = date(excessUntil);
			return this.holds.release(id, reason, until);
		});
	}

	@PostMapping("/{id}/reject")
	@PreAuthorize(DECIDE)
	String reject(@PathVariable long id, @RequestParam(required = false) @Nullable String reason,
			@RequestParam(name = "status", required = false) @Nullable String status,
			@RequestParam(name = "customer", required = false) @Nullable String customer,
			@RequestParam(name = "page", required = false, defaultValue = "0") int page, Model model, Locale locale,
			RedirectAttributes redirect) {
		Filter filter = new Filter(status, customer, page);
		return decide(id, "reject", Map.of("reason", text(reason)), filter, model, locale, redirect,
				() -> this.holds.reject(id, reason));
	}

	/**
	 * Runs a decision: on success back to the queue as it was filtered, with a message;
	 * bad input shows the queue again with the message beside the field and what was
	 * typed; a refusal (a special approval the committee must give) is shown above that
	 * hold's form; a hold decided meanwhile is said at the top.
	 */
	private String decide(long id, String action, Map<String, String> typed, Filter filter, Model model, Locale locale,
			RedirectAttributes redirect, Supplier<CreditHold> work) {
		try {
			CreditHold hold = work.get();
			redirect.addFlashAttribute("flashSuccess",
					message("release".equals(action) ? "exposure.holds.released" : "exposure.holds.rejected", locale,
							hold.orderRef(), hold.customerCode()));
			return "redirect:" + filter.url(filter.page());
		}
		catch (InvalidInputException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			for (FieldProblem problem : ex.problems()) {
				errors.merge(key(id, action, problem.field()),
						message(problem.messageCode(), locale, problem.arguments()), (a, b) -> a + " " + b);
			}
			return page(filter, id, errors, typed(id, action, typed), model);
		}
		catch (RuleViolationException ex) {
			if ("HOLD_DECIDED".equals(ex.reasonCode())) {
				redirect.addFlashAttribute("flashWarning", message(ex.messageCode(), locale, ex.arguments()));
				return "redirect:" + filter.url(filter.page());
			}
			return page(filter, id, Map.of(key(id, action, "form"), message(ex.messageCode(), locale, ex.arguments())),
					typed(id, action, typed), model);
		}
	}

	/**
	 * The key of a decision form's field in {@code errors} and {@code typed}:
	 * {@code <hold>.<release|reject>.<field>}.
	 */
	private static String key(long id, String action, String field) {
		return id + "." + action + "." + field;
	}

	private static Map<String, String> typed(long id, String action, Map<String, String> typed) {
		Map<String, String> keyed = new LinkedHashMap<>();
		typed.forEach((field, value) -> keyed.put(key(id, action, field), value));
		return keyed;
	}

	private String page(Filter filter, @Nullable Long openHold, Map<String, String> errors, Map<String, String> typed,
			Model model) {
		boolean decides = this.currentUser.has(Permission.HOLD_DECIDE);
		String status = filter.status() == null ? (decides ? Status.PENDING.name() : ALL) : filter.status();
		Filter shown = new Filter(status, filter.customer(), filter.page());
		Paging paging = new Paging(shown.page(), Paging.DEFAULT_SIZE);
		PageResult<CreditHold> result;
		try {
			result = this.holds.search(ALL.equals(status) ? null : Status.valueOf(status), shown.customer(), paging);
		}
		catch (NotFoundException ex) {
			// a customer code typed in the filter that the user cannot see: said beside
			// it
			result = new PageResult<>(List.of(), paging.page(), paging.size(), 0);
			model.addAttribute("customerError", this.messages.getMessage("exposure.holds.customer.unknown",
					new Object[] { shown.customer() }, LocaleContextHolder.getLocale()));
		}
		List<Row> rows = new ArrayList<>();
		for (CreditHold hold : result.items()) {
			boolean open = decides && hold.status() == Status.PENDING;
			rows.add(new Row(hold, open ? this.holds.terms(hold.id()) : null));
		}
		model.addAttribute("holds", result);
		model.addAttribute("rows", rows);
		model.addAttribute("filter", shown);
		model.addAttribute("statuses", statuses());
		model.addAttribute("decides", decides);
		model.addAttribute("companyCurrency", this.fxRates.companyCurrency());
		model.addAttribute("openHold", openHold);
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed);
		model.addAttribute("pageUrls",
				Map.of("previous", shown.url(Math.max(shown.page() - 1, 0)), "next", shown.url(shown.page() + 1)));
		return "exposure/holds";
	}

	private static List<String> statuses() {
		List<String> statuses = new ArrayList<>();
		for (Status status : Status.values()) {
			statuses.add(status.name());
		}
		statuses.add(ALL);
		return statuses;
	}

	/** A known status or ALL as typed in the URL; anything else means the default. */
	private static @Nullable String knownStatus(@Nullable String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		String value = typed.strip().toUpperCase(Locale.ROOT);
		return statuses().contains(value) ? value : null;
	}

	private static @Nullable LocalDate date(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("excessUntil", "exposure.holds.date.invalid");
		}
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static String text(@Nullable String text) {
		return text == null ? "" : text;
	}

	private String message(String code, Locale locale, Object... arguments) {
		return this.messages.getMessage(code, arguments, code, locale);
	}

	/**
	 * The queue's filter as in the URL; the decision forms send it back so the queue
	 * shows the same after a decision.
	 *
	 * @param status a status, ALL, or absent for the user's default
	 */
	record Filter(@Nullable String status, @Nullable String customer, int page) {

		Filter {
			status = knownStatus(status);
			customer = blankToNull(customer);
			page = Math.max(page, 0);
		}

		String url(int page) {
			UriComponentsBuilder builder = UriComponentsBuilder.fromPath("/credit-holds");
			if (this.status != null) {
				builder.queryParam("status", this.status);
			}
			if (this.customer != null) {
				builder.queryParam("customer", this.customer);
			}
			if (page > 0) {
				builder.queryParam("page", page);
			}
			return builder.encode().build().toUriString();
		}

	}

	/** A held order with, for one who may decide it now, what releasing it would take. */
	record Row(CreditHold hold, @Nullable ReleaseTerms terms) {
	}

}
