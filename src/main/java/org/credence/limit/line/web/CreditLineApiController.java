package org.credence.limit.line.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.credence.limit.CreditLines;
import org.credence.limit.line.Collateral;
import org.credence.limit.line.CollateralDraft;
import org.credence.limit.line.Collaterals;
import org.credence.limit.line.GroupLimits;
import org.credence.limit.line.web.LineJson.CollateralJson;
import org.credence.limit.line.web.LineJson.CollateralRequest;
import org.credence.limit.line.web.LineJson.CoverRequest;
import org.credence.limit.line.web.LineJson.CreditLineJson;
import org.credence.limit.line.web.LineJson.GroupLimitJson;
import org.credence.limit.line.web.LineJson.GroupLimitRequest;
import org.credence.limit.line.web.LineJson.ReasonRequest;
import org.credence.limit.line.web.LineJson.VersionJson;
import org.credence.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
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
 * {@code /api/v1/customers/{code}/credit-line}: the line today or as of a day, its
 * history, suspension and reinstatement, its cover requirement and collateral; and
 * {@code /api/v1/groups/{groupCode}/limit}. Sales see only their own customers' lines;
 * another owner's customer is not found.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Credit lines",
		description = "A customer's credit line (授信额度) as of any day, its history, collateral and group limit.")
class CreditLineApiController {

	private final CreditLines lines;

	private final Collaterals collaterals;

	private final GroupLimits groupLimits;

	private final Clock clock;

	CreditLineApiController(CreditLines lines, Collaterals collaterals, GroupLimits groupLimits, Clock clock) {
		this.lines = lines;
		this.collaterals = collaterals;
		this.groupLimits = groupLimits;
		this.clock = clock;
	}

	@GetMapping("/customers/{code}/credit-line")
	@Operation(summary = "A customer's credit line today or as of a day",
			description = "{limit, currency, termsDays, validFrom, validTo, status} plus effectiveLimit (with the "
					+ "temporary increases in force), temporaryIncreases (in force or still to come), "
					+ "securedAmount, requiredCoverRatio, coverShortfall, suspendedReason and asOf. "
					+ "status is ACTIVE, SUSPENDED or EXPIRED (after validTo). 404 when the customer had no line "
					+ "on that day.")
	CreditLineJson line(@PathVariable String code, @Parameter(description = "YYYY-MM-DD, default today") @RequestParam(
			required = false) @Nullable LocalDate asOf) {
		LocalDate day = asOf == null ? LocalDate.now(this.clock) : asOf;
		return this.lines.asOf(code, day)
			.map(CreditLineJson::of)
			.orElseThrow(() -> new NotFoundException("limit.line.not-found", code));
	}

	@GetMapping("/customers/{code}/credit-line/history")
	@Operation(summary = "Every change to the customer's credit lines, newest recorded first",
			description = "Each version is the whole line from effectiveFrom on: change (GRANTED, INCREASED, "
					+ "DECREASED, RENEWED, TEMPORARY_ADDED, SUSPENDED, REINSTATED, COVER_REQUIRED), who recorded "
					+ "it and when.")
	List<VersionJson> history(@PathVariable String code) {
		return this.lines.history(code).stream().map(VersionJson::of).toList();
	}

	@PostMapping("/customers/{code}/credit-line/suspension")
	@Operation(summary = "Suspend the customer's credit line at once (limit:lines)",
			description = "400 without a reason; 404 without a line; 422 CREDIT_LINE_SUSPENDED or "
					+ "CREDIT_LINE_EXPIRED.")
	CreditLineJson suspend(@PathVariable String code, @RequestBody ReasonRequest request) {
		return CreditLineJson.of(this.lines.suspend(code, request.reason()));
	}

	@PostMapping("/customers/{code}/credit-line/reinstatement")
	@Operation(summary = "Reinstate the customer's suspended credit line at once (limit:lines)",
			description = "400 without a reason; 404 without a line; 422 CREDIT_LINE_NOT_SUSPENDED or "
					+ "CREDIT_LINE_EXPIRED.")
	CreditLineJson reinstate(@PathVariable String code, @RequestBody ReasonRequest request) {
		return CreditLineJson.of(this.lines.reinstate(code, request.reason()));
	}

	@PutMapping("/customers/{code}/credit-line/cover-requirement")
	@Operation(summary = "Require collateral covering a share of the limit, or lift the requirement (limit:lines)",
			description = "coverRatio is the secured amount over the limit (0.5 = half); null or 0 lifts it. The line "
					+ "is flagged coverShortfall while its collateral in force secures less.")
	CreditLineJson requireCover(@PathVariable String code, @RequestBody CoverRequest request) {
		return CreditLineJson.of(this.lines.requireCover(code, request.coverRatio(), request.reason()));
	}

	@GetMapping("/customers/{code}/collateral")
	@Operation(summary = "The customer's collateral and guarantees, in force first, released last")
	List<CollateralJson> collateral(@PathVariable String code) {
		LocalDate today = LocalDate.now(this.clock);
		return this.collaterals.list(code).stream().map(c -> CollateralJson.of(c, today)).toList();
	}

	@PostMapping("/customers/{code}/collateral")
	@Operation(summary = "Record a collateral or guarantee, in force from today (limit:collateral)",
			description = "type DEPOSIT, BANK_GUARANTEE, MORTGAGE, THIRD_PARTY_GUARANTEE or CREDIT_INSURANCE; value "
					+ "> 0; currency (default the company currency); haircutPercent 0–100; validTo (none: until "
					+ "released); provider; reference; note. It secures value × (1 − haircut) while in force.")
	ResponseEntity<CollateralJson> addCollateral(@PathVariable String code, @RequestBody CollateralRequest request) {
		Collateral added = this.collaterals.add(code,
				new CollateralDraft(request.type(), request.value(), request.currency(), request.haircutPercent(),
						request.validTo(), request.provider(), request.reference(), request.note()));
		return ResponseEntity.created(URI.create("/api/v1/customers/" + code + "/collateral/" + added.id()))
			.body(CollateralJson.of(added, LocalDate.now(this.clock)));
	}

	@DeleteMapping("/customers/{code}/collateral/{id}")
	@Operation(summary = "Release a collateral or guarantee at once, with a reason (limit:collateral)",
			description = "It is kept, marked released, and secures nothing from today on. 422 COLLATERAL_RELEASED "
					+ "when already released.")
	CollateralJson releaseCollateral(@PathVariable String code, @PathVariable long id,
			@RequestParam(required = false) @Nullable String reason) {
		return CollateralJson.of(this.collaterals.release(code, id, reason), LocalDate.now(this.clock));
	}

	@GetMapping("/groups/{groupCode}/limit")
	@Operation(summary = "A customer group's limit (集团额度) with the sum of its members' limits",
			description = "404 when the caller sees no member of the group. members lists only those the caller "
					+ "may see; memberLimits sums every member's line that has not expired, and is (like headroom) null for a caller who may not see every member; exceeded is told to every caller.")
	GroupLimitJson groupLimit(@PathVariable String groupCode) {
		return GroupLimitJson.of(this.groupLimits.forGroup(groupCode));
	}

	@PutMapping("/groups/{groupCode}/limit")
	@Operation(summary = "Set a customer group's limit, or remove it without an amount (limit:lines)")
	GroupLimitJson setGroupLimit(@PathVariable String groupCode, @RequestBody GroupLimitRequest request) {
		return GroupLimitJson
			.of(this.groupLimits.set(groupCode, request.amount(), request.currency(), request.reason()));
	}

}
