package org.credence.customer.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.credence.customer.contact.Contact;
import org.credence.customer.contact.ContactChange;
import org.credence.customer.contact.ContactDraft;
import org.credence.customer.contact.Contacts;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Contact persons of a customer over the API. */
@RestController
@RequestMapping("/api/v1/customers/{code}/contacts")
@Tag(name = "Contacts",
		description = "Contact persons of a customer; personal data masked for readers without the right to see it")
class ContactApiController {

	private final Contacts contacts;

	ContactApiController(Contacts contacts) {
		this.contacts = contacts;
	}

	@GetMapping
	@Operation(summary = "List a customer's contacts, the primary one first",
			description = "name, phone and email are clear for callers allowed to see personal data, masked (李*, 138****5678) for others.")
	PageResult<Contact> list(@PathVariable String code, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return this.contacts.list(code, Paging.of(page, size));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a contact person",
			description = "Only name is required. Consent needs a purpose; a primary contact replaces the previous one. Needs customer:write.")
	Contact add(@PathVariable String code, @RequestBody ContactRequest request) {
		return this.contacts.add(code, request.toDraft());
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change some fields of a contact",
			description = "Absent fields stay as they are; an empty text clears an optional field.")
	Contact change(@PathVariable String code, @PathVariable long id, @RequestBody ContactChange change) {
		return this.contacts.change(code, id, change);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a contact and its personal data",
			description = "The audit trail keeps its masked state and the reason.")
	void delete(@PathVariable String code, @PathVariable long id,
			@RequestParam(required = false) @Nullable String reason) {
		this.contacts.delete(code, id, reason);
	}

	/** A contact person to add. */
	record ContactRequest(@Nullable String name, @Nullable String title, @Nullable String phone, @Nullable String email,
			@Nullable Boolean primary, @Nullable LocalDate consentGivenOn, @Nullable String consentPurpose,
			@Nullable LocalDate consentWithdrawnOn) {

		ContactDraft toDraft() {
			return new ContactDraft(this.name == null ? "" : this.name, this.title, this.phone, this.email,
					Boolean.TRUE.equals(this.primary), this.consentGivenOn, this.consentPurpose,
					this.consentWithdrawnOn);
		}

	}

}
