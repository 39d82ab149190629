package org.credence.customer.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.credence.customer.BlacklistEntry;
import org.credence.customer.CustomerDetails;
import org.credence.customer.CustomerQuery;
import org.credence.customer.CustomerStatus;
import org.credence.customer.Customers;
import org.credence.customer.Industry;
import org.credence.customer.Registration;
import org.credence.identity.AuditEntry;
import org.credence.identity.AuditQuery;
import org.credence.identity.AuditTrail;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer endpoints of the public API ({@code ../shared/API.md}, "Customers"), and
 * the blacklist.
 */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "Credit files of customers, addressed by the ERP's customer code")
class CustomerApiController {

	private final Customers customers;

	private final AuditTrail auditTrail;

	CustomerApiController(Customers customers, AuditTrail auditTrail) {
		this.customers = customers;
		this.auditTrail = auditTrail;
	}

	@PostMapping
	@Operation(summary = "Open a credit file",
			description = "A CN customer's USCC must pass the GB 32100-2015 check digit. The answer lists "
					+ "`warnings` when the customer resembles a blacklisted one.")
	ResponseEntity<CustomerJson> register(@RequestBody CustomerRequest request) {
		Registration registration = this.customers.register(request.toDraft());
		CustomerDetails customer = registration.customer();
		return ResponseEntity.created(URI.create("/api/v1/customers/" + customer.code()))
			.body(CustomerJson.of(customer, registration.warnings()));
	}

	@GetMapping("/{code}")
	@Operation(summary = "A customer with its grade, risk class, blacklist mark and status")
	CustomerJson customer(@PathVariable String code) {
		return CustomerJson.of(this.customers.get(code));
	}

	@GetMapping
	@Operation(summary = "Customers in the caller's data scope, one page")
	PageResult<CustomerJson> customers(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String grade,
			@RequestParam(required = false) @Nullable String riskClass,
			@RequestParam(required = false) @Nullable String ownerUsername,
			@RequestParam(required = false) @Nullable CustomerStatus status,
			@RequestParam(required = false) @Nullable Industry industry,
			@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String groupCode,
			@RequestParam(required = false) @Nullable Boolean blacklisted,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false, defaultValue = "false") boolean descending,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		CustomerQuery query = new CustomerQuery(q, status, industry, region, ownerUsername, blacklisted, grade,
				riskClass, groupCode, sort, descending);
		return this.customers.search(query, Paging.of(page, size)).map(CustomerJson::of);
	}

	@PatchMapping("/{code}")
	@Operation(summary = "Change some fields of a credit file; the code never changes")
	CustomerJson change(@PathVariable String code, @RequestBody CustomerRequest request) {
		return CustomerJson.of(this.customers.change(code, request.toChange()));
	}

	@GetMapping("/{code}/blacklist-entries")
	@Operation(summary = "The customer's blacklist entries, current and past")
	List<BlacklistEntry> blacklistHistory(@PathVariable String code) {
		return this.customers.blacklistHistory(code);
	}

	@PostMapping("/{code}/blacklist-entries")
	@Operation(summary = "Put the customer on the blacklist (credit managers)")
	ResponseEntity<BlacklistEntry> blacklist(@PathVariable String code, @RequestBody BlacklistRequest request) {
		BlacklistEntry entry = this.customers.blacklist(code, request.reason() == null ? "" : request.reason(),
				request.evidence(), request.expiresOn());
		return ResponseEntity.status(201).body(entry);
	}

	@PostMapping("/{code}/blacklist-removals")
	@Operation(summary = "Take the customer off the blacklist (credit managers), with a reason")
	CustomerJson removeFromBlacklist(@PathVariable String code, @RequestBody BlacklistRequest request) {
		this.customers.removeFromBlacklist(code, request.reason() == null ? "" : request.reason());
		return CustomerJson.of(this.customers.get(code));
	}

	@GetMapping("/{code}/audit")
	@Operation(summary = "The audit trail of the customer's credit file, newest first")
	PageResult<AuditEntry> audit(@PathVariable String code, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		CustomerDetails customer = this.customers.get(code);
		return this.auditTrail.entries(AuditQuery.forSubject(customer.auditSubject()), Paging.of(page, size));
	}

	record BlacklistRequest(@Nullable String reason, @Nullable String evidence, @Nullable LocalDate expiresOn) {
	}

}
