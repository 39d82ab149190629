package org.credence.receivable;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.identity.AuditRecord;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.receivable.PaymentEntry.RequestedAllocation;
import org.credence.receivable.aging.AgingRepository;
import org.credence.receivable.aging.BehaviourPolicy;
import org.credence.receivable.ledger.AllocationPolicy;
import org.credence.receivable.ledger.AllocationPolicy.Candidate;
import org.credence.receivable.ledger.AllocationPolicy.Share;
import org.credence.receivable.ledger.Entries;
import org.credence.receivable.ledger.LedgerRepository;
import org.credence.receivable.ledger.LedgerRepository.Source;
import org.credence.shared.ConflictException;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.NotFoundException;
import org.credence.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The receivables ledger (应收账款): orders, invoices, payments and credit notes as the ERP
 * and the bank send them, the allocations that settle invoices, payment reversals,
 * disputes and write-offs; and the payment behaviour derived from it all.
 * <p>
 * Writes from other systems are idempotent by {@code externalId} per kind of document:
 * the same id with the same content returns the stored record, with other content it is
 * refused as a conflict, never silently overwritten. (An order may change only its status
 * that way: the order system re-sends it when it is cancelled or closed.) Every write is
 * audited on the customer's credit file and announced by an event in the same
 * transaction. Reads and writes apply the caller's customer data scope: to sales, another
 * owner's customer and its documents do not exist.
 */
@Service
public class Receivables {

	private final LedgerRepository ledger;

	private final AgingRepository agingRepository;

	private final Customers customers;

	private final FxRates fxRates;

	private final CurrentUser currentUser;

	private final AuditTrail auditTrail;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Receivables(LedgerRepository ledger, AgingRepository agingRepository, Customers customers, FxRates fxRates,
			CurrentUser currentUser, AuditTrail auditTrail, ApplicationEventPublisher events, Clock clock) {
		this.ledger = ledger;
		this.agingRepository = agingRepository;
		this.customers = customers;
		this.fxRates = fxRates;
		this.currentUser = currentUser;
		this.auditTrail = auditTrail;
		this.events = events;
		this.clock = clock;
	}

	// orders

	/**
	 * Records an order, or changes the status of one sent before with the same external
	 * id.
	 * @throws InvalidInputException naming each missing or malformed field
	 * @throws NotFoundException when the customer is unknown or outside the caller's
	 * scope
	 * @throws ConflictException when the external id was used with other content, or the
	 * number by another order
	 * @throws RuleViolationException {@code FX_RATE_MISSING} for a currency without a
	 * rate on the order date
	 */
	@Transactional
	public Recorded<Order> recordOrder(OrderEntry entry) {
		this.currentUser.require(Permission.RECEIVABLE_WRITE);
		List<FieldProblem> problems = new ArrayList<>();
		String externalId = Entries.text("externalId", entry.externalId(), 100, problems);
		String code = Entries.text("customerCode", entry.customerCode(), 64, problems);
		String number = Entries.text("number", entry.number(), 64, problems);
		BigDecimal amount = Entries.amount("amount", entry.amount(), problems);
		String currency = Entries.currency("currency", entry.currency(), problems);
		LocalDate orderDate = Entries.date("orderDate", entry.orderDate(), problems);
		LocalDate sentDelivery = entry.deliveryDate();
		OrderStatus status = entry.status() == null ? OrderStatus.OPEN : entry.status();
		Entries.requireNone(problems);
		CustomerDetails customer = this.customers.get(code);
		this.ledger.lockCustomer(code);
		Optional<Order> existing = this.ledger.orderByExternalId(externalId);
		// an order sent again without a delivery date keeps the one it had
		LocalDate deliveryDate = sentDelivery != null ? sentDelivery : existing.map(Order::deliveryDate).orElse(null);
		if (existing.isPresent()) {
			Order order = existing.get();
			if (!order.customerCode().equals(code) || !order.number().equals(number)
					|| order.amount().compareTo(amount) != 0 || !order.currency().equals(currency)
					|| !order.orderDate().equals(orderDate)) {
				throw new ConflictException("receivable.external-id.conflict", externalId);
			}
			if (order.status() == status && Objects.equals(order.deliveryDate(), deliveryDate)) {
				return new Recorded<>(order, false);
			}
			this.ledger.changeOrder(order.id(), status, deliveryDate);
			Order changed = this.ledger.orderByExternalId(externalId).orElseThrow();
			Map<String, Object> before = new LinkedHashMap<>();
			before.put("status", order.status().name());
			before.put("deliveryDate", Objects.toString(order.deliveryDate(), null));
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("status", status.name());
			after.put("deliveryDate", Objects.toString(deliveryDate, null));
			this.auditTrail.record(AuditRecord.changed(customer.auditSubject(), "order", number, before, after));
			publish(changed);
			return new Recorded<>(changed, false);
		}
		if (this.ledger.orderByNumber(number).isPresent()) {
			throw new ConflictException("receivable.order.number.exists", number);
		}
		BigDecimal rate = this.fxRates.rateOn(currency, orderDate);
		try {
			this.ledger.insertOrder(externalId, code, number, amount, currency, rate, orderDate, deliveryDate, status,
					this.currentUser.username(), this.clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("receivable.external-id.conflict", externalId);
		}
		Order order = this.ledger.orderByExternalId(externalId).orElseThrow();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("externalId", externalId);
		after.put("amount", amount.toPlainString());
		after.put("currency", currency);
		after.put("fxRate", rate.toPlainString());
		after.put("orderDate", orderDate.toString());
		after.put("deliveryDate", Objects.toString(deliveryDate, null));
		after.put("status", status.name());
		this.auditTrail.record(AuditRecord.created(customer.auditSubject(), "order", number, after));
		publish(order);
		return new Recorded<>(order, true);
	}

	private void publish(Order order) {
		this.events.publishEvent(new OrderRecorded(order.customerCode(), order.number(), order.amount(),
				order.currency(), order.companyOpenAmount(), order.orderDate(), order.status(), order.deliveryDate()));
	}

	// invoices

	/**
	 * Records an invoice at the FX rate of its issue date; an invoice naming an order
	 * reduces that order's open value.
	 * @throws InvalidInputException naming each missing or malformed field, a due date
	 * before the issue date, or an order that the customer does not have
	 * @throws NotFoundException when the customer is unknown or outside the caller's
	 * scope
	 * @throws ConflictException when the external id was used with other content, or the
	 * number by another invoice
	 * @throws RuleViolationException {@code FX_RATE_MISSING}
	 */
	@Transactional
	public Recorded<Invoice> recordInvoice(InvoiceEntry entry) {
		this.currentUser.require(Permission.RECEIVABLE_WRITE);
		List<FieldProblem> problems = new ArrayList<>();
		String externalId = Entries.text("externalId", entry.externalId(), 100, problems);
		String code = Entries.text("customerCode", entry.customerCode(), 64, problems);
		String number = Entries.text("number", entry.number(), 64, problems);
		BigDecimal amount = Entries.amount("amount", entry.amount(), problems);
		String currency = Entries.currency("currency", entry.currency(), problems);
		LocalDate issueDate = Entries.date("issueDate", entry.issueDate(), problems);
		LocalDate dueDate = Entries.date("dueDate", entry.dueDate(), problems);
		String orderNumber = Entries.optionalText("orderNumber", entry.orderNumber(), 64, problems);
		if (entry.issueDate() != null && entry.dueDate() != null && dueDate.isBefore(issueDate)) {
			problems.add(new FieldProblem("dueDate", "receivable.invoice.due-before-issue"));
		}
		Entries.requireNone(problems);
		CustomerDetails customer = this.customers.get(code);
		this.ledger.lockCustomer(code);
		Optional<Invoice> existing = this.ledger.invoiceByExternalId(externalId);
		if (existing.isPresent()) {
			Invoice invoice = existing.get();
			if (!invoice.customerCode().equals(code) || !invoice.number().equals(number)
					|| invoice.amount().compareTo(amount) != 0 || !invoice.currency().equals(currency)
					|| !invoice.issueDate().equals(issueDate) || !invoice.dueDate().equals(dueDate)
					|| !Objects.equals(invoice.orderNumber(), orderNumber)) {
				throw new ConflictException("receivable.external-id.conflict", externalId);
			}
			return new Recorded<>(invoice, false);
		}
		if (this.ledger.invoiceByNumber(number).isPresent()) {
			throw new ConflictException("receivable.invoice.number.exists", number);
		}
		if (orderNumber != null
				&& this.ledger.orderByNumber(orderNumber).filter(o -> o.customerCode().equals(code)).isEmpty()) {
			throw new InvalidInputException("orderNumber", "receivable.order.unknown", orderNumber);
		}
		BigDecimal rate = this.fxRates.rateOn(currency, issueDate);
		BigDecimal companyAmount = Conversion.toCompany(amount, rate);
		try {
			this.ledger.insertInvoice(externalId, code, number, orderNumber, amount, currency, rate, companyAmount,
					issueDate, dueDate, this.currentUser.username(), this.clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("receivable.external-id.conflict", externalId);
		}
		Invoice invoice = this.ledger.invoiceByExternalId(externalId).orElseThrow();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("externalId", externalId);
		after.put("amount", amount.toPlainString());
		after.put("currency", currency);
		after.put("fxRate", rate.toPlainString());
		after.put("companyAmount", companyAmount.toPlainString());
		after.put("issueDate", issueDate.toString());
		after.put("dueDate", dueDate.toString());
		after.put("orderNumber", orderNumber);
		this.auditTrail.record(AuditRecord.created(customer.auditSubject(), "invoice", number, after));
		this.events
			.publishEvent(new InvoiceRecorded(code, number, orderNumber, amount, currency, companyAmount, dueDate));
		if (orderNumber != null) {
			this.ledger.orderByNumber(orderNumber).ifPresent(this::publish);
		}
		return new Recorded<>(invoice, true);
	}

	// payments

	/**
	 * Records a payment at the FX rate of the day it was received and applies it: to the
	 * invoices the payer named, or else oldest due first to the customer's undisputed
	 * open invoices in the payment's currency. What no invoice takes stays on the account
	 * as unapplied cash.
	 * @throws InvalidInputException naming each bad field; an allocation to an invoice
	 * the customer does not have, or in another currency, names
	 * {@code allocations[i].invoiceNumber}
	 * @throws RuleViolationException {@code ALLOCATION_EXCEEDS_OPEN} when an allocation
	 * is above the invoice's open amount, {@code ALLOCATION_EXCEEDS_PAYMENT} when the
	 * allocations add up to more than the payment, {@code FX_RATE_MISSING}
	 * @throws ConflictException when the external id was used with other content
	 */
	@Transactional
	public Recorded<Payment> recordPayment(PaymentEntry entry) {
		this.currentUser.require(Permission.RECEIVABLE_WRITE);
		List<FieldProblem> problems = new ArrayList<>();
		String externalId = Entries.text("externalId", entry.externalId(), 100, problems);
		String code = Entries.text("customerCode", entry.customerCode(), 64, problems);
		BigDecimal amount = Entries.amount("amount", entry.amount(), problems);
		String currency = Entries.currency("currency", entry.currency(), problems);
		LocalDate receivedDate = Entries.date("receivedDate", entry.receivedDate(), problems);
		String reference = Entries.optionalText("reference", entry.reference(), 200, problems);
		List<RequestedAllocation> requested = entry.allocations() == null ? List.of() : entry.allocations();
		List<String> numbers = new ArrayList<>();
		List<BigDecimal> amounts = new ArrayList<>();
		for (int i = 0; i < requested.size(); i++) {
			RequestedAllocation allocation = requested.get(i);
			numbers.add(Entries.text("allocations[" + i + "].invoiceNumber",
					allocation == null ? null : allocation.invoiceNumber(), 64, problems));
			amounts.add(Entries.amount("allocations[" + i + "].amount", allocation == null ? null : allocation.amount(),
					problems));
		}
		Entries.requireNone(problems);
		String requestedText = requested.isEmpty() ? null : describe(numbers, amounts);
		CustomerDetails customer = this.customers.get(code);
		this.ledger.lockCustomer(code);
		Optional<Payment> existing = this.ledger.paymentByExternalId(externalId);
		if (existing.isPresent()) {
			Payment payment = existing.get();
			if (!payment.customerCode().equals(code) || payment.amount().compareTo(amount) != 0
					|| !payment.currency().equals(currency) || !payment.receivedDate().equals(receivedDate)
					|| !Objects.equals(payment.reference(), reference)
					|| !Objects.equals(this.ledger.requestedAllocations(payment.id()), requestedText)) {
				throw new ConflictException("receivable.external-id.conflict", externalId);
			}
			return new Recorded<>(payment, false);
		}
		BigDecimal requestedTotal = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		if (requestedTotal.compareTo(amount) > 0) {
			throw new RuleViolationException("ALLOCATION_EXCEEDS_PAYMENT", "receivable.allocation.exceeds-payment",
					requestedTotal.toPlainString(), amount.toPlainString());
		}
		List<Share> shares = requested.isEmpty() ? oldestDueFirst(code, currency, amount)
				: namedShares(code, currency, numbers, amounts, "allocations[%d].invoiceNumber");
		BigDecimal rate = this.fxRates.rateOn(currency, receivedDate);
		BigDecimal companyAmount = Conversion.toCompany(amount, rate);
		long id;
		try {
			id = this.ledger.insertPayment(externalId, code, amount, currency, rate, companyAmount, receivedDate,
					reference, requestedText, this.currentUser.username(), this.clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("receivable.external-id.conflict", externalId);
		}
		allocate(shares, Source.PAYMENT, id, receivedDate);
		Payment payment = this.ledger.paymentByExternalId(externalId).orElseThrow();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("amount", amount.toPlainString());
		after.put("currency", currency);
		after.put("fxRate", rate.toPlainString());
		after.put("receivedDate", receivedDate.toString());
		after.put("reference", reference);
		after.put("allocations", allocationState(payment.allocations()));
		after.put("unapplied", payment.unappliedAmount().toPlainString());
		this.auditTrail.record(AuditRecord.created(customer.auditSubject(), "payment", externalId, after));
		this.events.publishEvent(new PaymentReceived(code, externalId, amount, currency, companyAmount, receivedDate,
				shares.stream().map(Share::number).distinct().toList(),
				Conversion.toCompany(payment.unappliedAmount(), rate)));
		return new Recorded<>(payment, true);
	}

	/**
	 * Reverses a payment that bounced: its allocations stop counting from today, so the
	 * invoices it paid are open again; audited with the reason.
	 * @throws NotFoundException when there is no such payment in the caller's scope
	 * @throws InvalidInputException when the reason is missing
	 * @throws RuleViolationException {@code ALREADY_REVERSED}
	 */
	@Transactional
	public Payment reversePayment(String externalId, @Nullable String reason) {
		this.currentUser.require(Permission.RECEIVABLE_WRITE);
		Payment payment = payment(externalId);
		String why = requiredReason(reason);
		this.ledger.lockCustomer(payment.customerCode());
		payment = this.ledger.paymentByExternalId(externalId).orElseThrow();
		if (payment.isReversed()) {
			throw new RuleViolationException("ALREADY_REVERSED", "receivable.payment.already-reversed", externalId);
		}
		LocalDate today = today();
		this.ledger.reversePayment(payment.id(), today, why, this.currentUser.username());
		Payment reversed = this.ledger.paymentByExternalId(externalId).orElseThrow();
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("allocations", allocationState(payment.allocations()));
		before.put("unapplied", payment.unappliedAmount().toPlainString());
		this.auditTrail.record(new AuditRecord(CustomerDetails.auditSubject(payment.customerCode()), "payment",
				externalId, "REVERSED", before, Map.of("reversedOn", today.toString()), why));
		this.events.publishEvent(new PaymentReversed(payment.customerCode(), externalId, payment.amount(),
				payment.currency(), payment.companyAmount(), today,
				payment.allocations().stream().map(Allocation::invoiceNumber).distinct().toList(), why));
		return reversed;
	}

	// credit notes

	/**
	 * Records a credit note at the FX rate of its issue date and applies it to the
	 * invoice it names (up to that invoice's open amount) or else oldest due first; the
	 * rest stays as a credit on the account.
	 * @throws InvalidInputException naming each bad field, or an invoice the customer
	 * does not have or in another currency
	 * @throws ConflictException when the external id was used with other content, or the
	 * number by another credit note
	 * @throws RuleViolationException {@code FX_RATE_MISSING}
	 */
	@Transactional
	public Recorded<CreditNote> recordCreditNote(CreditNoteEntry entry) {
		this.currentUser.require(Permission.RECEIVABLE_WRITE);
		List<FieldProblem> problems = new ArrayList<>();
		String externalId = Entries.text("externalId", entry.externalId(), 100, problems);
		String code = Entries.text("customerCode", entry.customerCode(), 64, problems);
		String number = Entries.text("number", entry.number(), 64, problems);
		BigDecimal amount = Entries.amount("amount", entry.amount(), problems);
		String currency = Entries.currency("currency", entry.currency(), problems);
		LocalDate issueDate = Entries.date("issueDate", entry.issueDate(), problems);
		String invoiceNumber = Entries.optionalText("invoiceNumber", entry.invoiceNumber(), 64, problems);
		Entries.requireNone(problems);
		CustomerDetails customer = this.customers.get(code);
		this.ledger.lockCustomer(code);
		Optional<CreditNote> existing = this.ledger.creditNoteByExternalId(externalId);
		if (existing.isPresent()) {
			CreditNote note = existing.get();
			if (!note.customerCode().equals(code) || !note.number().equals(number)
					|| note.amount().compareTo(amount) != 0 || !note.currency().equals(currency)
					|| !note.issueDate().equals(issueDate) || !Objects.equals(note.invoiceNumber(), invoiceNumber)) {
				throw new ConflictException("receivable.external-id.conflict", externalId);
			}
			return new Recorded<>(note, false);
		}
		if (this.ledger.creditNoteByNumber(number).isPresent()) {
			throw new ConflictException("receivable.credit-note.number.exists", number);
		}
		List<Share> shares;
		if (invoiceNumber != null) {
			Invoice invoice = ownInvoice(code, currency, invoiceNumber, "invoiceNumber");
			BigDecimal share = amount
				.min(invoice.status() == InvoiceStatus.OPEN ? invoice.openAmount() : BigDecimal.ZERO);
			shares = share.signum() > 0 ? List.of(new Share(invoice.id(), invoice.number(), share)) : List.of();
		}
		else {
			shares = oldestDueFirst(code, currency, amount);
		}
		BigDecimal rate = this.fxRates.rateOn(currency, issueDate);
		BigDecimal companyAmount = Conversion.toCompany(amount, rate);
		long id;
		try {
			id = this.ledger.insertCreditNote(externalId, code, number, invoiceNumber, amount, currency, rate,
					companyAmount, issueDate, this.currentUser.username(), this.clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("receivable.external-id.conflict", externalId);
		}
		allocate(shares, Source.CREDIT_NOTE, id, issueDate);
		CreditNote note = this.ledger.creditNoteByExternalId(externalId).orElseThrow();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("externalId", externalId);
		after.put("amount", amount.toPlainString());
		after.put("currency", currency);
		after.put("fxRate", rate.toPlainString());
		after.put("issueDate", issueDate.toString());
		after.put("invoiceNumber", invoiceNumber);
		after.put("allocations", allocationState(note.allocations()));
		this.auditTrail.record(AuditRecord.created(customer.auditSubject(), "credit-note", number, after));
		this.events.publishEvent(new CreditNoteRecorded(code, number, amount, currency, companyAmount, issueDate,
				shares.stream().map(Share::number).distinct().toList()));
		return new Recorded<>(note, true);
	}

	// disputes

	/**
	 * Marks an invoice disputed by the customer, with the reason; audited.
	 * @throws RuleViolationException {@code ALREADY_DISPUTED}
	 */
	@Transactional
	public Invoice dispute(String invoiceNumber, @Nullable String reason) {
		this.currentUser.require(Permission.DISPUTE_MANAGE);
		Invoice invoice = invoice(invoiceNumber);
		String why = requiredReason(reason);
		if (invoice.disputed()) {
			throw new RuleViolationException("ALREADY_DISPUTED", "receivable.dispute.already", invoiceNumber);
		}
		this.ledger.dispute(invoice.id(), why, today(), this.currentUser.username());
		this.auditTrail.record(new AuditRecord(CustomerDetails.auditSubject(invoice.customerCode()), "invoice",
				invoiceNumber, "DISPUTED", Map.of("disputed", false), Map.of("disputed", true), why));
		this.events.publishEvent(new InvoiceDisputed(invoice.customerCode(), invoiceNumber, why));
		return this.ledger.invoice(invoice.id()).orElseThrow();
	}

	/**
	 * Resolves an invoice's dispute, saying how; audited.
	 * @throws RuleViolationException {@code NOT_DISPUTED}
	 */
	@Transactional
	public Invoice resolveDispute(String invoiceNumber, @Nullable String resolution) {
		this.currentUser.require(Permission.DISPUTE_MANAGE);
		Invoice invoice = invoice(invoiceNumber);
		String how = requiredReason(resolution);
		if (!invoice.disputed()) {
			throw new RuleViolationException("NOT_DISPUTED", "receivable.dispute.not-disputed", invoiceNumber);
		}
		this.ledger.resolveDispute(invoice.id());
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("disputed", true);
		before.put("disputeReason", invoice.disputeReason());
		this.auditTrail.record(new AuditRecord(CustomerDetails.auditSubject(invoice.customerCode()), "invoice",
				invoiceNumber, "DISPUTE_RESOLVED", before, Map.of("disputed", false), how));
		this.events.publishEvent(new InvoiceDisputeResolved(invoice.customerCode(), invoiceNumber, how));
		return this.ledger.invoice(invoice.id()).orElseThrow();
	}

	// write-offs

	/**
	 * Proposes to write off an invoice's open balance, with the reason; a second person
	 * must approve it.
	 * @throws RuleViolationException {@code NOTHING_OPEN} when the invoice has nothing
	 * open, {@code WRITE_OFF_PENDING} when a proposal waits already
	 */
	@Transactional
	public WriteOff proposeWriteOff(String invoiceNumber, @Nullable String reason) {
		this.currentUser.require(Permission.RECEIVABLE_WRITE);
		Invoice invoice = invoice(invoiceNumber);
		String why = requiredReason(reason);
		this.ledger.lockCustomer(invoice.customerCode());
		invoice = this.ledger.invoice(invoice.id()).orElseThrow();
		if (invoice.status() != InvoiceStatus.OPEN) {
			throw new RuleViolationException("NOTHING_OPEN", "receivable.write-off.nothing-open", invoiceNumber);
		}
		if (this.ledger.pendingWriteOff(invoice.id()).isPresent()) {
			throw new RuleViolationException("WRITE_OFF_PENDING", "receivable.write-off.pending", invoiceNumber);
		}
		long id = this.ledger.insertWriteOff(invoice.id(), invoice.openAmount(), why, this.currentUser.username(),
				this.clock.instant());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("writeOff", id);
		after.put("amount", invoice.openAmount().toPlainString());
		after.put("currency", invoice.currency());
		this.auditTrail.record(new AuditRecord(CustomerDetails.auditSubject(invoice.customerCode()), "invoice",
				invoiceNumber, "WRITE_OFF_PROPOSED", null, after, why));
		return this.ledger.writeOff(id).orElseThrow();
	}

	/**
	 * Approves another person's write-off proposal: the invoice's open balance (at most
	 * the amount proposed) is settled by the write-off from today and the invoice is
	 * closed as written off; audited.
	 * @throws RuleViolationException {@code SAME_PERSON} when the approver proposed it,
	 * {@code WRITE_OFF_DECIDED} when it was decided already, {@code NOTHING_OPEN} when
	 * the invoice was paid meanwhile
	 */
	@Transactional
	public WriteOff approveWriteOff(long writeOffId, @Nullable String note) {
		this.currentUser.require(Permission.WRITE_OFF_APPROVE);
		WriteOff proposal = writeOff(writeOffId);
		this.ledger.lockCustomer(proposal.customerCode());
		proposal = this.ledger.writeOff(writeOffId).orElseThrow();
		requirePending(proposal);
		if (proposal.proposedBy().equals(this.currentUser.username())) {
			throw new RuleViolationException("SAME_PERSON", "receivable.write-off.same-person");
		}
		Invoice invoice = this.ledger.invoiceByNumber(proposal.invoiceNumber()).orElseThrow();
		if (invoice.status() != InvoiceStatus.OPEN) {
			throw new RuleViolationException("NOTHING_OPEN", "receivable.write-off.nothing-open", invoice.number());
		}
		BigDecimal amount = invoice.openAmount().min(proposal.amount());
		LocalDate today = today();
		this.ledger.allocate(invoice.id(), Source.WRITE_OFF, writeOffId, amount, today);
		this.ledger.markWrittenOff(invoice.id(), today);
		this.ledger.decideWriteOff(writeOffId, WriteOffStatus.APPROVED, amount, this.currentUser.username(),
				this.clock.instant(), blankToNull(note));
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("openAmount", invoice.openAmount().toPlainString());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("writeOff", writeOffId);
		after.put("writtenOff", amount.toPlainString());
		after.put("proposedBy", proposal.proposedBy());
		after.put("note", blankToNull(note));
		this.auditTrail.record(new AuditRecord(CustomerDetails.auditSubject(invoice.customerCode()), "invoice",
				invoice.number(), "WRITTEN_OFF", before, after, proposal.reason()));
		this.events.publishEvent(new InvoiceWrittenOff(invoice.customerCode(), invoice.number(), amount,
				invoice.currency(), Conversion.toCompany(amount, invoice.fxRate()), today));
		return this.ledger.writeOff(writeOffId).orElseThrow();
	}

	/**
	 * Rejects a write-off proposal, saying why; audited. The invoice stays open.
	 * @throws RuleViolationException {@code WRITE_OFF_DECIDED}
	 */
	@Transactional
	public WriteOff rejectWriteOff(long writeOffId, @Nullable String note) {
		this.currentUser.require(Permission.WRITE_OFF_APPROVE);
		WriteOff proposal = writeOff(writeOffId);
		String why = requiredReason(note);
		requirePending(proposal);
		this.ledger.decideWriteOff(writeOffId, WriteOffStatus.REJECTED, proposal.amount(), this.currentUser.username(),
				this.clock.instant(), why);
		this.auditTrail.record(new AuditRecord(CustomerDetails.auditSubject(proposal.customerCode()), "invoice",
				proposal.invoiceNumber(), "WRITE_OFF_REJECTED", Map.of("writeOff", writeOffId), null, why));
		return this.ledger.writeOff(writeOffId).orElseThrow();
	}

	// reads

	/**
	 * An invoice with its open amount today.
	 * @throws NotFoundException when unknown or its customer is outside the caller's
	 * scope
	 */
	@Transactional(readOnly = true)
	public Invoice invoice(String number) {
		return scoped(this.ledger.invoiceByNumber(number), Invoice::customerCode, "receivable.invoice.not-found",
				number);
	}

	/** A customer's invoices, oldest due first. */
	@Transactional(readOnly = true)
	public List<Invoice> invoices(String customerCode) {
		requireCustomer(customerCode);
		return this.ledger.invoices(customerCode);
	}

	/** What settled an invoice, in force or reversed, in order. */
	@Transactional(readOnly = true)
	public List<Allocation> allocations(String invoiceNumber) {
		return this.ledger.allocationsOfInvoice(invoice(invoiceNumber).id());
	}

	@Transactional(readOnly = true)
	public Order order(String number) {
		return scoped(this.ledger.orderByNumber(number), Order::customerCode, "receivable.order.not-found", number);
	}

	/** A customer's orders, newest first. */
	@Transactional(readOnly = true)
	public List<Order> orders(String customerCode) {
		requireCustomer(customerCode);
		return this.ledger.orders(customerCode);
	}

	@Transactional(readOnly = true)
	public Payment payment(String externalId) {
		return scoped(this.ledger.paymentByExternalId(externalId), Payment::customerCode,
				"receivable.payment.not-found", externalId);
	}

	/** A customer's payments with their allocations, newest first. */
	@Transactional(readOnly = true)
	public List<Payment> payments(String customerCode) {
		requireCustomer(customerCode);
		return this.ledger.payments(customerCode);
	}

	@Transactional(readOnly = true)
	public CreditNote creditNote(String number) {
		return scoped(this.ledger.creditNoteByNumber(number), CreditNote::customerCode,
				"receivable.credit-note.not-found", number);
	}

	/** A customer's credit notes, newest first. */
	@Transactional(readOnly = true)
	public List<CreditNote> creditNotes(String customerCode) {
		requireCustomer(customerCode);
		return this.ledger.creditNotes(customerCode);
	}

	@Transactional(readOnly = true)
	public WriteOff writeOff(long id) {
		return scoped(this.ledger.writeOff(id), WriteOff::customerCode, "receivable.write-off.not-found", id);
	}

	/** A customer's write-off proposals and decisions, newest first. */
	@Transactional(readOnly = true)
	public List<WriteOff> writeOffs(String customerCode) {
		requireCustomer(customerCode);
		return this.ledger.writeOffs(customerCode);
	}

	/** Proposals waiting for a decision that the caller may see, oldest first. */
	@Transactional(readOnly = true)
	public List<WriteOff> pendingWriteOffs() {
		requireRead();
		return this.ledger.pendingWriteOffs()
			.stream()
			.filter(w -> this.customers.find(w.customerCode()).isPresent())
			.toList();
	}

	/**
	 * How the customer pays, as of a day: the BEHAVIOUR factors of scoring, in company
	 * currency. See {@link PaymentBehaviour} for each figure and DSO's countback method.
	 * @throws NotFoundException when the customer is unknown or outside the caller's
	 * scope
	 */
	@Transactional(readOnly = true)
	public PaymentBehaviour behaviour(String customerCode, LocalDate asOf) {
		requireCustomer(customerCode);
		return BehaviourPolicy.behaviour(customerCode, asOf, this.fxRates.companyCurrency(),
				this.agingRepository.history(customerCode, asOf),
				this.agingRepository.unappliedCash(List.of(customerCode), asOf)
					.getOrDefault(customerCode, BigDecimal.ZERO.setScale(2)));
	}

	/**
	 * The customer's average monthly net sales in company currency over the twelve months
	 * up to {@code asOf}: the invoices issued from the day after {@code asOf} a year
	 * earlier up to {@code asOf}, whatever their status, less the credit notes issued in
	 * the same months (returns, rebates, corrections), divided by 12 and rounded half-up
	 * to cents; never below zero. Zero for a customer that has not been invoiced in that
	 * time.
	 * @throws NotFoundException when the customer is unknown or outside the caller's
	 * scope
	 */
	@Transactional(readOnly = true)
	public BigDecimal averageMonthlySales(String customerCode, LocalDate asOf) {
		requireCustomer(customerCode);
		LocalDate from = asOf.minusYears(1).plusDays(1);
		BigDecimal sales = this.ledger.invoicedSales(customerCode, from, asOf)
			.subtract(this.ledger.creditedSales(customerCode, from, asOf));
		return sales.max(BigDecimal.ZERO).divide(BigDecimal.valueOf(12), 2, java.math.RoundingMode.HALF_UP);
	}

	// ---- payment behaviour of many customers at once (batch re-assessment) ----

	/**
	 * {@link #behaviour} of many customers as of a day, with one read of the ledger for
	 * all of them instead of one per customer; the figures are the same. Customers
	 * unknown or outside the caller's scope are left out.
	 */
	@Transactional(readOnly = true)
	public Map<String, PaymentBehaviour> behaviours(java.util.Collection<String> customerCodes, LocalDate asOf) {
		requireRead();
		java.util.Set<String> known = this.customers.known(customerCodes);
		if (known.isEmpty()) {
			return Map.of();
		}
		List<String> codes = List.copyOf(known);
		Map<String, List<org.credence.receivable.aging.InvoiceHistory>> histories = this.agingRepository
			.histories(codes, asOf);
		Map<String, BigDecimal> unapplied = this.agingRepository.unappliedCash(codes, asOf);
		String currency = this.fxRates.companyCurrency();
		Map<String, PaymentBehaviour> behaviours = new HashMap<>();
		for (String code : codes) {
			behaviours.put(code,
					BehaviourPolicy.behaviour(code, asOf, currency, histories.getOrDefault(code, List.of()),
							unapplied.getOrDefault(code, BigDecimal.ZERO.setScale(2))));
		}
		return behaviours;
	}

	// ---- end of payment behaviour of many customers ----

	/**
	 * What the customer owes as of a day and has on open orders today, in company
	 * currency: the receivable side of exposure.
	 */
	@Transactional(readOnly = true)
	public ReceivableSummary summary(String customerCode, LocalDate asOf) {
		requireCustomer(customerCode);
		List<OpenItem> items = this.agingRepository.openItems(List.of(customerCode), asOf);
		BigDecimal zero = BigDecimal.ZERO.setScale(2);
		BigDecimal open = items.stream().map(OpenItem::companyOpenAmount).reduce(zero, BigDecimal::add);
		BigDecimal overdue = items.stream()
			.filter(i -> i.daysOverdue() > 0)
			.map(OpenItem::companyOpenAmount)
			.reduce(zero, BigDecimal::add);
		int maxDays = (int) items.stream().mapToLong(OpenItem::daysOverdue).filter(d -> d > 0).max().orElse(0);
		BigDecimal disputed = items.stream()
			.filter(OpenItem::disputed)
			.map(OpenItem::companyOpenAmount)
			.reduce(zero, BigDecimal::add);
		BigDecimal orders = this.ledger.orders(customerCode)
			.stream()
			.map(Order::companyOpenAmount)
			.reduce(zero, BigDecimal::add);
		return new ReceivableSummary(customerCode, asOf, this.fxRates.companyCurrency(), open, overdue, maxDays,
				disputed,
				this.agingRepository.unappliedCash(List.of(customerCode), asOf).getOrDefault(customerCode, zero),
				orders);
	}

	/**
	 * The receivable side of exposure, on a day, of the customers given (of every
	 * customer when {@code customerCodes} is null), in company currency: open invoices
	 * per due date, open orders per delivery date, unapplied cash. Customers with nothing
	 * open are left out. For the exposure module, which keeps these figures per customer;
	 * runs with the caller's receivable permission but without a data scope, as the
	 * figures are kept for every customer.
	 */
	@Transactional(readOnly = true)
	public Map<String, ReceivableExposure> exposures(java.util.@Nullable Collection<String> customerCodes,
			LocalDate asOf) {
		requireRead();
		List<String> codes = customerCodes == null ? null : List.copyOf(customerCodes);
		String currency = this.fxRates.companyCurrency();
		Map<String, TreeMap<LocalDate, BigDecimal>> dues = new HashMap<>();
		Map<String, LocalDate> oldest = new HashMap<>();
		for (OpenItem item : this.agingRepository.openItems(codes, asOf)) {
			dues.computeIfAbsent(item.customerCode(), c -> new TreeMap<>())
				.merge(item.dueDate(), item.companyOpenAmount(), BigDecimal::add);
			oldest.merge(item.customerCode(), item.issueDate(), (a, b) -> a.isBefore(b) ? a : b);
		}
		Map<String, Map<Optional<LocalDate>, BigDecimal>> orders = new HashMap<>();
		for (LedgerRepository.OpenOrderRow row : this.ledger.openOrders(codes)) {
			if (row.companyOpenAmount().signum() > 0) {
				orders.computeIfAbsent(row.customerCode(), c -> new TreeMap<>(ORDER_DELIVERY))
					.merge(Optional.ofNullable(row.deliveryDate()), row.companyOpenAmount(), BigDecimal::add);
			}
		}
		Map<String, BigDecimal> unapplied = this.agingRepository.unappliedCash(codes, asOf);
		Set<String> all = new TreeSet<>(dues.keySet());
		all.addAll(orders.keySet());
		all.addAll(unapplied.keySet());
		Map<String, ReceivableExposure> exposures = new LinkedHashMap<>();
		for (String code : all) {
			List<ReceivableExposure.Due> due = dues.getOrDefault(code, new TreeMap<>())
				.entrySet()
				.stream()
				.map(e -> new ReceivableExposure.Due(e.getKey(), e.getValue()))
				.toList();
			List<ReceivableExposure.OrderDue> open = orders.getOrDefault(code, Map.of())
				.entrySet()
				.stream()
				.map(e -> new ReceivableExposure.OrderDue(e.getKey().orElse(null), e.getValue()))
				.toList();
			exposures.put(code, new ReceivableExposure(code, currency, due, open,
					unapplied.getOrDefault(code, BigDecimal.ZERO.setScale(2)), oldest.get(code)));
		}
		return exposures;
	}

	/**
	 * The open value, in company currency, and delivery date of the customer's open order
	 * with this number; empty when there is none, or nothing of it is open. For the
	 * credit check, which must not count an order twice (in the ledger and as a
	 * reservation).
	 */
	@Transactional(readOnly = true)
	public Optional<ReceivableExposure.OrderDue> openOrder(String customerCode, String number) {
		requireRead();
		return this.ledger.orderByNumber(number)
			.filter(o -> o.customerCode().equals(customerCode) && o.status() == OrderStatus.OPEN)
			.filter(o -> o.openAmount().signum() > 0)
			.map(o -> new ReceivableExposure.OrderDue(o.deliveryDate(), o.companyOpenAmount()));
	}

	/** Orders without a delivery date first, then by delivery date. */
	private static final Comparator<Optional<LocalDate>> ORDER_DELIVERY = Comparator
		.comparing((Optional<LocalDate> d) -> d.orElse(null), Comparator.nullsFirst(Comparator.naturalOrder()));

	// internals

	private List<Share> oldestDueFirst(String customerCode, String currency, BigDecimal amount) {
		List<Candidate> candidates = this.ledger.invoices(customerCode)
			.stream()
			.filter(i -> i.status() == InvoiceStatus.OPEN && !i.disputed() && i.currency().equals(currency))
			.map(i -> new Candidate(i.id(), i.number(), i.issueDate(), i.dueDate(), i.openAmount()))
			.toList();
		return AllocationPolicy.oldestDueFirst(amount, candidates);
	}

	private List<Share> namedShares(String customerCode, String currency, List<String> numbers,
			List<BigDecimal> amounts, String fieldPattern) {
		Map<String, Invoice> invoices = new HashMap<>();
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < numbers.size(); i++) {
			String field = String.format(fieldPattern, i);
			String number = numbers.get(i);
			Optional<Invoice> invoice = this.ledger.invoiceByNumber(number)
				.filter(found -> found.customerCode().equals(customerCode));
			if (invoice.isEmpty()) {
				problems.add(new FieldProblem(field, "receivable.invoice.unknown", number));
			}
			else if (!invoice.get().currency().equals(currency)) {
				problems.add(new FieldProblem(field, "receivable.allocation.currency", number, invoice.get().currency(),
						currency));
			}
			else {
				invoices.put(number, invoice.get());
			}
		}
		Entries.requireNone(problems);
		Map<String, BigDecimal> taken = new LinkedHashMap<>();
		List<Share> shares = new ArrayList<>();
		for (int i = 0; i < numbers.size(); i++) {
			Invoice invoice = invoices.get(numbers.get(i));
			BigDecimal total = taken.merge(invoice.number(), amounts.get(i), BigDecimal::add);
			BigDecimal open = invoice.status() == InvoiceStatus.OPEN ? invoice.openAmount() : BigDecimal.ZERO;
			if (total.compareTo(open) > 0) {
				throw new RuleViolationException("ALLOCATION_EXCEEDS_OPEN", "receivable.allocation.exceeds-open",
						invoice.number(), total.toPlainString(), open.toPlainString());
			}
			shares.add(new Share(invoice.id(), invoice.number(), amounts.get(i)));
		}
		return shares;
	}

	private Invoice ownInvoice(String customerCode, String currency, String number, String field) {
		Invoice invoice = this.ledger.invoiceByNumber(number)
			.filter(found -> found.customerCode().equals(customerCode))
			.orElseThrow(() -> new InvalidInputException(field, "receivable.invoice.unknown", number));
		if (!invoice.currency().equals(currency)) {
			throw new InvalidInputException(field, "receivable.allocation.currency", number, invoice.currency(),
					currency);
		}
		return invoice;
	}

	/**
	 * Writes the shares as allocations in force from the document's date, or from the
	 * invoice's issue date when the money came first.
	 */
	private void allocate(List<Share> shares, Source source, long sourceId, LocalDate documentDate) {
		for (Share share : shares) {
			Invoice invoice = this.ledger.invoice(share.invoiceId()).orElseThrow();
			LocalDate effective = invoice.issueDate().isAfter(documentDate) ? invoice.issueDate() : documentDate;
			this.ledger.allocate(share.invoiceId(), source, sourceId, share.amount(), effective);
		}
	}

	private static String describe(List<String> numbers, List<BigDecimal> amounts) {
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < numbers.size(); i++) {
			parts.add(numbers.get(i) + "=" + amounts.get(i).toPlainString());
		}
		return String.join(";", parts);
	}

	private static List<Map<String, Object>> allocationState(List<Allocation> allocations) {
		return allocations.stream().map(a -> {
			Map<String, Object> state = new LinkedHashMap<>();
			state.put("invoice", a.invoiceNumber());
			state.put("amount", a.amount().toPlainString());
			state.put("effectiveOn", a.effectiveOn().toString());
			state.put("reversedOn", a.reversedOn() == null ? null : a.reversedOn().toString());
			return state;
		}).collect(Collectors.toList());
	}

	private void requirePending(WriteOff proposal) {
		if (proposal.status() != WriteOffStatus.PROPOSED) {
			throw new RuleViolationException("WRITE_OFF_DECIDED", "receivable.write-off.decided", proposal.id());
		}
	}

	private static String requiredReason(@Nullable String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "receivable.reason.required");
		}
		if (reason.strip().length() > 1000) {
			throw new InvalidInputException("reason", "receivable.field.too-long", 1000);
		}
		return reason.strip();
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/**
	 * A document found by its key if the caller may read receivables and see its
	 * customer; otherwise, like an unknown key, a 404.
	 */
	private <T> T scoped(Optional<T> found, Function<T, String> customerCode, String notFoundCode, Object key) {
		requireRead();
		T document = found.orElseThrow(() -> new NotFoundException(notFoundCode, key));
		visible(customerCode.apply(document), () -> new NotFoundException(notFoundCode, key));
		return document;
	}

	private void visible(String customerCode, java.util.function.Supplier<NotFoundException> notFound) {
		if (this.customers.find(customerCode).isEmpty()) {
			throw notFound.get();
		}
	}

	/** The caller may read receivables and see this customer; otherwise 403 or 404. */
	private void requireCustomer(String customerCode) {
		requireRead();
		this.customers.get(customerCode);
	}

	private void requireRead() {
		this.currentUser.require(Permission.RECEIVABLE_READ);
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
