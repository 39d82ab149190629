package org.credence.receivable;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.credence.customer.BankAccounts;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.identity.AuditRecord;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.receivable.PaymentEntry.RequestedAllocation;
import org.credence.receivable.bank.BankReceiptRepository;
import org.credence.receivable.bank.BankReceiptRepository.InvoiceOwner;
import org.credence.receivable.bank.InvoiceNumberCandidates;
import org.credence.receivable.bank.ReasonNote;
import org.credence.receivable.fx.FxRateRepository;
import org.credence.receivable.ledger.LedgerRepository;
import org.credence.shared.InvalidInputException;
import org.credence.shared.NotFoundException;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.credence.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Money received on the company's bank accounts, as imported statements report it, and
 * the unmatched receipts queue (未匹配收款).
 * <p>
 * Each credit line is stored once (by its line key: importing a statement again changes
 * nothing) and matched to a customer, trying in turn: whole invoice numbers in the
 * remittance text (in any case; only open invoices in the receipt's currency count, they
 * must all be one customer's, and when the paying account is known to be another
 * customer's the receipt waits as ambiguous); the payer's account in a customer's credit
 * file, or else the payer's name being exactly a customer's name; an open amount that
 * exactly one open invoice in the receipt's currency has. A matched receipt becomes a
 * payment ({@link Receivables#recordPayment}, external id {@code bank-<line key>})
 * allocated to the invoices found, or oldest due first. A receipt that fits no customer,
 * fits several, or whose currency has no FX rate on its booking date waits in the queue
 * with that reason (as does one with more decimals than the ledger keeps, such as 12.345
 * KWD: it is stored exactly and cannot be assigned), until finance assigns it to a
 * customer (and invoices) or dismisses it as no customer's payment; both audited.
 */
@Service
public class BankReceipts {

	private final BankReceiptRepository repository;

	private final LedgerRepository ledger;

	private final FxRateRepository fxRates;

	private final FxRates rates;

	private final Receivables receivables;

	private final BankAccounts bankAccounts;

	private final Customers customers;

	private final CurrentUser currentUser;

	private final AuditTrail auditTrail;

	private final MessageSource messages;

	private final Clock clock;

	BankReceipts(BankReceiptRepository repository, LedgerRepository ledger, FxRateRepository fxRates, FxRates rates,
			Receivables receivables, BankAccounts bankAccounts, Customers customers, CurrentUser currentUser,
			AuditTrail auditTrail, MessageSource messages, Clock clock) {
		this.repository = repository;
		this.ledger = ledger;
		this.fxRates = fxRates;
		this.rates = rates;
		this.receivables = receivables;
		this.bankAccounts = bankAccounts;
		this.customers = customers;
		this.currentUser = currentUser;
		this.auditTrail = auditTrail;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Stores and matches the credit lines of a statement, in order. A line whose key is
	 * stored already is returned as it stands, unchanged.
	 */
	@Transactional
	public List<Received> receive(List<BankReceiptEntry> entries) {
		this.currentUser.require(Permission.RECEIVABLE_WRITE);
		List<Received> received = new ArrayList<>();
		for (BankReceiptEntry entry : entries) {
			Optional<BankReceipt> existing = this.repository.byKey(entry.lineKey());
			if (existing.isPresent()) {
				received.add(new Received(localized(existing.get()), false));
				continue;
			}
			Optional<Long> id = this.repository.insert(entry, entry.remittance(), this.currentUser.username(),
					this.clock.instant());
			if (id.isEmpty()) {
				received.add(new Received(localized(this.repository.byKey(entry.lineKey()).orElseThrow()), false));
				continue;
			}
			match(id.get(), entry);
			received.add(new Received(localized(this.repository.byId(id.get()).orElseThrow()), true));
		}
		return received;
	}

	private void match(long id, BankReceiptEntry entry) {
		if (!fitsLedger(entry.amount())) {
			this.repository.unmatched(id, "AMOUNT_SCALE",
					List.of(ReasonNote.values("amount-scale", entry.amount().toPlainString(), entry.currency())), null);
			return;
		}
		List<ReasonNote> notes = new ArrayList<>();
		Candidate candidate = byInvoiceNumber(entry, notes);
		if (candidate == CONFLICT) {
			this.repository.unmatched(id, "AMBIGUOUS", notes, null);
			return;
		}
		if (candidate == null) {
			candidate = byPayer(entry, notes);
		}
		if (candidate == null) {
			candidate = byAmount(entry, notes);
		}
		if (candidate == null) {
			this.repository.unmatched(id, notes.isEmpty() ? "NO_MATCH" : "AMBIGUOUS", notes, null);
			return;
		}
		if (!entry.currency().equals(this.rates.companyCurrency())
				&& this.fxRates.rateOn(entry.currency(), entry.bookingDate()).isEmpty()) {
			this.repository.unmatched(id, "FX_RATE_MISSING",
					List.of(ReasonNote.values("fx-rate", entry.currency(), entry.bookingDate().toString())),
					candidate.customerCode());
			return;
		}
		String externalId = externalId(entry.lineKey());
		List<RequestedAllocation> allocations = allocations(candidate.customerCode(), entry.currency(), entry.amount(),
				candidate.invoiceNumbers());
		this.receivables.recordPayment(new PaymentEntry(externalId, candidate.customerCode(), entry.amount(),
				entry.currency(), entry.bookingDate(), reference(entry), allocations.isEmpty() ? null : allocations));
		this.repository.matched(id, BankReceiptStatus.MATCHED, candidate.match(), candidate.customerCode(),
				allocations.stream().map(RequestedAllocation::invoiceNumber).toList(), externalId, null, null);
	}

	/**
	 * The customer whose open invoices in the receipt's currency the remittance names by
	 * their whole numbers; {@link #CONFLICT} when the payer's account is known to belong
	 * to another customer.
	 */
	private @Nullable Candidate byInvoiceNumber(BankReceiptEntry entry, List<ReasonNote> notes) {
		if (entry.remittance() == null) {
			return null;
		}
		Set<String> candidates = InvoiceNumberCandidates.of(entry.remittance());
		List<InvoiceOwner> invoices = this.repository.invoicesNumbered(candidates)
			.stream()
			.filter(i -> i.open() && i.currency().equals(entry.currency()) && visible(i.customerCode()))
			.toList();
		Set<String> owners = new LinkedHashSet<>(invoices.stream().map(InvoiceOwner::customerCode).toList());
		if (owners.size() == 1) {
			String owner = owners.iterator().next();
			List<String> holders = this.bankAccounts.holdersOf(entry.payerAccount());
			if (!holders.isEmpty() && !holders.contains(owner)) {
				notes.add(new ReasonNote("invoice-account-conflict", List.of(List.of(owner), holders), List.of()));
				return CONFLICT;
			}
			return new Candidate(ReceiptMatch.INVOICE_NUMBER, owner,
					invoices.stream().map(InvoiceOwner::number).distinct().toList());
		}
		if (owners.size() > 1) {
			notes.add(ReasonNote.of("invoices-of", List.copyOf(owners)));
		}
		return null;
	}

	private @Nullable Candidate byPayer(BankReceiptEntry entry, List<ReasonNote> notes) {
		List<String> holders = this.bankAccounts.holdersOf(entry.payerAccount());
		if (holders.size() == 1) {
			return new Candidate(ReceiptMatch.BANK_ACCOUNT, holders.get(0), List.of());
		}
		if (holders.size() > 1) {
			notes.add(ReasonNote.of("account-held-by", holders));
		}
		List<String> named = this.bankAccounts.customersNamed(entry.payerName());
		if (named.size() == 1) {
			return new Candidate(ReceiptMatch.NAME, named.get(0), List.of());
		}
		if (named.size() > 1) {
			notes.add(ReasonNote.of("name-of", named));
		}
		return null;
	}

	private @Nullable Candidate byAmount(BankReceiptEntry entry, List<ReasonNote> notes) {
		List<InvoiceOwner> invoices = this.repository.openInvoicesOf(entry.amount(), entry.currency(), 10)
			.stream()
			.filter(i -> visible(i.customerCode()))
			.toList();
		if (invoices.size() == 1) {
			return new Candidate(ReceiptMatch.AMOUNT, invoices.get(0).customerCode(),
					List.of(invoices.get(0).number()));
		}
		if (invoices.size() > 1) {
			notes.add(ReasonNote.values("open-invoices-of", String.valueOf(invoices.size()),
					entry.amount().toPlainString()));
		}
		return null;
	}

	/**
	 * The named invoices of the customer in the currency that are open, each taking what
	 * is open of it while the money lasts; empty when none is open (then oldest due
	 * first).
	 */
	private List<RequestedAllocation> allocations(String customerCode, String currency, BigDecimal amount,
			List<String> invoiceNumbers) {
		List<RequestedAllocation> allocations = new ArrayList<>();
		BigDecimal left = amount;
		for (String number : invoiceNumbers) {
			Optional<Invoice> invoice = this.ledger.invoiceByNumber(number);
			if (invoice.isEmpty() || !invoice.get().customerCode().equals(customerCode)
					|| !invoice.get().currency().equals(currency) || invoice.get().status() != InvoiceStatus.OPEN
					|| left.signum() <= 0) {
				continue;
			}
			BigDecimal share = invoice.get().openAmount().min(left);
			if (share.signum() > 0) {
				allocations.add(new RequestedAllocation(number, share));
				left = left.subtract(share);
			}
		}
		return allocations;
	}

	/**
	 * Receipts of a status (all when absent), oldest booking first. The queue (waiting
	 * and dismissed receipts, which name payers no customer is known for) is finance's
	 * work: only a caller who may write receivables, or an auditor, sees it. Anyone else
	 * who may read receivables sees only the matched and assigned receipts of the
	 * customers in their data scope.
	 * @throws org.springframework.security.access.AccessDeniedException when such a
	 * caller asks for the queue
	 */
	@Transactional(readOnly = true)
	public PageResult<BankReceipt> receipts(@Nullable BankReceiptStatus status, Paging paging) {
		this.currentUser.require(Permission.RECEIVABLE_READ);
		if (maySeeQueue()) {
			return new PageResult<>(
					localized(this.repository.list(status, false, null, paging.size(), paging.offset())), paging.page(),
					paging.size(), this.repository.count(status, false, null));
		}
		if (status == BankReceiptStatus.UNMATCHED || status == BankReceiptStatus.DISMISSED) {
			this.currentUser.require(Permission.RECEIVABLE_WRITE);
		}
		List<String> scope = null;
		if (this.currentUser.ownerScope().isPresent()) {
			scope = List.copyOf(this.customers.known(this.repository.decidedCustomerCodes()));
		}
		return new PageResult<>(localized(this.repository.list(status, true, scope, paging.size(), paging.offset())),
				paging.page(), paging.size(), this.repository.count(status, true, scope));
	}

	/**
	 * How many receipts wait in the queue; 0 for a caller who may not see the queue.
	 */
	@Transactional(readOnly = true)
	public long unmatchedCount() {
		if (!this.currentUser.has(Permission.RECEIVABLE_READ) || !maySeeQueue()) {
			return 0;
		}
		return this.repository.count(BankReceiptStatus.UNMATCHED, false, null);
	}

	/**
	 * A receipt. To a caller who may not see the queue, a waiting or dismissed receipt,
	 * or one of a customer outside their data scope, is unknown.
	 * @throws NotFoundException when unknown
	 */
	@Transactional(readOnly = true)
	public BankReceipt receipt(long id) {
		this.currentUser.require(Permission.RECEIVABLE_READ);
		BankReceipt receipt = this.repository.byId(id)
			.orElseThrow(() -> new NotFoundException("receivable.bank-receipt.not-found", id));
		if (!maySeeQueue() && (!isDecided(receipt) || !visible(receipt.customerCode()))) {
			throw new NotFoundException("receivable.bank-receipt.not-found", id);
		}
		return localized(receipt);
	}

	/**
	 * Whether the caller works the queue (may write receivables) or audits (reads
	 * everything): they see every receipt, payers of unknown parties included.
	 */
	private boolean maySeeQueue() {
		return this.currentUser.has(Permission.RECEIVABLE_WRITE)
				|| this.currentUser.has(Permission.AUDIT_READ) && this.currentUser.ownerScope().isEmpty();
	}

	private static boolean isDecided(BankReceipt receipt) {
		return (receipt.status() == BankReceiptStatus.MATCHED || receipt.status() == BankReceiptStatus.ASSIGNED)
				&& receipt.customerCode() != null;
	}

	/**
	 * Assigns a waiting receipt to a customer: it becomes the customer's payment,
	 * allocated to the invoices named (each taking what is open of it, in the order
	 * given) or else oldest due first; audited.
	 * @throws NotFoundException when the receipt or the customer is unknown
	 * @throws InvalidInputException ({@code invoiceNumbers}) when an invoice is not the
	 * customer's open invoice in the receipt's currency
	 * @throws RuleViolationException {@code RECEIPT_DECIDED} when the receipt does not
	 * wait any more, {@code AMOUNT_SCALE} when its amount has more decimals than the
	 * ledger keeps, {@code FX_RATE_MISSING}
	 */
	@Transactional
	public BankReceipt assign(long id, @Nullable String customerCode, @Nullable List<String> invoiceNumbers) {
		this.currentUser.require(Permission.RECEIVABLE_WRITE);
		if (customerCode == null || customerCode.isBlank()) {
			throw new InvalidInputException("customerCode", "receivable.bank-receipt.customer.required");
		}
		BankReceipt receipt = this.repository.lock(id)
			.orElseThrow(() -> new NotFoundException("receivable.bank-receipt.not-found", id));
		requireWaiting(receipt);
		if (!fitsLedger(receipt.amount())) {
			throw new RuleViolationException("AMOUNT_SCALE", "receivable.bank-receipt.amount-scale",
					receipt.amount().toPlainString(), receipt.currency());
		}
		CustomerDetails customer = this.customers.get(customerCode.strip());
		List<String> numbers = invoiceNumbers == null ? List.of()
				: invoiceNumbers.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).distinct().toList();
		for (String number : numbers) {
			Optional<Invoice> invoice = this.ledger.invoiceByNumber(number);
			if (invoice.isEmpty() || !invoice.get().customerCode().equals(customer.code())
					|| !invoice.get().currency().equals(receipt.currency())
					|| invoice.get().status() != InvoiceStatus.OPEN) {
				throw new InvalidInputException("invoiceNumbers", "receivable.bank-receipt.invoice.not-open", number,
						receipt.currency());
			}
		}
		List<RequestedAllocation> allocations = allocations(customer.code(), receipt.currency(), receipt.amount(),
				numbers);
		String externalId = externalId(receipt.lineKey());
		this.receivables.recordPayment(new PaymentEntry(externalId, customer.code(), receipt.amount(),
				receipt.currency(), receipt.bookingDate(), reference(receipt.remittance(), receipt.endToEndId()),
				allocations.isEmpty() ? null : allocations));
		this.repository.matched(id, BankReceiptStatus.ASSIGNED, ReceiptMatch.MANUAL, customer.code(),
				allocations.stream().map(RequestedAllocation::invoiceNumber).toList(), externalId,
				this.currentUser.username(), this.clock.instant());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", BankReceiptStatus.ASSIGNED.name());
		after.put("amount", receipt.amount().toPlainString());
		after.put("currency", receipt.currency());
		after.put("payment", externalId);
		after.put("invoices", allocations.stream().map(RequestedAllocation::invoiceNumber).toList());
		this.auditTrail.record(new AuditRecord(customer.auditSubject(), "bank-receipt", String.valueOf(id), "ASSIGNED",
				Map.of("status", receipt.status().name()), after, null));
		return this.repository.byId(id).orElseThrow();
	}

	/**
	 * Takes a waiting receipt out of the queue as no customer's payment, saying why;
	 * audited.
	 * @throws InvalidInputException ({@code reason}) when no reason is given
	 * @throws RuleViolationException {@code RECEIPT_DECIDED}
	 */
	@Transactional
	public BankReceipt dismiss(long id, @Nullable String reason) {
		this.currentUser.require(Permission.RECEIVABLE_WRITE);
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "receivable.reason.required");
		}
		if (reason.strip().length() > 1000) {
			throw new InvalidInputException("reason", "receivable.field.too-long", 1000);
		}
		BankReceipt receipt = this.repository.lock(id)
			.orElseThrow(() -> new NotFoundException("receivable.bank-receipt.not-found", id));
		requireWaiting(receipt);
		this.repository.dismissed(id, reason.strip(), this.currentUser.username(), this.clock.instant());
		this.auditTrail
			.record(new AuditRecord(null, "bank-receipt", String.valueOf(id), "DISMISSED",
					Map.of("status", receipt.status().name()), Map.of("status", BankReceiptStatus.DISMISSED.name(),
							"amount", receipt.amount().toPlainString(), "currency", receipt.currency()),
					reason.strip()));
		return localized(this.repository.byId(id).orElseThrow());
	}

	private List<BankReceipt> localized(List<BankReceipt> receipts) {
		return receipts.stream().map(this::localized).toList();
	}

	/**
	 * The receipt with its reason's facts in the caller's language; customers the caller
	 * may not see are not named.
	 */
	private BankReceipt localized(BankReceipt receipt) {
		if (!BankReceiptRepository.holdsNotes(receipt.reasonDetail())) {
			return receipt;
		}
		List<ReasonNote> notes = BankReceiptRepository.notes(receipt.reasonDetail());
		Set<String> visible = this.customers
			.known(notes.stream().flatMap(n -> n.customers().stream()).flatMap(List::stream).distinct().toList());
		Locale locale = LocaleContextHolder.getLocale();
		List<String> texts = new ArrayList<>();
		for (ReasonNote note : notes) {
			List<Object> arguments = new ArrayList<>();
			for (List<String> codes : note.customers()) {
				List<String> shown = codes.stream().filter(visible::contains).toList();
				int hidden = codes.size() - shown.size();
				arguments.add(hidden == 0 ? String.join(", ", shown)
						: this.messages.getMessage("receivable.bank-receipt.detail.others",
								new Object[] { String.join(", ", shown), hidden }, locale));
			}
			arguments.addAll(note.values());
			String code = "receivable.bank-receipt.detail." + note.code();
			texts.add(this.messages.getMessage(code, arguments.toArray(), code, locale));
		}
		String separator = this.messages.getMessage("receivable.bank-receipt.detail.separator", null, "; ", locale);
		return new BankReceipt(receipt.id(), receipt.lineKey(), receipt.format(), receipt.statementAccount(),
				receipt.statementReference(), receipt.bookingDate(), receipt.valueDate(), receipt.amount(),
				receipt.currency(), receipt.payerName(), receipt.payerAccount(), receipt.remittance(),
				receipt.endToEndId(), receipt.bankReference(), receipt.status(), receipt.match(), receipt.reasonCode(),
				String.join(separator, texts), receipt.customerCode(), receipt.invoiceNumbers(),
				receipt.paymentExternalId(), receipt.dismissalReason(), receipt.importedBy(), receipt.importedAt(),
				receipt.decidedBy(), receipt.decidedAt());
	}

	/**
	 * Whether the ledger can hold the amount: it keeps two decimals, so a receipt of
	 * 12.345 KWD cannot become a payment and waits for finance.
	 */
	private static boolean fitsLedger(BigDecimal amount) {
		return amount.stripTrailingZeros().scale() <= 2;
	}

	private static void requireWaiting(BankReceipt receipt) {
		if (!receipt.isUnmatched()) {
			throw new RuleViolationException("RECEIPT_DECIDED", "receivable.bank-receipt.decided", receipt.id());
		}
	}

	private boolean visible(@Nullable String customerCode) {
		return customerCode != null && this.customers.find(customerCode).isPresent();
	}

	private static String externalId(String lineKey) {
		return "bank-" + lineKey;
	}

	private static @Nullable String reference(BankReceiptEntry entry) {
		return reference(entry.remittance(), entry.endToEndId());
	}

	private static @Nullable String reference(@Nullable String remittance, @Nullable String endToEndId) {
		String text = remittance != null && !remittance.isBlank() ? remittance.strip() : endToEndId;
		return text == null || text.length() <= 200 ? text : text.substring(0, 200);
	}

	/** A stored receipt, and whether this import stored it. */
	public record Received(BankReceipt receipt, boolean isNew) {
	}

	private record Candidate(ReceiptMatch match, String customerCode, List<String> invoiceNumbers) {
	}

	/**
	 * The invoices named are one customer's, the paying account another's: ask finance.
	 */
	private static final Candidate CONFLICT = new Candidate(ReceiptMatch.INVOICE_NUMBER, "", List.of());

}
