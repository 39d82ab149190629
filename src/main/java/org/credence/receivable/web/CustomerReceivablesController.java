package org.credence.receivable.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.receivable.Aging;
import org.credence.receivable.AgingBasis;
import org.credence.receivable.AgingReport;
import org.credence.receivable.DsoPoint;
import org.credence.receivable.FxRates;
import org.credence.receivable.Invoice;
import org.credence.receivable.OpenItem;
import org.credence.receivable.PaymentEntry;
import org.credence.receivable.PaymentEntry.RequestedAllocation;
import org.credence.receivable.Receivables;
import org.credence.receivable.WriteOff;
import org.credence.receivable.WriteOffStatus;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
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
 * The Receivables tab of the 客户360 page: open items as of a day (in the URL), the aging
 * chart beside its table, payment behaviour, the payment history with its allocations,
 * and the forms of finance (record a payment, reverse one, propose a write-off), of those
 * who handle disputes, and of credit managers (decide write-offs).
 */
@Controller
@RequestMapping("/customers/{code}/receivables")
class CustomerReceivablesController {

	private final Customers customers;

	private final Receivables receivables;

	private final Aging aging;

	private final FxRates fxRates;

	private final AgingLabels labels;

	private final MessageSource messages;

	private final Clock clock;

	CustomerReceivablesController(Customers customers, Receivables receivables, Aging aging, FxRates fxRates,
			AgingLabels labels, MessageSource messages, Clock clock) {
		this.customers = customers;
		this.receivables = receivables;
		this.aging = aging;
		this.fxRates = fxRates;
		this.labels = labels;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String receivables(@PathVariable String code, @RequestParam(required = false) @Nullable String asOf,
			@RequestParam(required = false) @Nullable String basis, Model model) {
		PaymentForm form = new PaymentForm(LocalDate.now(this.clock).toString(), null, this.fxRates.companyCurrency(),
				null, null, null);
		return page(code, asOf, basis, form, Map.of(), model);
	}

	@PostMapping("/payments")
	String recordPayment(@PathVariable String code, @ModelAttribute PaymentForm form, Model model,
			RedirectAttributes redirect) {
		try {
			this.receivables.recordPayment(form.toEntry(code));
			redirect.addFlashAttribute("flashSuccess", msg("receivable.payment.recorded"));
			return "redirect:/customers/{code}/receivables";
		}
		catch (InvalidInputException ex) {
			return page(code, null, null, form, ReceivablePages.fieldMessages(this.messages, ex), model);
		}
		catch (RuleViolationException ex) {
			model.addAttribute("flashWarning", ReceivablePages.message(this.messages, ex));
			return page(code, null, null, form, Map.of(), model);
		}
	}

	@PostMapping("/payments/{externalId}/reversal")
	String reversePayment(@PathVariable String code, @PathVariable String externalId,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		return act(code, redirect, "receivable.payment.reversed",
				() -> this.receivables.reversePayment(ownPayment(code, externalId), reason));
	}

	@PostMapping("/invoices/{number}/dispute")
	String dispute(@PathVariable String code, @PathVariable String number,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		return act(code, redirect, "receivable.dispute.marked",
				() -> this.receivables.dispute(ownInvoice(code, number), reason));
	}

	@PostMapping("/invoices/{number}/dispute-resolution")
	String resolveDispute(@PathVariable String code, @PathVariable String number,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		return act(code, redirect, "receivable.dispute.resolved",
				() -> this.receivables.resolveDispute(ownInvoice(code, number), reason));
	}

	@PostMapping("/invoices/{number}/write-offs")
	String proposeWriteOff(@PathVariable String code, @PathVariable String number,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		return act(code, redirect, "receivable.write-off.proposed",
				() -> this.receivables.proposeWriteOff(ownInvoice(code, number), reason));
	}

	@PostMapping("/write-offs/{id}/approval")
	String approveWriteOff(@PathVariable String code, @PathVariable long id,
			@RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
		return act(code, redirect, "receivable.write-off.approved",
				() -> this.receivables.approveWriteOff(ownWriteOff(code, id), note));
	}

	@PostMapping("/write-offs/{id}/rejection")
	String rejectWriteOff(@PathVariable String code, @PathVariable long id,
			@RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
		return act(code, redirect, "receivable.write-off.rejected",
				() -> this.receivables.rejectWriteOff(ownWriteOff(code, id), note));
	}

	private String act(String code, RedirectAttributes redirect, String success, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flashSuccess", msg(success));
		}
		catch (InvalidInputException | RuleViolationException ex) {
			redirect.addFlashAttribute("flashWarning", ReceivablePages.message(this.messages, ex));
		}
		return "redirect:/customers/{code}/receivables";
	}

	/**
	 * The number of an invoice of this customer; another customer's is not found here.
	 */
	private String ownInvoice(String code, String number) {
		if (!this.receivables.invoice(number).customerCode().equals(code)) {
			throw new NotFoundException("receivable.invoice.not-found", number);
		}
		return number;
	}

	private String ownPayment(String code, String externalId) {
		if (!this.receivables.payment(externalId).customerCode().equals(code)) {
			throw new NotFoundException("receivable.payment.not-found", externalId);
		}
		return externalId;
	}

	private long ownWriteOff(String code, long id) {
		if (!this.receivables.writeOff(id).customerCode().equals(code)) {
			throw new NotFoundException("receivable.write-off.not-found", id);
		}
		return id;
	}

	private String page(String code, @Nullable String asOfText, @Nullable String basisText, PaymentForm form,
			Map<String, String> errors, Model model) {
		CustomerDetails customer = this.customers.get(code);
		LocalDate today = LocalDate.now(this.clock);
		LocalDate asOf = ReceivablePages.asOf(asOfText, today);
		AgingBasis basis = ReceivablePages.basis(basisText);
		List<OpenItem> openItems = this.aging.openItems(code, asOf);
		AgingReport report = this.aging.customer(code, asOf, basis);
		List<Invoice> invoices = this.receivables.invoices(code);
		List<WriteOff> writeOffs = this.receivables.writeOffs(code);
		model.addAttribute("customer", customer);
		model.addAttribute("asOf", asOf);
		model.addAttribute("isToday", asOf.equals(today));
		model.addAttribute("basis", basis.name().toLowerCase(java.util.Locale.ROOT));
		model.addAttribute("aging", report);
		model.addAttribute("chartData", ReceivablePages.chartData(report, this.labels, customer.name() + " · " + asOf));
		model.addAttribute("openItems", openItems);
		model.addAttribute("invoicesByNumber",
				invoices.stream().collect(java.util.stream.Collectors.toMap(Invoice::number, i -> i)));
		model.addAttribute("openInvoices",
				invoices.stream().filter(i -> i.status() == org.credence.receivable.InvoiceStatus.OPEN).toList());
		model.addAttribute("payments", this.receivables.payments(code));
		model.addAttribute("creditNotes", this.receivables.creditNotes(code));
		model.addAttribute("pendingWriteOffs",
				writeOffs.stream().filter(w -> w.status() == WriteOffStatus.PROPOSED).toList());
		model.addAttribute("pendingInvoices",
				writeOffs.stream()
					.filter(w -> w.status() == WriteOffStatus.PROPOSED)
					.map(WriteOff::invoiceNumber)
					.toList());
		model.addAttribute("behaviour", this.receivables.behaviour(code, asOf));
		List<DsoPoint> dsoTrend = this.aging.dsoTrend(code, asOf);
		model.addAttribute("dsoTrend", dsoTrend);
		model.addAttribute("dsoChartData", ReceivablePages.dsoChartData(dsoTrend, msg("receivable.behaviour.dso"),
				msg("receivable.dso-trend.month"), msg("receivable.dso-trend.days")));
		model.addAttribute("summary", this.receivables.summary(code, asOf));
		model.addAttribute("companyCurrency", this.fxRates.companyCurrency());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "receivable/customer";
	}

	private String msg(String code) {
		return this.messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
	}

	/** The hand-entered payment form as typed. */
	public record PaymentForm(@Nullable String receivedDate, @Nullable String amount, @Nullable String currency,
			@Nullable String reference, @Nullable String invoiceNumber, @Nullable String allocationAmount) {

		PaymentEntry toEntry(String customerCode) {
			List<FieldProblem> problems = new ArrayList<>();
			LocalDate received = date("receivedDate", this.receivedDate, problems);
			BigDecimal paid = decimal("amount", this.amount, problems);
			List<RequestedAllocation> allocations = null;
			if (this.invoiceNumber != null && !this.invoiceNumber.isBlank()) {
				BigDecimal share = decimal("allocationAmount", this.allocationAmount, problems);
				allocations = List.of(new RequestedAllocation(this.invoiceNumber, share == null ? paid : share));
			}
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
			return new PaymentEntry("UI-" + UUID.randomUUID(), customerCode, paid, this.currency, received,
					this.reference, allocations);
		}

		private static @Nullable LocalDate date(String field, @Nullable String value, List<FieldProblem> problems) {
			if (value == null || value.isBlank()) {
				return null;
			}
			try {
				return LocalDate.parse(value.strip());
			}
			catch (java.time.format.DateTimeParseException ex) {
				problems.add(new FieldProblem(field, "receivable.date.invalid"));
				return null;
			}
		}

		private static @Nullable BigDecimal decimal(String field, @Nullable String value, List<FieldProblem> problems) {
			if (value == null || value.isBlank()) {
				return null;
			}
			try {
				return new BigDecimal(value.strip().replace(",", ""));
			}
			catch (NumberFormatException ex) {
				problems.add(new FieldProblem(field, "receivable.number.invalid"));
				return null;
			}
		}

	}

}
