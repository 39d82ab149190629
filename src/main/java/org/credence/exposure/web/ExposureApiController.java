package org.credence.exposure.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.credence.exposure.CheckRuleSet;
import org.credence.exposure.CheckRuleVersions;
import org.credence.exposure.CreditCheck;
import org.credence.exposure.CreditCheckRequest;
import org.credence.exposure.CreditChecks;
import org.credence.exposure.CreditHold;
import org.credence.exposure.CreditHolds;
import org.credence.exposure.Exposure;
import org.credence.exposure.Exposures;
import org.credence.exposure.Reason;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exposure API: a customer's exposure, the order-path credit check
 * ({@code POST/GET/DELETE /api/v1/credit-checks}, exactly as {@code shared/API.md} says),
 * the credit-hold queue and the credit check rules.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Exposure and credit checks",
		description = "Exposure (信用敞口) per customer and group, credit checks on the order path with their "
				+ "reservations, the credit-hold queue (信用冻结) and the credit check rules.")
class ExposureApiController {

	private final Exposures exposures;

	private final CreditChecks checks;

	private final CreditHolds holds;

	private final CheckRuleVersions rules;

	private final ReasonTexts texts;

	ExposureApiController(Exposures exposures, CreditChecks checks, CreditHolds holds, CheckRuleVersions rules,
			ReasonTexts texts) {
		this.exposures = exposures;
		this.checks = checks;
		this.holds = holds;
		this.rules = rules;
		this.texts = texts;
	}

	@GetMapping("/customers/{code}/exposure")
	@Operation(summary = "A customer's exposure today, with its composition and its group's",
			description = "total = openReceivables (open invoices less unapplied cash) + openOrders (those the rules "
					+ "count: within the delivery horizon) + reserved (approved checks whose order has not arrived). "
					+ "limit is the effective limit (temporary increases included), available = limit − total; both "
					+ "null without a line in force. group is null without a group or for sales.")
	ExposureJson exposure(@PathVariable String code) {
		return ExposureJson.of(this.exposures.of(code));
	}

	@PostMapping("/credit-checks")
	@Operation(summary = "May this order go? (exposure:check)",
			description = "200 {checkId, decision: APPROVED|WARNING|BLOCKED, reasons: [{code, message, severity}], "
					+ "exposure, limit, available, currency} — exposure and available as they stood before this "
					+ "order, in company currency. APPROVED and WARNING reserve the amount at once; BLOCKED reserves "
					+ "nothing and joins the credit-hold queue. The same orderRef with the same amount and currency "
					+ "returns the current decision; another amount is checked anew and replaces the reservation. "
					+ "409 when the orderRef was checked for another customer; 422 FX_RATE_MISSING.")
	CheckJson check(@RequestBody CheckRequest request) {
		return CheckJson.of(this.checks.check(request.toRequest()), this.texts);
	}

	@GetMapping("/credit-checks/{orderRef}")
	@Operation(summary = "The current decision for an order",
			description = "It changes when a held order is released (APPROVED with RELEASED_BY_MANAGER) or rejected "
					+ "(BLOCKED with REJECTED_BY_MANAGER); holdStatus tells where its hold stands.")
	CheckJson get(@PathVariable String orderRef) {
		return CheckJson.of(this.checks.get(orderRef), this.texts);
	}

	@DeleteMapping("/credit-checks/{orderRef}")
	@Operation(summary = "Release what an order reserved: the order was cancelled (exposure:check)",
			description = "The check stays, with reservation RELEASED; a pending hold of it is withdrawn. Repeating "
					+ "it changes nothing.")
	CheckJson cancel(@PathVariable String orderRef) {
		return CheckJson.of(this.checks.cancel(orderRef), this.texts);
	}

	@GetMapping("/customers/{code}/credit-checks")
	@Operation(summary = "A customer's latest credit checks, newest first")
	List<CheckJson> customerChecks(@PathVariable String code, @RequestParam(defaultValue = "50") int size) {
		return this.checks.forCustomer(code, size).stream().map(c -> CheckJson.of(c, this.texts)).toList();
	}

	@GetMapping("/credit-holds")
	@Operation(summary = "The credit-hold queue: pending holds oldest first, then decided ones",
			description = "status PENDING, RELEASED, REJECTED or WITHDRAWN (default: all); customerCode. Sales see "
					+ "their own customers' holds.")
	PageResult<HoldJson> holds(@RequestParam(required = false) CreditHold.@Nullable Status status,
			@RequestParam(required = false) @Nullable String customerCode, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return this.holds.search(status, customerCode, new Paging(page, size)).map(h -> HoldJson.of(h, this.texts));
	}

	@GetMapping("/credit-holds/{id}")
	@Operation(summary = "A held order")
	HoldJson hold(@PathVariable long id) {
		return HoldJson.of(this.holds.get(id), this.texts);
	}

	@PostMapping("/credit-holds/{id}/release")
	@Operation(summary = "Release a held order (exposure:holds)",
			description = "{reason, excessUntil?}. The amount is reserved; the check reads APPROVED. Above the limit "
					+ "this is a special approval (信用特批): excessUntil (up to 90 days on) is required, "
					+ "the reservation lapses then, and the approval matrix must let a credit manager approve an "
					+ "amount as large as the excess without the committee (422 SPECIAL_APPROVAL_NEEDS_COMMITTEE).")
	HoldJson release(@PathVariable long id, @RequestBody DecisionRequest request) {
		return HoldJson.of(this.holds.release(id, request.reason(), request.excessUntil()), this.texts);
	}

	@PostMapping("/credit-holds/{id}/reject")
	@Operation(summary = "Reject a held order (exposure:holds)", description = "{reason}. The check stays BLOCKED.")
	HoldJson reject(@PathVariable long id, @RequestBody DecisionRequest request) {
		return HoldJson.of(this.holds.reject(id, request.reason()), this.texts);
	}

	@GetMapping("/credit-check-rules")
	@Operation(summary = "The credit check rules in force (version 0: the built-in defaults)")
	RulesJson rulesInForce() {
		return RulesJson.of(this.rules.current());
	}

	@PutMapping("/credit-check-rules")
	@Operation(summary = "Save the credit check rules as a new version, in force at once (exposure:rules)",
			description = "The whole rule set, as GET returns it under rules, plus an optional note. Each rule is OFF, "
					+ "WARN or BLOCK. 400 names each wrong field.")
	RulesJson saveRules(@RequestBody RulesRequest request) {
		return RulesJson.of(this.rules.save(request.rules(), request.note()));
	}

	@PostMapping("/exposure/reconciliation")
	@Operation(summary = "Compare every kept position with a full recomputation; changes nothing",
			description = "{asOf, compared, differences: [{customerCode, keptTotal, recomputedTotal}]}")
	Exposures.Reconciliation reconcile() {
		return this.exposures.reconcile();
	}

	// ---- bodies ----

	record CheckRequest(@Nullable String customerCode, @Nullable String orderRef, @Nullable BigDecimal amount,
			@Nullable String currency) {

		CreditCheckRequest toRequest() {
			return new CreditCheckRequest(this.customerCode, this.orderRef, this.amount, this.currency);
		}

	}

	record DecisionRequest(@Nullable String reason, @Nullable LocalDate excessUntil) {
	}

	record RulesRequest(@Nullable CheckRuleSet rules, @Nullable String note) {
	}

	record ReasonJson(String code, String severity, String message) {

		static ReasonJson of(Reason reason, ReasonTexts texts) {
			return new ReasonJson(reason.code().name(),
					reason.mode() == org.credence.exposure.RuleMode.OFF ? "INFO" : reason.mode().name(),
					texts.text(reason));
		}

	}

	record CheckJson(long checkId, String orderRef, String customerCode, String decision, List<ReasonJson> reasons,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal exposure,
			@JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal limit,
			@JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal available, String currency,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String orderCurrency,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal companyAmount,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal reserved, String reservation,
			@Nullable LocalDate expiresOn, @Nullable Long holdId, @Nullable String holdStatus, Instant checkedAt,
			String checkedBy) {

		static CheckJson of(CreditCheck c, ReasonTexts texts) {
			return new CheckJson(c.checkId(), c.orderRef(), c.customerCode(), c.decision().name(),
					c.reasons().stream().map(r -> ReasonJson.of(r, texts)).toList(), c.exposure(), c.limit(),
					c.available(), c.companyCurrency(), c.amount(), c.currency(), c.companyAmount(), c.reserved(),
					c.reservation().name(), c.expiresOn(), c.holdId(), c.holdStatus(), c.checkedAt(), c.checkedBy());
		}

	}

	record HoldJson(long id, long checkId, String orderRef, String customerCode, @Nullable String customerName,
			@Nullable String ownerUsername, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
			String currency, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal companyAmount,
			List<ReasonJson> reasons, String status, Instant heldAt, @Nullable String decidedBy,
			@Nullable Instant decidedAt, @Nullable String decisionReason,
			@JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal excessAmount,
			@Nullable LocalDate excessUntil) {

		static HoldJson of(CreditHold h, ReasonTexts texts) {
			return new HoldJson(h.id(), h.checkId(), h.orderRef(), h.customerCode(), h.customerName(),
					h.ownerUsername(), h.amount(), h.currency(), h.companyAmount(),
					h.reasons().stream().map(r -> ReasonJson.of(r, texts)).toList(), h.status().name(), h.heldAt(),
					h.decidedBy(), h.decidedAt(), h.decisionReason(), h.excessAmount(), h.excessUntil());
		}

	}

	record RulesJson(int version, CheckRuleSet rules, @Nullable String note, String createdBy, Instant createdAt) {

		static RulesJson of(CheckRuleVersions.Version v) {
			return new RulesJson(v.version(), v.rules(), v.note(), v.createdBy(), v.createdAt());
		}

	}

	record GroupJson(String groupCode, String currency,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal openReceivables,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal openOrders,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal reserved,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total,
			@JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal limit,
			@JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal available,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal overdueAmount, int maxDaysOverdue, int members) {

		static @Nullable GroupJson of(Exposure.@Nullable GroupExposure g) {
			return g == null ? null
					: new GroupJson(g.groupCode(), g.currency(), g.openReceivables(), g.openOrders(), g.reserved(),
							g.total(), g.limit(), g.available(), g.overdueAmount(), g.maxDaysOverdue(), g.members());
		}

	}

	record ExposureJson(String customerCode, String currency,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal openReceivables,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal openOrders,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal reserved,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total,
			@JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal limit,
			@JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal available,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal overdueAmount, int maxDaysOverdue,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal openInvoices,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unappliedCash,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal ordersBeyondHorizon,
			@JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal utilisation, String lineState,
			boolean countOpenOrders, @Nullable Integer orderHorizonDays, LocalDate asOf, @Nullable GroupJson group) {

		static ExposureJson of(Exposure e) {
			return new ExposureJson(e.customerCode(), e.currency(), e.openReceivables(), e.openOrders(), e.reserved(),
					e.total(), e.limit(), e.available(), e.overdueAmount(), e.maxDaysOverdue(), e.openInvoices(),
					e.unappliedCash(), e.ordersBeyondHorizon(), e.utilisation(), e.lineState().name(),
					e.countOpenOrders(), e.orderHorizonDays(), e.asOf(), GroupJson.of(e.group()));
		}

	}

}
