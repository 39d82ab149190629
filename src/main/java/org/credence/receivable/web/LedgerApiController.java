package org.credence.receivable.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.credence.receivable.CreditNoteEntry;
import org.credence.receivable.InvoiceEntry;
import org.credence.receivable.OrderEntry;
import org.credence.receivable.OrderStatus;
import org.credence.receivable.PaymentEntry;
import org.credence.receivable.Receivables;
import org.credence.receivable.Recorded;
import org.credence.receivable.web.LedgerJson.CreditNoteJson;
import org.credence.receivable.web.LedgerJson.InvoiceJson;
import org.credence.receivable.web.LedgerJson.OrderJson;
import org.credence.receivable.web.LedgerJson.PaymentJson;
import org.credence.receivable.web.LedgerJson.WriteOffJson;
import org.credence.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orders, invoices, payments and credit notes of the public API
 * ({@code ../shared/API.md}, "Receivables"), with reversals, disputes and write-offs. A
 * write answers 201 with the new record, or 200 with the stored one when the same
 * {@code externalId} came before with the same content.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Receivables", description = "The receivables ledger: orders, invoices, payments, credit notes")
class LedgerApiController {

	private final Receivables receivables;

	LedgerApiController(Receivables receivables) {
		this.receivables = receivables;
	}

	@PostMapping("/orders")
	@Operation(summary = "Record an order (idempotent by externalId; re-sending it with another status changes it)")
	ResponseEntity<OrderJson> recordOrder(@RequestBody OrderRequest request) {
		return answer(this.receivables.recordOrder(request.toEntry()), OrderJson::of,
				o -> "/api/v1/orders/" + o.number());
	}

	@GetMapping("/orders/{number}")
	@Operation(summary = "An order with its invoiced and open value")
	OrderJson order(@PathVariable String number) {
		return OrderJson.of(this.receivables.order(number));
	}

	@GetMapping("/customers/{code}/orders")
	@Operation(summary = "A customer's orders, newest first")
	List<OrderJson> orders(@PathVariable String code) {
		return this.receivables.orders(code).stream().map(OrderJson::of).toList();
	}

	@PostMapping("/invoices")
	@Operation(summary = "Record an invoice (idempotent by externalId)",
			description = "Refused with 422 FX_RATE_MISSING when its currency has no rate on the issue date.")
	ResponseEntity<InvoiceJson> recordInvoice(@RequestBody InvoiceEntry entry) {
		return answer(this.receivables.recordInvoice(entry), InvoiceJson::of, i -> "/api/v1/invoices/" + i.number());
	}

	@GetMapping("/invoices/{number}")
	@Operation(summary = "An invoice with its open amount and what settled it")
	InvoiceJson invoice(@PathVariable String number) {
		return InvoiceJson.of(this.receivables.invoice(number), this.receivables.allocations(number));
	}

	@GetMapping("/customers/{code}/invoices")
	@Operation(summary = "A customer's invoices, oldest due first")
	List<InvoiceJson> invoices(@PathVariable String code) {
		return this.receivables.invoices(code).stream().map(InvoiceJson::of).toList();
	}

	@PostMapping("/invoices/{number}/dispute")
	@Operation(summary = "Mark an invoice disputed by the customer, with a reason")
	InvoiceJson dispute(@PathVariable String number, @RequestBody ReasonRequest request) {
		return InvoiceJson.of(this.receivables.dispute(number, request.reason()));
	}

	@PostMapping("/invoices/{number}/dispute-resolution")
	@Operation(summary = "Resolve an invoice's dispute, saying how")
	InvoiceJson resolveDispute(@PathVariable String number, @RequestBody ReasonRequest request) {
		return InvoiceJson.of(this.receivables.resolveDispute(number, request.reason()));
	}

	@PostMapping("/invoices/{number}/write-offs")
	@Operation(summary = "Propose to write off an invoice's open balance (FINANCE); another person approves")
	ResponseEntity<WriteOffJson> proposeWriteOff(@PathVariable String number, @RequestBody ReasonRequest request) {
		WriteOffJson writeOff = WriteOffJson.of(this.receivables.proposeWriteOff(number, request.reason()));
		return ResponseEntity.created(URI.create("/api/v1/write-offs/" + writeOff.id())).body(writeOff);
	}

	@GetMapping("/write-offs")
	@Operation(summary = "Write-off proposals waiting for a decision, oldest first")
	List<WriteOffJson> pendingWriteOffs() {
		return this.receivables.pendingWriteOffs().stream().map(WriteOffJson::of).toList();
	}

	@GetMapping("/write-offs/{id}")
	@Operation(summary = "A write-off proposal and its decision")
	WriteOffJson writeOff(@PathVariable long id) {
		return WriteOffJson.of(this.receivables.writeOff(id));
	}

	@PostMapping("/write-offs/{id}/approval")
	@Operation(summary = "Approve a write-off (credit managers; not the person who proposed it)")
	WriteOffJson approveWriteOff(@PathVariable long id,
			@RequestBody(required = false) @Nullable ReasonRequest request) {
		return WriteOffJson.of(this.receivables.approveWriteOff(id, request == null ? null : request.reason()));
	}

	@PostMapping("/write-offs/{id}/rejection")
	@Operation(summary = "Reject a write-off, saying why")
	WriteOffJson rejectWriteOff(@PathVariable long id, @RequestBody ReasonRequest request) {
		return WriteOffJson.of(this.receivables.rejectWriteOff(id, request.reason()));
	}

	@PostMapping("/payments")
	@Operation(summary = "Record a payment (idempotent by externalId)",
			description = "Without allocations it is applied oldest due first; a remainder stays as unapplied cash. "
					+ "An allocation above an invoice's open amount is refused with 422 ALLOCATION_EXCEEDS_OPEN.")
	ResponseEntity<PaymentJson> recordPayment(@RequestBody PaymentEntry entry) {
		return answer(this.receivables.recordPayment(entry), PaymentJson::of,
				p -> "/api/v1/payments/" + p.externalId());
	}

	@GetMapping("/payments/{externalId}")
	@Operation(summary = "A payment with its allocations")
	PaymentJson payment(@PathVariable String externalId) {
		return PaymentJson.of(this.receivables.payment(externalId));
	}

	@GetMapping("/customers/{code}/payments")
	@Operation(summary = "A customer's payments with their allocations, newest first")
	List<PaymentJson> payments(@PathVariable String code) {
		return this.receivables.payments(code).stream().map(PaymentJson::of).toList();
	}

	@PostMapping("/payments/{externalId}/reversal")
	@Operation(summary = "Reverse a bounced payment, with a reason: the invoices it paid are open again")
	PaymentJson reversePayment(@PathVariable String externalId, @RequestBody ReasonRequest request) {
		return PaymentJson.of(this.receivables.reversePayment(externalId, request.reason()));
	}

	@PostMapping("/credit-notes")
	@Operation(summary = "Record a credit note (idempotent by externalId)")
	ResponseEntity<CreditNoteJson> recordCreditNote(@RequestBody CreditNoteEntry entry) {
		return answer(this.receivables.recordCreditNote(entry), CreditNoteJson::of,
				c -> "/api/v1/credit-notes/" + c.number());
	}

	@GetMapping("/credit-notes/{number}")
	@Operation(summary = "A credit note with its allocations")
	CreditNoteJson creditNote(@PathVariable String number) {
		return CreditNoteJson.of(this.receivables.creditNote(number));
	}

	@GetMapping("/customers/{code}/credit-notes")
	@Operation(summary = "A customer's credit notes, newest first")
	List<CreditNoteJson> creditNotes(@PathVariable String code) {
		return this.receivables.creditNotes(code).stream().map(CreditNoteJson::of).toList();
	}

	private static <T, J> ResponseEntity<J> answer(Recorded<T> recorded, Function<T, J> json,
			Function<T, String> location) {
		J body = json.apply(recorded.record());
		return recorded.created() ? ResponseEntity.created(URI.create(location.apply(recorded.record()))).body(body)
				: ResponseEntity.ok(body);
	}

	record OrderRequest(@Nullable String externalId, @Nullable String customerCode, @Nullable String number,
			@Nullable BigDecimal amount, @Nullable String currency, @Nullable LocalDate orderDate,
			@Nullable String status, @Nullable LocalDate deliveryDate) {

		OrderEntry toEntry() {
			OrderStatus parsed = null;
			if (this.status != null && !this.status.isBlank()) {
				try {
					parsed = OrderStatus.valueOf(this.status.strip().toUpperCase(Locale.ROOT));
				}
				catch (IllegalArgumentException ex) {
					throw new InvalidInputException("status", "receivable.order.status.unknown", this.status);
				}
			}
			return new OrderEntry(this.externalId, this.customerCode, this.number, this.amount, this.currency,
					this.orderDate, parsed, this.deliveryDate);
		}

	}

	record ReasonRequest(@Nullable String reason) {
	}

}
