package org.credence.customer.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.customer.contact.Contact;
import org.credence.customer.contact.ContactChange;
import org.credence.customer.contact.ContactDraft;
import org.credence.customer.contact.Contacts;
import org.credence.shared.ConflictException;
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

/** The contacts tab of the 客户360 page: the list, and the form to add or change one. */
@Controller
@RequestMapping("/customers/{code}/contacts")
class ContactController {

	private final Customers customers;

	private final Contacts contacts;

	private final MessageSource messages;

	ContactController(Customers customers, Contacts contacts, MessageSource messages) {
		this.customers = customers;
		this.contacts = contacts;
		this.messages = messages;
	}

	@GetMapping
	String contacts(@PathVariable String code, @RequestParam(required = false) @Nullable Long edit,
			@RequestParam(required = false) @Nullable Integer page, Model model, HttpServletRequest request) {
		ContactForm form = edit == null ? ContactForm.empty()
				: ContactForm.of(this.contacts.draft(code, edit), this.contacts.get(code, edit).updatedAt());
		return page(code, edit, form, Map.of(), page, model, request);
	}

	@PostMapping
	String add(@PathVariable String code, @ModelAttribute ContactForm form, Model model, HttpServletRequest request,
			RedirectAttributes redirect) {
		try {
			Contact contact = this.contacts.add(code, form.toDraft());
			redirect.addFlashAttribute("flashSuccess",
					ActivityForms.message(this.messages, "customer.contact.added", contact.name()));
			return "redirect:/customers/{code}/contacts";
		}
		catch (InvalidInputException ex) {
			return page(code, null, form, ActivityForms.messages(ex, this.messages), null, model, request);
		}
	}

	@PostMapping("/{id}")
	String change(@PathVariable String code, @PathVariable long id, @ModelAttribute ContactForm form, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		try {
			Contact contact = this.contacts.change(code, id, form.toChange(), form.seenVersion());
			redirect.addFlashAttribute("flashSuccess",
					ActivityForms.message(this.messages, "customer.contact.saved", contact.name()));
			return "redirect:/customers/{code}/contacts";
		}
		catch (InvalidInputException ex) {
			return page(code, id, form, ActivityForms.messages(ex, this.messages), null, model, request);
		}
		catch (ConflictException ex) {
			model.addAttribute("flashWarning", ActivityForms.message(this.messages, ex.messageCode(), ex.arguments()));
			return page(code, id, form, Map.of(), null, model, request);
		}
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable String code, @PathVariable long id,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		this.contacts.delete(code, id, reason);
		redirect.addFlashAttribute("flashSuccess", ActivityForms.message(this.messages, "customer.contact.deleted"));
		return "redirect:/customers/{code}/contacts";
	}

	private String page(String code, @Nullable Long editing, ContactForm form, Map<String, String> errors,
			@Nullable Integer page, Model model, HttpServletRequest request) {
		CustomerDetails customer = this.customers.get(code);
		PageResult<Contact> contacts = this.contacts.list(code, Paging.of(page, null));
		model.addAttribute("customer", customer);
		model.addAttribute("contacts", contacts);
		model.addAttribute("pageUrls", ActivityForms.pageUrls(contacts, request));
		model.addAttribute("form", form);
		model.addAttribute("editing", editing);
		model.addAttribute("errors", errors);
		return "customer/contacts";
	}

	/** The contact form as typed: text, so that whatever was entered comes back. */
	public record ContactForm(@Nullable String name, @Nullable String title, @Nullable String phone,
			@Nullable String email, @Nullable String primary, @Nullable String consentGivenOn,
			@Nullable String consentPurpose, @Nullable String consentWithdrawnOn, @Nullable String version) {

		static ContactForm empty() {
			return new ContactForm(null, null, null, null, null, null, null, null, null);
		}

		/**
		 * The form for a contact as stored; {@code version} is the state the user saw.
		 */
		static ContactForm of(ContactDraft draft, Instant updatedAt) {
			return new ContactForm(draft.name(), draft.title(), draft.phone(), draft.email(),
					draft.primary() ? "true" : null,
					draft.consentGivenOn() == null ? null : draft.consentGivenOn().toString(), draft.consentPurpose(),
					draft.consentWithdrawnOn() == null ? null : draft.consentWithdrawnOn().toString(),
					updatedAt.toString());
		}

		@Nullable Instant seenVersion() {
			try {
				return this.version == null || this.version.isBlank() ? null : Instant.parse(this.version);
			}
			catch (java.time.format.DateTimeParseException ex) {
				return null;
			}
		}

		public boolean isPrimary() {
			return "true".equals(this.primary) || "on".equals(this.primary);
		}

		ContactDraft toDraft() {
			List<FieldProblem> problems = new ArrayList<>();
			ContactDraft draft = new ContactDraft(this.name == null ? "" : this.name, this.title, this.phone,
					this.email, isPrimary(), ActivityForms.date("consentGivenOn", this.consentGivenOn, problems),
					this.consentPurpose, ActivityForms.date("consentWithdrawnOn", this.consentWithdrawnOn, problems));
			ActivityForms.requireNone(problems);
			return draft;
		}

		ContactChange toChange() {
			ContactDraft draft = toDraft();
			// a form sends every field: an empty one clears it
			return new ContactChange(draft.name(), orEmpty(draft.title()), orEmpty(draft.phone()),
					orEmpty(draft.email()), draft.primary(), draft.consentGivenOn(), orEmpty(draft.consentPurpose()),
					draft.consentWithdrawnOn());
		}

		private static String orEmpty(@Nullable String text) {
			return text == null ? "" : text;
		}

	}

}
