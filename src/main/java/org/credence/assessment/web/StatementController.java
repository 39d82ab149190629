package org.credence.assessment.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.credence.assessment.statement.AmountUnit;
import org.credence.assessment.statement.FinancialStatement;
import org.credence.assessment.statement.FinancialStatements;
import org.credence.assessment.statement.PeriodType;
import org.credence.assessment.statement.StatementLine;
import org.credence.assessment.statement.StatementRules;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

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
 * The financials tab of the 客户360 page: the statements side by side, their ratios and the
 * ratio chart; and the form to enter a statement, which shows the balance check's message
 * with a field for the reason to record it all the same.
 */
@Controller
@RequestMapping("/customers/{code}/financials")
class StatementController {

	private final Customers customers;

	private final FinancialStatements statements;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	private final JsonMapper json;

	StatementController(Customers customers, FinancialStatements statements, CurrentUser currentUser,
			MessageSource messages, JsonMapper json) {
		this.customers = customers;
		this.statements = statements;
		this.currentUser = currentUser;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping
	String financials(@PathVariable String code, Model model) {
		CustomerDetails customer = this.customers.get(code);
		model.addAttribute("customer", customer);
		model.addAttribute("table", StatementTable.of(this.statements.all(code), this.messages,
				LocaleContextHolder.getLocale(), this.json));
		return "assessment/financials";
	}

	@GetMapping("/new")
	String entry(@PathVariable String code, Model model) {
		CustomerDetails customer = this.customers.get(code);
		this.currentUser.require(Permission.CUSTOMER_WRITE);
		return form(customer, StatementForm.blank(), Map.of(), null, model);
	}

	@PostMapping
	String record(@PathVariable String code, @RequestParam Map<String, String> values, Model model,
			RedirectAttributes redirect) {
		CustomerDetails customer = this.customers.get(code);
		StatementForm form = new StatementForm(values);
		try {
			FinancialStatement statement = this.statements.record(code, form.toDraft());
			redirect.addFlashAttribute("flashSuccess", message("assessment.statement.recorded",
					statement.periodEnd() + " " + message("assessment.statement.period." + statement.periodType())));
			return "redirect:/customers/{code}/financials";
		}
		catch (InvalidInputException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			String balance = null;
			for (FieldProblem problem : ex.problems()) {
				String text = message(problem.messageCode(), problem.arguments());
				if (StatementRules.UNBALANCED.equals(problem.messageCode())) {
					balance = text;
				}
				else {
					errors.putIfAbsent(problem.field(), text);
				}
			}
			return form(customer, form, errors, balance, model);
		}
	}

	/**
	 * The entry form.
	 * @param balance the balance check's message when the sheet does not balance: the
	 * form then asks for a reason
	 */
	private String form(CustomerDetails customer, StatementForm form, Map<String, String> errors,
			@Nullable String balance, Model model) {
		model.addAttribute("customer", customer);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("balance", balance);
		model.addAttribute("askReason", balance != null || !form.get("balanceOverrideReason").isBlank());
		model.addAttribute("periodTypes", PeriodType.values());
		model.addAttribute("units", AmountUnit.values());
		model.addAttribute("parts", StatementLine.Part.values());
		model.addAttribute("lines", StatementLine.values());
		return "assessment/statement-form";
	}

	private String message(String code, Object... arguments) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(code, arguments, code, locale);
	}

}
