package org.credence.identity.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.credence.identity.AuditEntry;
import org.credence.identity.AuditQuery;
import org.credence.identity.AuditTrail;
import org.credence.identity.ChainVerification;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for auditors ({@code identity:audit}): entries newest first, and the
 * verification of the hash chain. {@code before} and {@code after} are the JSON text
 * exactly as hashed, so a reader can re-compute each entry's hash.
 */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasAuthority('identity:audit')")
@Tag(name = "Audit trail", description = "The tamper-evident record of every change")
class AuditApiController {

	private final AuditTrail auditTrail;

	AuditApiController(AuditTrail auditTrail) {
		this.auditTrail = auditTrail;
	}

	@GetMapping
	@Operation(summary = "List audit entries",
			description = "Newest first. Filters: subject (e.g. customer/HD-0001), entityType, actor, "
					+ "from and to (dates in the company time zone, both inclusive).")
	PageResult<AuditEntry> entries(@RequestParam(required = false) @Nullable String subject,
			@RequestParam(required = false) @Nullable String entityType,
			@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return this.auditTrail.entries(
				new AuditQuery(blankToNull(subject), blankToNull(entityType), blankToNull(actor), from, to),
				Paging.of(page, size));
	}

	@GetMapping("/verification")
	@Operation(summary = "Verify the hash chain",
			description = "Re-computes every entry's hash in order; names the first entry that does not match.")
	ChainVerification verification() {
		return this.auditTrail.verify();
	}

	static @Nullable String blankToNull(@Nullable String value) {
		return StringUtils.hasText(value) ? value.strip() : null;
	}

}
