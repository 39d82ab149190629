package org.credence.identity.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.credence.identity.AuditEntry;
import org.credence.identity.AuditQuery;
import org.credence.identity.AuditTrail;
import org.credence.identity.ChainVerification;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import static org.credence.identity.web.AuditApiController.blankToNull;

/**
 * The global audit trail for auditors: filters and paging kept in the URL, newest first,
 * and the verification of the hash chain.
 */
@Controller
@RequestMapping("/admin/audit")
@PreAuthorize("hasAuthority('identity:audit')")
class AuditAdminController {

	private final AuditTrail auditTrail;

	private final MessageSource messages;

	AuditAdminController(AuditTrail auditTrail, MessageSource messages) {
		this.auditTrail = auditTrail;
		this.messages = messages;
	}

	@GetMapping
	String audit(@RequestParam(required = false) @Nullable String subject,
			@RequestParam(required = false) @Nullable String entityType,
			@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size, Model model) {
		AuditQuery query = new AuditQuery(blankToNull(subject), blankToNull(entityType), blankToNull(actor), from, to);
		PageResult<AuditEntry> entries = this.auditTrail.entries(query, Paging.of(page, size));
		model.addAttribute("query", query);
		model.addAttribute("entries", entries);
		model.addAttribute("previousUrl",
				entries.hasPrevious() ? pageUrl(query, entries.size(), entries.page() - 1) : null);
		model.addAttribute("nextUrl", entries.hasNext() ? pageUrl(query, entries.size(), entries.page() + 1) : null);
		return "identity/audit";
	}

	@PostMapping("/verification")
	String verify(RedirectAttributes redirect, Locale locale) {
		ChainVerification verification = this.auditTrail.verify();
		if (verification.intact()) {
			redirect.addFlashAttribute("flashSuccess",
					this.messages.getMessage("identity.audit.intact", new Object[] { verification.checked() }, locale));
		}
		else {
			String problem = this.messages.getMessage("identity.audit.problem." + verification.problem(), null,
					String.valueOf(verification.problem()), locale);
			redirect.addFlashAttribute("flashWarning", this.messages.getMessage("identity.audit.broken",
					new Object[] { String.valueOf(verification.brokenAt()), problem }, locale));
		}
		return "redirect:/admin/audit";
	}

	/** The URL of another page of the same filtered list. */
	private static String pageUrl(AuditQuery query, int size, int page) {
		return UriComponentsBuilder.fromPath("/admin/audit")
			.queryParamIfPresent("subject", Optional.ofNullable(query.subject()))
			.queryParamIfPresent("entityType", Optional.ofNullable(query.entityType()))
			.queryParamIfPresent("actor", Optional.ofNullable(query.actor()))
			.queryParamIfPresent("from", Optional.ofNullable(query.from()))
			.queryParamIfPresent("to", Optional.ofNullable(query.to()))
			.queryParam("size", size)
			.queryParam("page", page)
			.encode()
			.build()
			.toUriString();
	}

}
