package org.credence.customer.web;

import java.util.Map;

import org.credence.customer.BankAccounts;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.shared.ConflictException;
import org.credence.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The bank accounts tab of the 客户360 page: the list, add and remove. */
@Controller
@RequestMapping("/customers/{code}/bank-accounts")
class BankAccountController {

	private final Customers customers;

	private final BankAccounts bankAccounts;

	private final MessageSource messages;

	BankAccountController(Customers customers, BankAccounts bankAccounts, MessageSource messages) {
		this.customers = customers;
		this.bankAccounts = bankAccounts;
		this.messages = messages;
	}

	@GetMapping
	String accounts(@PathVariable String code, Model model) {
		return page(code, null, null, Map.of(), model);
	}

	@PostMapping
	String add(@PathVariable String code, @RequestParam(required = false) @Nullable String accountNumber,
			@RequestParam(required = false) @Nullable String bankName, Model model, RedirectAttributes redirect) {
		try {
			this.bankAccounts.add(code, accountNumber, bankName);
			redirect.addFlashAttribute("flashSuccess",
					ActivityForms.message(this.messages, "customer.bank-account.added", accountNumber));
			return "redirect:/customers/{code}/bank-accounts";
		}
		catch (InvalidInputException ex) {
			return page(code, accountNumber, bankName, ActivityForms.messages(ex, this.messages), model);
		}
		catch (ConflictException ex) {
			return page(code, accountNumber, bankName,
					Map.of("accountNumber", ActivityForms.message(this.messages, ex.messageCode(), ex.arguments())),
					model);
		}
	}

	@PostMapping("/{accountNumber}/delete")
	String remove(@PathVariable String code, @PathVariable String accountNumber, RedirectAttributes redirect) {
		this.bankAccounts.remove(code, accountNumber);
		redirect.addFlashAttribute("flashSuccess",
				ActivityForms.message(this.messages, "customer.bank-account.removed", accountNumber));
		return "redirect:/customers/{code}/bank-accounts";
	}

	private String page(String code, @Nullable String accountNumber, @Nullable String bankName,
			Map<String, String> errors, Model model) {
		CustomerDetails customer = this.customers.get(code);
		model.addAttribute("customer", customer);
		model.addAttribute("accounts", this.bankAccounts.accounts(code));
		model.addAttribute("accountNumber", accountNumber);
		model.addAttribute("bankName", bankName);
		model.addAttribute("errors", errors);
		return "customer/bank-accounts";
	}

}
