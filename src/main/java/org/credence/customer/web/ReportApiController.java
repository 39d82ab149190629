package org.credence.customer.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.credence.customer.report.ExternalReport;
import org.credence.customer.report.ExternalReportDraft;
import org.credence.customer.report.ExternalReports;
import org.credence.customer.report.Feedback;
import org.credence.customer.report.FeedbackDraft;
import org.credence.customer.report.FeedbackSource;
import org.credence.customer.report.PaymentExperience;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.Money;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** External credit reports and peer or supplier feedback over the API. */
@RestController
@RequestMapping("/api/v1/customers/{code}")
@Tag(name = "External reports", description = "External credit reports and peer or supplier feedback of a customer")
class ReportApiController {

	private final ExternalReports reports;

	ReportApiController(ExternalReports reports) {
		this.reports = reports;
	}

	@GetMapping("/external-reports")
	@Operation(summary = "List a customer's external credit reports, the latest report date first")
	PageResult<ExternalReport> reports(@PathVariable String code,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return this.reports.reports(code, Paging.of(page, size));
	}

	@PostMapping("/external-reports")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record an external credit report",
			description = "agency and reportDate are required; lawsuits defaults to 0; documentId names an uploaded document of the same customer holding the report. Needs customer:write.")
	ExternalReport record(@PathVariable String code, @RequestBody ExternalReportDraft report) {
		return this.reports.record(code, report);
	}

	@GetMapping("/feedback")
	@Operation(summary = "List peer and supplier feedback on a customer, the latest first")
	PageResult<FeedbackResponse> feedback(@PathVariable String code,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return this.reports.feedback(code, Paging.of(page, size)).map(FeedbackResponse::of);
	}

	@PostMapping("/feedback")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record peer or supplier feedback",
			description = "sourceType PEER or SUPPLIER; paymentExperience PROMPT, SLOW, VERY_SLOW or DEFAULTED; creditAmount (decimal) with currency (ISO 4217, default CNY). Needs customer:write.")
	FeedbackResponse recordFeedback(@PathVariable String code, @RequestBody FeedbackRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		FeedbackSource source = ActivityForms.choice(FeedbackSource.class, "sourceType", request.sourceType(),
				problems);
		PaymentExperience experience = ActivityForms.choice(PaymentExperience.class, "paymentExperience",
				request.paymentExperience(), problems);
		Money amount = money(request.creditAmount(), request.currency(), problems);
		ActivityForms.requireNone(problems);
		return FeedbackResponse.of(this.reports.recordFeedback(code, new FeedbackDraft(source, request.sourceName(),
				request.receivedOn(), experience, amount, request.comment())));
	}

	static @Nullable Money money(@Nullable BigDecimal amount, @Nullable String currency, List<FieldProblem> problems) {
		if (amount == null) {
			return null;
		}
		String code = ActivityForms.text(currency);
		try {
			return new Money(amount, Currency.getInstance(code == null ? "CNY" : code.toUpperCase()));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem("currency", "customer.activity.currency.unknown", code));
			return null;
		}
	}

	/** Feedback to record. */
	record FeedbackRequest(@Nullable String sourceType, @Nullable String sourceName, @Nullable LocalDate receivedOn,
			@Nullable String paymentExperience, @Nullable BigDecimal creditAmount, @Nullable String currency,
			@Nullable String comment) {
	}

	/** Feedback as the API shows it, the amount as a decimal string with its currency. */
	record FeedbackResponse(long id, String customerCode, FeedbackSource sourceType, String sourceName,
			LocalDate receivedOn, PaymentExperience paymentExperience, @Nullable MoneyAmount creditAmount,
			@Nullable String comment, String recordedBy, Instant recordedAt) {

		static FeedbackResponse of(Feedback feedback) {
			Money amount = feedback.creditAmount();
			return new FeedbackResponse(feedback.id(), feedback.customerCode(), feedback.sourceType(),
					feedback.sourceName(), feedback.receivedOn(), feedback.paymentExperience(),
					amount == null ? null
							: new MoneyAmount(amount.amount().toPlainString(), amount.currency().getCurrencyCode()),
					feedback.comment(), feedback.recordedBy(), feedback.recordedAt());
		}

	}

	/** {@code {"amount": "1234.50", "currency": "CNY"}} */
	record MoneyAmount(String amount, String currency) {
	}

}
