package org.credence.limit.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.limit.ApplicationType;
import org.credence.limit.CreditApplication;
import org.credence.limit.CreditApplication.ApplicationStatus;
import org.credence.limit.CreditApplication.Decision;
import org.credence.limit.CreditApplicationRequest;
import org.credence.limit.CreditApplications;
import org.credence.limit.CreditApplications.Actions;
import org.credence.limit.CreditApplications.Upload;
import org.credence.limit.CreditLine;
import org.credence.limit.CreditLines;
import org.credence.limit.CreditPolicies;
import org.credence.limit.Recommendation;
import org.credence.receivable.Aging;
import org.credence.receivable.AgingBasis;
import org.credence.receivable.AgingReport;
import org.credence.receivable.FxRates;
import org.credence.shared.CredenceException;
import org.credence.shared.InvalidInputException;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The credit application pages: the list with filters in the URL, the form (with the
 * customer's rating, line, exposure and the recommendation), the application with its
 * route and decisions, and the approver's inbox.
 */
@Controller
@RequestMapping("/limits")
@PreAuthorize("hasAuthority('limit:read')")
class CreditApplicationController {

	private static final List<String> STATUSES = List.of("IN_APPROVAL", "RETURNED", "APPROVED", "REJECTED",
			"CANCELLED");

	private final CreditApplications applications;

	private final CreditPolicies policies;

	private final CreditLines lines;

	private final Customers customers;

	private final Aging aging;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	private final Clock clock;

	private final FxRates fxRates;

	CreditApplicationController(CreditApplications applications, CreditPolicies policies, CreditLines lines,
			Customers customers, Aging aging, CurrentUser currentUser, MessageSource messages, Clock clock,
			FxRates fxRates) {
		this.fxRates = fxRates;
		this.applications = applications;
		this.policies = policies;
		this.lines = lines;
		this.customers = customers;
		this.aging = aging;
		this.currentUser = currentUser;
		this.messages = messages;
		this.clock = clock;
	}

	@ModelAttribute("types")
	ApplicationType[] types() {
		return ApplicationType.values();
	}

	@GetMapping("/applications")
	String list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String customer,
			@RequestParam(required = false, defaultValue = "false") boolean mine,
			@RequestParam(required = false, defaultValue = "submitted") String sort,
			@RequestParam(required = false, defaultValue = "desc") String dir,
			@RequestParam(required = false, defaultValue = "0") int page, Model model) {
		String statusFilter = status != null && STATUSES.contains(status) ? status : null;
		PageResult<CreditApplication> result = this.applications.search(statusFilter, customer, false, mine, sort,
				!"asc".equals(dir), new Paging(page, Paging.DEFAULT_SIZE));
		model.addAttribute("applications", result);
		model.addAttribute("statuses", STATUSES);
		model.addAttribute("status", statusFilter);
		model.addAttribute("customer", customer);
		model.addAttribute("mine", mine);
		model.addAttribute("sort", sort);
		model.addAttribute("dir", dir);
		Map<String, @Nullable String> params = new LinkedHashMap<>();
		params.put("status", statusFilter);
		params.put("customer", customer);
		params.put("mine", mine ? "true" : null);
		params.put("sort", sort);
		params.put("dir", dir);
		model.addAttribute("pageUrls", pageUrls("/limits/applications", result, params));
		model.addAttribute("canApply", this.currentUser.has(Permission.LIMIT_APPLY));
		return "limit/applications";
	}

	@GetMapping("/inbox")
	@PreAuthorize("hasAuthority('limit:approve')")
	String inbox(@RequestParam(required = false, defaultValue = "0") int page, Model model) {
		PageResult<CreditApplication> result = this.applications.search(null, null, true, false, "submitted", false,
				new Paging(page, Paging.DEFAULT_SIZE));
		model.addAttribute("applications", result);
		model.addAttribute("notifications", this.applications.notifications());
		model.addAttribute("reminderAfter", duration(this.applications.reminderAfter()));
		model.addAttribute("pageUrls", pageUrls("/limits/inbox", result, Map.of()));
		return "limit/inbox";
	}

	@GetMapping("/applications/new")
	@PreAuthorize("hasAuthority('limit:apply')")
	String form(@RequestParam(required = false) @Nullable String customer, Model model) {
		ApplicationForm form = new ApplicationForm();
		form.setCustomerCode(customer);
		form.setCurrency(this.fxRates.companyCurrency());
		Map<String, String> errors = new LinkedHashMap<>();
		if (customer != null && !customer.isBlank()) {
			Optional<Recommendation> known = facts(customer.strip(), model);
			known.ifPresent(rec -> {
				form.setTermsDays(rec.termsDays());
				form.setCurrency(rec.currency());
				this.lines.current(customer.strip()).ifPresent(line -> {
					if (line.status() != org.credence.limit.CreditLineStatus.EXPIRED) {
						form.setType(ApplicationType.INCREASE);
					}
				});
			});
			if (known.isEmpty()) {
				errors.put("customerCode", this.messages.getMessage("limit.application.customer.unknown",
						new Object[] { customer.strip() }, LocaleContextHolder.getLocale()));
			}
		}
		return showForm(form, errors, null, model);
	}

	@PostMapping("/applications")
	@PreAuthorize("hasAuthority('limit:apply')")
	String submit(@ModelAttribute("form") ApplicationForm form, BindingResult binding,
			@RequestParam(name = "file", required = false) @Nullable List<MultipartFile> files, Model model,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			if (form.getCustomerCode() != null && !form.getCustomerCode().isBlank()) {
				facts(form.getCustomerCode().strip(), model);
			}
			return showForm(form, ApplicationProblems.messages(binding, this.messages), null, model);
		}
		try {
			CreditApplication application = this.applications.submit(form.toRequest(), uploads(files));
			redirect.addFlashAttribute("notice", this.messages.getMessage("limit.application.submitted",
					new Object[] { application.id() }, LocaleContextHolder.getLocale()));
			return "redirect:/limits/applications/" + application.id();
		}
		catch (InvalidInputException ex) {
			if (form.getCustomerCode() != null && !form.getCustomerCode().isBlank()) {
				facts(form.getCustomerCode().strip(), model);
			}
			return showForm(form, ApplicationProblems.messages(ex, this.messages), null, model);
		}
		catch (CredenceException ex) {
			if (form.getCustomerCode() != null && !form.getCustomerCode().isBlank()) {
				facts(form.getCustomerCode().strip(), model);
			}
			return showForm(form, Map.of(), message(ex), model);
		}
	}

	@GetMapping("/applications/{id}")
	String show(@PathVariable long id, Model model) {
		CreditApplication application = this.applications.get(id);
		if (this.currentUser.has(Permission.LIMIT_APPROVE)) {
			this.applications.markRead(id);
		}
		return page(application, model, Map.of(), null, null, null);
	}

	@PostMapping("/applications/{id}/decisions")
	@PreAuthorize("hasAuthority('limit:approve')")
	String decide(@PathVariable long id, @RequestParam(required = false) @Nullable Decision decision,
			@RequestParam(required = false) @Nullable String comment, Model model, RedirectAttributes redirect) {
		try {
			this.applications.decide(id, decision, comment);
			redirect.addFlashAttribute("notice",
					this.messages.getMessage(
							"limit.application.decided." + (decision == null ? "APPROVE" : decision.name()), null,
							LocaleContextHolder.getLocale()));
			return "redirect:/limits/applications/" + id;
		}
		catch (InvalidInputException ex) {
			return redisplay(id, model, ApplicationProblems.messages(ex, this.messages), null, comment);
		}
		catch (CredenceException ex) {
			return redisplay(id, model, Map.of(), message(ex), comment);
		}
	}

	@PostMapping("/applications/{id}/resubmission")
	@PreAuthorize("hasAuthority('limit:apply')")
	String resubmit(@PathVariable long id, @ModelAttribute("form") ApplicationForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return page(this.applications.get(id), model, ApplicationProblems.messages(binding, this.messages), null,
					null, form);
		}
		try {
			this.applications.resubmit(id, form.toRequest());
			redirect.addFlashAttribute("notice",
					this.messages.getMessage("limit.application.resubmitted", null, LocaleContextHolder.getLocale()));
			return "redirect:/limits/applications/" + id;
		}
		catch (InvalidInputException ex) {
			return page(this.applications.get(id), model, ApplicationProblems.messages(ex, this.messages), null, null,
					form);
		}
		catch (CredenceException ex) {
			return page(this.applications.get(id), model, Map.of(), message(ex), null, form);
		}
	}

	@PostMapping("/applications/{id}/cancellation")
	@PreAuthorize("hasAnyAuthority('limit:apply', 'limit:policy')")
	String cancel(@PathVariable long id, @RequestParam(required = false) @Nullable String reason, Model model,
			RedirectAttributes redirect) {
		try {
			this.applications.cancel(id, reason);
			return "redirect:/limits/applications/" + id;
		}
		catch (InvalidInputException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			ApplicationProblems.messages(ex, this.messages)
				.forEach((field, text) -> errors.put("cancel-" + field, text));
			return redisplay(id, model, errors, null, null);
		}
		catch (CredenceException ex) {
			return redisplay(id, model, Map.of(), message(ex), null);
		}
	}

	@PostMapping("/applications/{id}/attachments")
	String attach(@PathVariable long id,
			@RequestParam(name = "file", required = false) @Nullable List<MultipartFile> files, Model model) {
		try {
			this.applications.attach(id, uploads(files));
			return "redirect:/limits/applications/" + id;
		}
		catch (InvalidInputException ex) {
			return redisplay(id, model, ApplicationProblems.messages(ex, this.messages), null, null);
		}
		catch (CredenceException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			errors.put("file", message(ex));
			return redisplay(id, model, errors, null, null);
		}
	}

	@GetMapping("/applications/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
		return CreditApplicationApiController.download(this.applications.attachment(id, attachmentId));
	}

	/** The files chosen; an empty file input sends one part without a name. */
	static List<Upload> uploads(@Nullable List<MultipartFile> files) {
		if (files == null) {
			return List.of();
		}
		return files.stream()
			.filter(f -> !(f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank())))
			.map(f -> new Upload(f.getOriginalFilename(), f.getContentType(), f.getSize(), f))
			.toList();
	}

	private String redisplay(long id, Model model, Map<String, String> errors, @Nullable String problem,
			@Nullable String comment) {
		return page(this.applications.get(id), model, errors, problem, comment, null);
	}

	/**
	 * The application page; {@code typed} keeps what the requester typed into the amend
	 * form.
	 */
	private String page(CreditApplication application, Model model, Map<String, String> errors,
			@Nullable String problem, @Nullable String comment, @Nullable ApplicationForm typed) {
		Actions actions = this.applications.actions(application);
		model.addAttribute("appl", application);
		model.addAttribute("actions", actions);
		model.addAttribute("approvalWarning",
				actions.approvalRefusal() == null ? null : message(actions.approvalRefusal()));
		model.addAttribute("reminderAfter", duration(this.applications.reminderAfter()));
		if (application.status() == ApplicationStatus.RETURNED) {
			model.addAttribute("form", typed != null ? typed : ApplicationForm.of(application));
		}
		model.addAttribute("errors", errors);
		model.addAttribute("problem", problem);
		model.addAttribute("comment", comment);
		return "limit/application";
	}

	/** A duration for people: minutes under an hour, else hours (and minutes). */
	private String duration(Duration duration) {
		Locale locale = LocaleContextHolder.getLocale();
		long minutes = duration.toMinutes();
		if (minutes < 60) {
			return this.messages.getMessage("limit.duration.minutes", new Object[] { minutes }, locale);
		}
		if (minutes % 60 == 0) {
			return this.messages.getMessage("limit.duration.hours", new Object[] { minutes / 60 }, locale);
		}
		return this.messages.getMessage("limit.duration.hours-minutes", new Object[] { minutes / 60, minutes % 60 },
				locale);
	}

	private String showForm(ApplicationForm form, Map<String, String> errors, @Nullable String problem, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("problem", problem);
		return "limit/application-form";
	}

	/**
	 * The customer's facts for the form; the recommendation, if the customer is known.
	 */
	private Optional<Recommendation> facts(String code, Model model) {
		Optional<CustomerDetails> customer = this.customers.find(code);
		if (customer.isEmpty()) {
			return Optional.empty();
		}
		model.addAttribute("customer", customer.get());
		Recommendation recommendation = this.policies.recommend(code);
		model.addAttribute("recommendation", recommendation);
		Optional<CreditLine> line = this.lines.current(code);
		model.addAttribute("line", line.orElse(null));
		if (this.currentUser.has(Permission.RECEIVABLE_READ)) {
			AgingReport report = this.aging.customer(code, LocalDate.now(this.clock), AgingBasis.DUE);
			model.addAttribute("exposure", report);
		}
		return Optional.of(recommendation);
	}

	private String message(CredenceException ex) {
		return this.messages.getMessage(ex.messageCode(), ex.arguments(), ex.messageCode(),
				LocaleContextHolder.getLocale());
	}

	private static Map<String, @Nullable String> pageUrls(String path, PageResult<?> page,
			Map<String, @Nullable String> params) {
		Map<String, @Nullable String> urls = new LinkedHashMap<>();
		urls.put("previous", url(path, params, Math.max(page.page() - 1, 0)));
		urls.put("next", url(path, params, page.page() + 1));
		return urls;
	}

	private static String url(String path, Map<String, @Nullable String> params, int page) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
		params.forEach((k, v) -> {
			if (v != null && !v.isBlank()) {
				builder.queryParam(k, v);
			}
		});
		return builder.queryParam("page", page).encode().build().toUriString();
	}

	/** The application form as typed. */
	public static class ApplicationForm {

		private @Nullable String customerCode;

		private @Nullable ApplicationType type = ApplicationType.NEW;

		private @Nullable BigDecimal amount;

		private @Nullable String currency;

		private @Nullable Integer termsDays;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private @Nullable LocalDate validTo;

		private @Nullable String reason;

		static ApplicationForm of(CreditApplication application) {
			ApplicationForm form = new ApplicationForm();
			form.customerCode = application.customerCode();
			form.type = application.type();
			form.amount = application.amount();
			form.currency = application.currency();
			form.termsDays = application.termsDays();
			form.validTo = application.validTo();
			form.reason = application.reason();
			return form;
		}

		CreditApplicationRequest toRequest() {
			return new CreditApplicationRequest(this.customerCode, this.type, this.amount, this.currency,
					this.termsDays, this.validTo, this.reason);
		}

		public @Nullable String getCustomerCode() {
			return this.customerCode;
		}

		public void setCustomerCode(@Nullable String customerCode) {
			this.customerCode = customerCode;
		}

		public @Nullable ApplicationType getType() {
			return this.type;
		}

		public void setType(@Nullable ApplicationType type) {
			this.type = type;
		}

		public @Nullable BigDecimal getAmount() {
			return this.amount;
		}

		public void setAmount(@Nullable BigDecimal amount) {
			this.amount = amount;
		}

		public @Nullable String getCurrency() {
			return this.currency;
		}

		public void setCurrency(@Nullable String currency) {
			this.currency = currency;
		}

		public @Nullable Integer getTermsDays() {
			return this.termsDays;
		}

		public void setTermsDays(@Nullable Integer termsDays) {
			this.termsDays = termsDays;
		}

		public @Nullable LocalDate getValidTo() {
			return this.validTo;
		}

		public void setValidTo(@Nullable LocalDate validTo) {
			this.validTo = validTo;
		}

		public @Nullable String getReason() {
			return this.reason;
		}

		public void setReason(@Nullable String reason) {
			this.reason = reason;
		}

	}

}
