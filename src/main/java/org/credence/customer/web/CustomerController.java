package org.credence.customer.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.credence.customer.BlacklistMatch;
import org.credence.customer.CustomerDetails;
import org.credence.customer.CustomerDraft;
import org.credence.customer.CustomerQuery;
import org.credence.customer.CustomerStatus;
import org.credence.customer.Customers;
import org.credence.customer.Industry;
import org.credence.customer.OwnershipType;
import org.credence.customer.Registration;
import org.credence.identity.AuditQuery;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.shared.ConflictException;
import org.credence.shared.CredenceException;
import org.credence.shared.InvalidInputException;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The customer pages: the list with filters in the URL, the create and edit forms, the
 * 客户360 overview with the blacklist, the audit tab, and the list's export to Excel.
 */
@Controller
class CustomerController {

	private static final int EXPORT_LIMIT = 100_000;

	private final Customers customers;

	private final AuditTrail auditTrail;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	private final Clock clock;

	CustomerController(Customers customers, AuditTrail auditTrail, CurrentUser currentUser, MessageSource messages,
			Clock clock) {
		this.customers = customers;
		this.auditTrail = auditTrail;
		this.currentUser = currentUser;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/customers")
	String list(ListFilters filters, HttpServletRequest request, Model model) {
		PageResult<CustomerDetails> page = this.customers.search(filters.query(), filters.paging());
		model.addAttribute("page", page);
		model.addAttribute("filters", filters);
		model.addAttribute("pageUrls", pageUrls(request, page));
		model.addAttribute("sortUrls", sortUrls(request, filters));
		model.addAttribute("exportUrl",
				ServletUriComponentsBuilder.fromRequest(request)
					.replacePath(request.getContextPath() + "/customers/export.xlsx")
					.replaceQueryParam("page")
					.replaceQueryParam("size")
					.build()
					.toUriString());
		return "customer/list";
	}

	@GetMapping("/customers/export.xlsx")
	void export(ListFilters filters, HttpServletResponse response) throws IOException {
		List<CustomerDetails> all = this.customers.searchAll(filters.query(), EXPORT_LIMIT);
		String fileName = msg("customer.list.title") + "-" + LocalDate.now(this.clock) + ".xlsx";
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition",
				"attachment; filename=\"customers.xlsx\"; filename*=UTF-8''" + UriUtils.encode(fileName, "UTF-8"));
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); OutputStream out = response.getOutputStream()) {
			Sheet sheet = workbook.createSheet(msg("customer.list.title"));
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			String[] headers = { "customer.field.code", "customer.field.name", "customer.field.shortName",
					"customer.field.uscc", "customer.field.status", "customer.field.industry", "customer.field.region",
					"customer.field.group", "customer.field.owner", "customer.field.grade", "customer.field.riskClass",
					"customer.blacklisted", "customer.field.registeredCapital", "customer.field.foundedOn",
					"customer.field.updatedAt" };
			Row header = sheet.createRow(0);
			for (int i = 0; i < headers.length; i++) {
				Cell cell = header.createCell(i);
				cell.setCellValue(msg(headers[i]));
				cell.setCellStyle(bold);
			}
			Locale locale = LocaleContextHolder.getLocale();
			int rowIndex = 1;
			for (CustomerDetails c : all) {
				Row row = sheet.createRow(rowIndex++);
				row.createCell(0).setCellValue(c.code());
				row.createCell(1).setCellValue(c.name());
				row.createCell(2).setCellValue(c.shortName() == null ? "" : c.shortName());
				row.createCell(3).setCellValue(c.uscc() == null ? "" : c.uscc());
				row.createCell(4).setCellValue(msg("customer.status." + c.status()));
				row.createCell(5).setCellValue(c.industry() == null ? "" : c.industry().displayName(locale));
				row.createCell(6)
					.setCellValue(c.region() == null ? ""
							: org.credence.customer.Province.parse(c.region())
								.map(p -> p.displayName(locale))
								.orElse(c.region()));
				row.createCell(7).setCellValue(c.groupName() == null ? "" : c.groupName());
				row.createCell(8).setCellValue(c.ownerUsername() == null ? "" : c.ownerUsername());
				row.createCell(9).setCellValue(c.grade() == null ? "" : c.grade());
				row.createCell(10).setCellValue(c.riskClass() == null ? "" : msg("customer.risk." + c.riskClass()));
				row.createCell(11).setCellValue(c.blacklisted() ? msg("common.yes") : msg("common.no"));
				if (c.registeredCapital() != null) {
					row.createCell(12).setCellValue(c.registeredCapital().doubleValue());
				}
				row.createCell(13).setCellValue(c.foundedOn() == null ? "" : c.foundedOn().toString());
				row.createCell(14).setCellValue(c.updatedAt().atZone(this.clock.getZone()).toLocalDate().toString());
			}
			workbook.write(out);
		}
	}

	@GetMapping("/customers/new")
	String newCustomer(Model model) {
		this.currentUser.require(Permission.CUSTOMER_WRITE);
		CustomerForm form = new CustomerForm();
		if (this.currentUser.ownerScope().isPresent()) {
			form.setOwnerUsername(this.currentUser.username());
		}
		return form(model, form, Map.of(), true);
	}

	@PostMapping("/customers")
	String create(@ModelAttribute("form") CustomerForm form, Model model, RedirectAttributes redirect) {
		this.currentUser.require(Permission.CUSTOMER_WRITE);
		try {
			CustomerDraft draft = form.toDraft();
			List<FieldProblemView> problems = new java.util.ArrayList<>();
			this.customers.problems(draft).forEach(p -> problems.add(FieldProblemView.of(p, this.messages)));
			if (!problems.isEmpty()) {
				return form(model, form, errors(problems), true);
			}
			List<BlacklistMatch> matches = this.customers.blacklistMatches(draft.uscc(), draft.name(), null);
			if (!matches.isEmpty() && !form.isBlacklistMatchConfirmed()) {
				model.addAttribute("blacklistMatches", matches);
				return form(model, form, Map.of(), true);
			}
			Registration registration = this.customers.register(draft);
			redirect.addFlashAttribute("flashSuccess", msg("customer.created", registration.customer().code()));
			if (!registration.warnings().isEmpty()) {
				BlacklistMatch match = registration.warnings().get(0);
				redirect.addFlashAttribute("flashWarning", matchMessage(match));
			}
			return "redirect:/customers/" + UriUtils.encodePathSegment(registration.customer().code(), "UTF-8");
		}
		catch (InvalidInputException ex) {
			return form(model, form, errors(ex), true);
		}
		catch (ConflictException ex) {
			return form(model, form, Map.of("code", msg(ex)), true);
		}
	}

	@GetMapping("/customers/{code}/edit")
	String edit(@PathVariable String code, Model model) {
		this.currentUser.require(Permission.CUSTOMER_WRITE);
		CustomerDetails customer = this.customers.get(code);
		model.addAttribute("customer", customer);
		return form(model, CustomerForm.of(customer), Map.of(), false);
	}

	@PostMapping("/customers/{code}")
	String update(@PathVariable String code, @ModelAttribute("form") CustomerForm form, Model model,
			RedirectAttributes redirect) {
		this.currentUser.require(Permission.CUSTOMER_WRITE);
		CustomerDetails customer = this.customers.get(code);
		model.addAttribute("customer", customer);
		form.setCode(code);
		try {
			this.customers.replace(code, form.toDraft(), form.getVersion());
			redirect.addFlashAttribute("flashSuccess", msg("customer.saved", code));
			return "redirect:/customers/" + UriUtils.encodePathSegment(code, "UTF-8");
		}
		catch (InvalidInputException ex) {
			return form(model, form, errors(ex), false);
		}
		catch (ConflictException ex) {
			model.addAttribute("formError", msg(ex));
			return form(model, form, Map.of(), false);
		}
	}

	@GetMapping("/customers/{code}")
	String overview(@PathVariable String code, Model model) {
		CustomerDetails customer = this.customers.get(code);
		model.addAttribute("customer", customer);
		model.addAttribute("blacklistHistory", this.customers.blacklistHistory(code));
		model.addAttribute("today", LocalDate.now(this.clock));
		return "customer/overview";
	}

	@PostMapping("/customers/{code}/blacklist")
	String blacklist(@PathVariable String code, @RequestParam(defaultValue = "") String reason,
			@RequestParam(defaultValue = "") String evidence, @RequestParam(defaultValue = "") String expiresOn,
			RedirectAttributes redirect) {
		try {
			LocalDate expiry = expiresOn.isBlank() ? null : LocalDate.parse(expiresOn);
			this.customers.blacklist(code, reason, evidence.isBlank() ? null : evidence, expiry);
			redirect.addFlashAttribute("flashSuccess", msg("customer.blacklist.added", code));
		}
		catch (DateTimeParseException ex) {
			redirect.addFlashAttribute("flashWarning", msg("customer.value.not-a-date", expiresOn));
		}
		catch (InvalidInputException | RuleViolationException ex) {
			redirect.addFlashAttribute("flashWarning", msg(ex));
		}
		return "redirect:/customers/" + UriUtils.encodePathSegment(code, "UTF-8");
	}

	@PostMapping("/customers/{code}/blacklist/removal")
	String removeFromBlacklist(@PathVariable String code, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		try {
			this.customers.removeFromBlacklist(code, reason);
			redirect.addFlashAttribute("flashSuccess", msg("customer.blacklist.removed", code));
		}
		catch (InvalidInputException | RuleViolationException ex) {
			redirect.addFlashAttribute("flashWarning", msg(ex));
		}
		return "redirect:/customers/" + UriUtils.encodePathSegment(code, "UTF-8");
	}

	@GetMapping("/customers/{code}/audit")
	String audit(@PathVariable String code, @RequestParam(required = false) @Nullable Integer page,
			HttpServletRequest request, Model model) {
		CustomerDetails customer = this.customers.get(code);
		var entries = this.auditTrail.entries(AuditQuery.forSubject(customer.auditSubject()), Paging.of(page, 50));
		model.addAttribute("customer", customer);
		model.addAttribute("auditPage", entries);
		model.addAttribute("pageUrls", pageUrls(request, entries));
		return "customer/audit";
	}

	private String form(Model model, CustomerForm form, Map<String, String> errors, boolean creating) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("creating", creating);
		model.addAttribute("statuses", CustomerStatus.values());
		model.addAttribute("ownershipTypes", OwnershipType.values());
		model.addAttribute("salesScoped", this.currentUser.ownerScope().isPresent());
		return "customer/form";
	}

	private Map<String, String> errors(InvalidInputException ex) {
		return errors(ex.problems().stream().map(p -> FieldProblemView.of(p, this.messages)).toList());
	}

	private static Map<String, String> errors(List<FieldProblemView> problems) {
		Map<String, String> errors = new LinkedHashMap<>();
		problems.forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + " " + b));
		return errors;
	}

	private String matchMessage(BlacklistMatch match) {
		if (match.customerCode().isEmpty()) {
			return msg("customer.blacklist.match.hidden", msg("customer.blacklist.match." + match.matchedOn()));
		}
		return msg("customer.blacklist.match", match.customerCode(), match.customerName(),
				msg("customer.blacklist.match." + match.matchedOn()), match.reason());
	}

	private String msg(String code, Object... args) {
		return this.messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

	private String msg(CredenceException ex) {
		return msg(ex.messageCode(), ex.arguments());
	}

	static Map<String, @Nullable String> pageUrls(HttpServletRequest request, PageResult<?> page) {
		Map<String, @Nullable String> urls = new HashMap<>();
		urls.put("previous",
				page.hasPrevious() ? ServletUriComponentsBuilder.fromRequest(request)
					.replaceQueryParam("page", page.page() - 1)
					.build()
					.toUriString() : null);
		urls.put("next",
				page.hasNext() ? ServletUriComponentsBuilder.fromRequest(request)
					.replaceQueryParam("page", page.page() + 1)
					.build()
					.toUriString() : null);
		return urls;
	}

	private static Map<String, String> sortUrls(HttpServletRequest request, ListFilters filters) {
		Map<String, String> urls = new HashMap<>();
		for (String column : List.of("code", "name", "status", "industry", "region", "owner", "grade", "updated")) {
			boolean descending = column.equals(filters.getSort()) && !filters.isDesc();
			urls.put(column,
					ServletUriComponentsBuilder.fromRequest(request)
						.replaceQueryParam("sort", column)
						.replaceQueryParam("desc", descending)
						.replaceQueryParam("page")
						.build()
						.toUriString());
		}
		return urls;
	}

	/** A field's problem with its message in the reader's language. */
	record FieldProblemView(String field, String message) {

		static FieldProblemView of(InvalidInputException.FieldProblem problem, MessageSource messages) {
			return new FieldProblemView(problem.field(), messages.getMessage(problem.messageCode(), problem.arguments(),
					problem.messageCode(), LocaleContextHolder.getLocale()));
		}

	}

	/** The list's filters, bound from the query string so a view can be bookmarked. */
	public static class ListFilters {

		private @Nullable String q;

		private @Nullable CustomerStatus status;

		private @Nullable Industry industry;

		private @Nullable String region;

		private @Nullable String owner;

		private @Nullable Boolean blacklisted;

		private @Nullable String group;

		private String sort = "code";

		private boolean desc;

		private int page;

		private int size = 50;

		CustomerQuery query() {
			return new CustomerQuery(this.q, this.status, this.industry, this.region, this.owner, this.blacklisted,
					null, null, this.group, this.sort, this.desc);
		}

		Paging paging() {
			return new Paging(this.page, this.size);
		}

		public @Nullable String getQ() {
			return this.q;
		}

		public void setQ(@Nullable String q) {
			this.q = q;
		}

		public @Nullable CustomerStatus getStatus() {
			return this.status;
		}

		public void setStatus(@Nullable CustomerStatus status) {
			this.status = status;
		}

		public @Nullable Industry getIndustry() {
			return this.industry;
		}

		public void setIndustry(@Nullable Industry industry) {
			this.industry = industry;
		}

		public @Nullable String getRegion() {
			return this.region;
		}

		public void setRegion(@Nullable String region) {
			this.region = region;
		}

		public @Nullable String getOwner() {
			return this.owner;
		}

		public void setOwner(@Nullable String owner) {
			this.owner = owner;
		}

		public @Nullable Boolean getBlacklisted() {
			return this.blacklisted;
		}

		public void setBlacklisted(@Nullable Boolean blacklisted) {
			this.blacklisted = blacklisted;
		}

		public @Nullable String getGroup() {
			return this.group;
		}

		public void setGroup(@Nullable String group) {
			this.group = group;
		}

		public String getSort() {
			return this.sort;
		}

		public void setSort(String sort) {
			this.sort = sort;
		}

		public boolean isDesc() {
			return this.desc;
		}

		public void setDesc(boolean desc) {
			this.desc = desc;
		}

		public int getPage() {
			return this.page;
		}

		public void setPage(int page) {
			this.page = page;
		}

		public int getSize() {
			return this.size;
		}

		public void setSize(int size) {
			this.size = size;
		}

	}

}
