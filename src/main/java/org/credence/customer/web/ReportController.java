package org.credence.customer.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.customer.document.DocumentUpload;
import org.credence.customer.report.ExternalReportDraft;
import org.credence.customer.report.ExternalReports;
import org.credence.customer.report.FeedbackDraft;
import org.credence.customer.report.FeedbackSource;
import org.credence.customer.report.PaymentExperience;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.Money;
import org.credence.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The external reports tab of the 客户360 page: reports of credit agencies and feedback of
 * peers and suppliers, each with its form.
 */
@Controller
@RequestMapping("/customers/{code}")
class ReportController {

	/** Each list shows the latest ones; more are rare in one credit file. */
	private static final Paging LATEST = new Paging(0, 100);

	private final Customers customers;

	private final ExternalReports reports;

	private final MessageSource messages;

	ReportController(Customers customers, ExternalReports reports, MessageSource messages) {
		this.customers = customers;
		this.reports = reports;
		this.messages = messages;
	}

	@GetMapping("/reports")
	String reports(@PathVariable String code, Model model) {
		return page(code, ReportForm.empty(), Map.of(), FeedbackForm.empty(), Map.of(), model);
	}

	@PostMapping("/reports")
	String record(@PathVariable String code, @ModelAttribute("reportForm") ReportForm form,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model,
			RedirectAttributes redirect) {
		try {
			ExternalReportDraft draft = form.toDraft();
			if (file == null || file.isEmpty()) {
				this.reports.record(code, draft);
			}
			else {
				this.reports.record(code, draft, new DocumentUpload(null, null, file.getOriginalFilename(), file));
			}
			redirect.addFlashAttribute("flashSuccess",
					ActivityForms.message(this.messages, "customer.report.recorded"));
			return "redirect:/customers/{code}/reports";
		}
		catch (InvalidInputException ex) {
			return page(code, form, ActivityForms.messages(ex, this.messages), FeedbackForm.empty(), Map.of(), model);
		}
	}

	@PostMapping("/feedback")
	String recordFeedback(@PathVariable String code, @ModelAttribute("feedbackForm") FeedbackForm form, Model model,
			RedirectAttributes redirect) {
		try {
			this.reports.recordFeedback(code, form.toDraft());
			redirect.addFlashAttribute("flashSuccess",
					ActivityForms.message(this.messages, "customer.feedback.recorded"));
			return "redirect:/customers/{code}/reports";
		}
		catch (InvalidInputException ex) {
			return page(code, ReportForm.empty(), Map.of(), form, ActivityForms.messages(ex, this.messages), model);
		}
	}

	private String page(String code, ReportForm reportForm, Map<String, String> reportErrors, FeedbackForm feedbackForm,
			Map<String, String> feedbackErrors, Model model) {
		CustomerDetails customer = this.customers.get(code);
		model.addAttribute("customer", customer);
		model.addAttribute("reports", this.reports.reports(code, LATEST));
		model.addAttribute("feedback", this.reports.feedback(code, LATEST));
		model.addAttribute("sources", FeedbackSource.values());
		model.addAttribute("experiences", PaymentExperience.values());
		model.addAttribute("reportForm", reportForm);
		model.addAttribute("reportErrors", reportErrors);
		model.addAttribute("feedbackForm", feedbackForm);
		model.addAttribute("feedbackErrors", feedbackErrors);
		return "customer/reports";
	}

	/** The external report form as typed. */
	public record ReportForm(@Nullable String agency, @Nullable String reportDate, @Nullable String score,
			@Nullable String rating, @Nullable String lawsuits, @Nullable String summary) {

		static ReportForm empty() {
			return new ReportForm(null, null, null, null, null, null);
		}

		ExternalReportDraft toDraft() {
			List<FieldProblem> problems = new ArrayList<>();
			ExternalReportDraft draft = new ExternalReportDraft(this.agency,
					ActivityForms.date("reportDate", this.reportDate, problems),
					ActivityForms.decimal("score", this.score, problems), this.rating,
					ActivityForms.integer("lawsuits", this.lawsuits, problems), this.summary, null);
			ActivityForms.requireNone(problems);
			return draft;
		}

	}

	/** The feedback form as typed. */
	public record FeedbackForm(@Nullable String sourceType, @Nullable String sourceName, @Nullable String receivedOn,
			@Nullable String paymentExperience, @Nullable String creditAmount, @Nullable String creditCurrency,
			@Nullable String comment) {

		static FeedbackForm empty() {
			return new FeedbackForm(FeedbackSource.SUPPLIER.name(), null, null, PaymentExperience.PROMPT.name(), null,
					"CNY", null);
		}

		FeedbackDraft toDraft() {
			List<FieldProblem> problems = new ArrayList<>();
			FeedbackSource source = ActivityForms.choice(FeedbackSource.class, "sourceType", this.sourceType, problems);
			PaymentExperience experience = ActivityForms.choice(PaymentExperience.class, "paymentExperience",
					this.paymentExperience, problems);
			BigDecimal amount = ActivityForms.decimal("creditAmount", this.creditAmount, problems);
			String currency = ActivityForms.text(this.creditCurrency);
			Money money = null;
			if (amount != null) {
				try {
					money = new Money(amount, Currency.getInstance(currency == null ? "CNY" : currency));
				}
				catch (IllegalArgumentException ex) {
					problems.add(new FieldProblem("creditCurrency", "customer.activity.currency.unknown", currency));
				}
			}
			FeedbackDraft draft = new FeedbackDraft(source, this.sourceName,
					ActivityForms.date("receivedOn", this.receivedOn, problems), experience, money, this.comment);
			ActivityForms.requireNone(problems);
			return draft;
		}

	}

}
