package org.credence.receivable.web;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.credence.receivable.BankReceipt;
import org.credence.receivable.BankReceiptStatus;
import org.credence.receivable.BankReceipts;
import org.credence.shared.InvalidInputException;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/bank-receipts}: money from imported bank statements, and the queue. */
@RestController
@RequestMapping("/api/v1/bank-receipts")
@Tag(name = "Bank receipts",
		description = "Credit lines of imported bank statements (POST /api/v1/imports/bank-statements): matched "
				+ "to a customer and recorded as payments, or waiting in the unmatched receipts queue")
class BankReceiptApiController {

	private final BankReceipts receipts;

	BankReceiptApiController(BankReceipts receipts) {
		this.receipts = receipts;
	}

	@GetMapping
	@Operation(summary = "Receipts of a status, oldest booking first",
			description = "status UNMATCHED lists the queue; MATCHED, ASSIGNED and DISMISSED the others; "
					+ "without status all. The queue (UNMATCHED, DISMISSED) is for FINANCE and auditors (403 to "
					+ "others); others see only MATCHED and ASSIGNED receipts of the customers in their data scope. "
					+ "reasonCode is a code, reasonDetail is in the caller's language.")
	PageResult<BankReceipt> receipts(
			@Parameter(description = "UNMATCHED, MATCHED, ASSIGNED or DISMISSED") @RequestParam(
					required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return this.receipts.receipts(status(status), Paging.of(page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A receipt and what became of it",
			description = "404 when unknown, or when the caller may not see the queue and the receipt waits, was "
					+ "dismissed, or is of a customer outside the caller's data scope.")
	BankReceipt receipt(@PathVariable long id) {
		return this.receipts.receipt(id);
	}

	@PostMapping("/{id}/assignment")
	@Operation(summary = "Assign a waiting receipt to a customer (FINANCE): it becomes the customer's payment",
			description = "Allocated to the invoices named, each taking what is open of it, or else oldest due first. "
					+ "422 RECEIPT_DECIDED when the receipt no longer waits; FX_RATE_MISSING when its currency has no "
					+ "rate on the booking date.")
	BankReceipt assign(@PathVariable long id, @RequestBody AssignmentRequest request) {
		return this.receipts.assign(id, request.customerCode(), request.invoiceNumbers());
	}

	@PostMapping("/{id}/dismissal")
	@Operation(summary = "Dismiss a waiting receipt as no customer's payment, with a reason (FINANCE)")
	BankReceipt dismiss(@PathVariable long id, @RequestBody DismissalRequest request) {
		return this.receipts.dismiss(id, request.reason());
	}

	private static @Nullable BankReceiptStatus status(@Nullable String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return BankReceiptStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("status", "receivable.bank-receipt.status.unknown", status);
		}
	}

	/** The customer a receipt belongs to, and optionally the invoices it pays. */
	record AssignmentRequest(@Nullable String customerCode, @Nullable List<String> invoiceNumbers) {
	}

	/** Why a receipt is no customer's payment. */
	record DismissalRequest(@Nullable String reason) {
	}

}
