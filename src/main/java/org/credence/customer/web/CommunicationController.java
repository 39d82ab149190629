package org.credence.customer.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.customer.communication.Channel;
import org.credence.customer.communication.Communication;
import org.credence.customer.communication.CommunicationDraft;
import org.credence.customer.communication.Communications;
import org.credence.customer.contact.Contacts;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.PageResult;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The communications tab of the 客户360 page: the log, newest first, and the form to add to
 * it.
 */
@Controller
@RequestMapping("/customers/{code}/communications")
class CommunicationController {

	private final Customers customers;

	private final Communications communications;

	private final Contacts contacts;

	private final MessageSource messages;

	private final Clock clock;

	CommunicationController(Customers customers, Communications communications, Contacts contacts,
			MessageSource messages, Clock clock) {
		this.customers = customers;
		this.communications = communications;
		this.contacts = contacts;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String communications(@PathVariable String code, @RequestParam(required = false) @Nullable Integer page,
			Model model, HttpServletRequest request) {
		CommunicationForm form = new CommunicationForm(LocalDate.now(this.clock).toString(), Channel.CALL.name(), null,
				null, null);
		return page(code, form, Map.of(), page, model, request);
	}

	@PostMapping
	String log(@PathVariable String code, @ModelAttribute CommunicationForm form, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		try {
			this.communications.log(code, form.toDraft());
			redirect.addFlashAttribute("flashSuccess",
					ActivityForms.message(this.messages, "customer.communication.logged"));
			return "redirect:/customers/{code}/communications";
		}
		catch (InvalidInputException ex) {
			return page(code, form, ActivityForms.messages(ex, this.messages), null, model, request);
		}
	}

	private String page(String code, CommunicationForm form, Map<String, String> errors, @Nullable Integer page,
			Model model, HttpServletRequest request) {
		CustomerDetails customer = this.customers.get(code);
		PageResult<Communication> communications = this.communications.list(code, Paging.of(page, null));
		model.addAttribute("customer", customer);
		model.addAttribute("communications", communications);
		model.addAttribute("pageUrls", ActivityForms.pageUrls(communications, request));
		model.addAttribute("contacts", this.contacts.all(code));
		model.addAttribute("channels", Channel.values());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "customer/communications";
	}

	/** The communication form as typed. */
	public record CommunicationForm(@Nullable String occurredOn, @Nullable String channel, @Nullable String contactId,
			@Nullable String summary, @Nullable String nextFollowUpOn) {

		CommunicationDraft toDraft() {
			List<FieldProblem> problems = new ArrayList<>();
			CommunicationDraft draft = new CommunicationDraft(
					ActivityForms.date("occurredOn", this.occurredOn, problems),
					ActivityForms.choice(Channel.class, "channel", this.channel, problems),
					ActivityForms.id("contactId", this.contactId, problems), this.summary,
					ActivityForms.date("nextFollowUpOn", this.nextFollowUpOn, problems));
			ActivityForms.requireNone(problems);
			return draft;
		}

	}

}
