package org.credence.receivable.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.credence.receivable.BankReceipt;
import org.credence.receivable.BankReceiptStatus;
import org.credence.receivable.BankReceipts;
import org.credence.shared.CredenceException;
import org.credence.shared.InvalidInputException;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 未匹配收款: the receipts no customer could be found for, with the reason, and per receipt a
 * form to assign it to a customer (and invoices) or to dismiss it.
 */
@Controller
@RequestMapping("/receivables/unmatched")
class UnmatchedReceiptController {

	private final BankReceipts receipts;

	private final MessageSource messages;

	UnmatchedReceiptController(BankReceipts receipts, MessageSource messages) {
		this.receipts = receipts;
		this.messages = messages;
	}

	@GetMapping
	String queue(@RequestParam(required = false) @Nullable Integer page, Model model) {
		PageResult<BankReceipt> waiting = this.receipts.receipts(BankReceiptStatus.UNMATCHED, Paging.of(page, null));
		model.addAttribute("receipts", waiting);
		return "receivable/unmatched";
	}

	@PostMapping("/{id}/assignment")
	String assign(@PathVariable long id, @RequestParam(required = false) @Nullable String customerCode,
			@RequestParam(required = false) @Nullable String invoiceNumbers, RedirectAttributes redirect) {
		List<String> numbers = invoiceNumbers == null ? List.of()
				: Arrays.stream(invoiceNumbers.split("[,;\\s]+")).filter(n -> !n.isBlank()).toList();
		try {
			BankReceipt receipt = this.receipts.assign(id, customerCode, numbers);
			redirect.addFlashAttribute("flashSuccess", message("receivable.bank-receipt.assigned",
					receipt.amount().toPlainString(), receipt.currency(), receipt.customerCode()));
		}
		catch (CredenceException ex) {
			redirect.addFlashAttribute("flashWarning", message(ex));
		}
		return "redirect:/receivables/unmatched";
	}

	@PostMapping("/{id}/dismissal")
	String dismiss(@PathVariable long id, @RequestParam(required = false) @Nullable String reason,
			RedirectAttributes redirect) {
		try {
			this.receipts.dismiss(id, reason);
			redirect.addFlashAttribute("flashSuccess", message("receivable.bank-receipt.dismissed"));
		}
		catch (CredenceException ex) {
			redirect.addFlashAttribute("flashWarning", message(ex));
		}
		return "redirect:/receivables/unmatched";
	}

	private String message(CredenceException ex) {
		if (ex instanceof InvalidInputException invalid && !invalid.problems().isEmpty()) {
			return message(invalid.problems().get(0).messageCode(), invalid.problems().get(0).arguments());
		}
		return message(ex.messageCode(), ex.arguments());
	}

	private String message(String code, Object... arguments) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(code, arguments, code, locale);
	}

}
