package org.credence.receivable;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.credence.customer.Customers;
import org.credence.identity.AuditRecord;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.receivable.ledger.Entries;
import org.credence.receivable.ledger.InvoiceStaging;
import org.credence.receivable.ledger.InvoiceStaging.Counts;
import org.credence.receivable.ledger.InvoiceStaging.Stage;
import org.credence.receivable.ledger.InvoiceStaging.Staged;
import org.credence.shared.ConflictException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ledger documents in bulk: a file of up to millions of invoices recorded in one
 * transaction, set-based rather than one {@link Receivables#recordInvoice} per row (which
 * locks the customer, runs several queries and writes an audit entry and an event per
 * invoice, far too slow for a million rows).
 * <p>
 * The rules are those of {@link Receivables#recordInvoice}: the same field checks, a
 * known customer within the caller's scope, the same external id with the same content
 * changes nothing and with other content is refused (never overwritten), a number used by
 * another invoice is refused, a named order must be the customer's, a foreign currency
 * needs a rate on or before the issue date, which is kept per invoice with the amount in
 * company currency ({@link Conversion#toCompany}'s rounding). What differs is the trail:
 * one audit entry for the whole import (what, how many, the file's SHA-256) and one
 * {@link InvoicesImported} event listing the customers concerned, instead of one of each
 * per invoice (see {@code docs/decisions/bulk-ledger-import.md}).
 */
@Service
public class LedgerImports {

	/** The most problems a bulk write lists; more are only counted. */
	public static final int MAX_LISTED_PROBLEMS = 1000;

	/** How often, in rows, progress is reported while a file streams in. */
	public static final int PROGRESS_EVERY = 10_000;

	private static final Logger log = LoggerFactory.getLogger(LedgerImports.class);

	private static final int TOTAL = 0;

	private static final int UNREADABLE = 1;

	private static final int BAD_FIELDS = 2;

	private static final int FIELD_PROBLEMS = 3;

	private final InvoiceStaging staging;

	private final Customers customers;

	private final FxRates fxRates;

	private final CurrentUser currentUser;

	private final AuditTrail auditTrail;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/** For tests: run between the checks and the insert. */
	volatile Runnable beforeInsert = () -> {
	};

	LedgerImports(InvoiceStaging staging, Customers customers, FxRates fxRates, CurrentUser currentUser,
			AuditTrail auditTrail, ApplicationEventPublisher events, Clock clock) {
		this.staging = staging;
		this.customers = customers;
		this.fxRates = fxRates;
		this.currentUser = currentUser;
		this.auditTrail = auditTrail;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records a file of invoices in one transaction: all of them, or when
	 * {@code allOrNothing} is {@code false} the good ones. The rows are streamed into the
	 * database as they come; nothing of them is held but the problems listed.
	 * @param rows pushes the file's rows in order to the receiver it is given, inside
	 * this method's transaction; a row without entry was unreadable
	 * @param allOrNothing whether one refused (or unreadable) row means nothing is
	 * written
	 * @param fileSha256 the SHA-256 of the file, for the audit trail
	 * @param progress told the number of rows consumed so far, every
	 * {@value #PROGRESS_EVERY} rows and at the end of the file
	 * @return what was written and why rows were refused
	 * @throws ConflictException when an invoice with an external id or number of the file
	 * was recorded by someone else between the checks and the insert: nothing is written,
	 * and the same file imported again reports the rows concerned
	 * @throws org.springframework.security.access.AccessDeniedException without the right
	 * to write receivables
	 */
	@Transactional
	public LedgerImport importInvoices(Consumer<Consumer<LedgerRow<InvoiceEntry>>> rows, boolean allOrNothing,
			String fileSha256, IntConsumer progress) {
		this.currentUser.require(Permission.RECEIVABLE_WRITE);
		long started = System.nanoTime();
		List<LedgerProblem> fieldProblems = new ArrayList<>();
		int[] tally = new int[4];
		Stage stage = this.staging.open();
		try {
			rows.accept(row -> {
				int total = ++tally[TOTAL];
				if (row.entry() == null) {
					tally[UNREADABLE]++;
				}
				else {
					List<FieldProblem> problems = new ArrayList<>();
					Staged staged = checked(row.row(), row.entry(), problems);
					if (problems.isEmpty()) {
						stage.add(staged);
					}
					else {
						tally[BAD_FIELDS]++;
						tally[FIELD_PROBLEMS] += problems.size();
						for (FieldProblem problem : problems) {
							if (fieldProblems.size() < MAX_LISTED_PROBLEMS) {
								fieldProblems.add(new LedgerProblem(row.row(), problem.field(), problem.messageCode(),
										problem.arguments()));
							}
						}
					}
				}
				if (total % PROGRESS_EVERY == 0) {
					progress.accept(total);
				}
			});
			stage.close();
		}
		catch (RuntimeException ex) {
			stage.abandon();
			throw ex;
		}
		int total = tally[TOTAL];
		int unreadable = tally[UNREADABLE];
		int badFields = tally[BAD_FIELDS];
		int fieldProblemCount = tally[FIELD_PROBLEMS];
		progress.accept(total);
		long staged = System.nanoTime();
		int onFile = this.staging.check(stage, this.customers.visibleCodes(this.staging.customerCodes(stage)),
				this.fxRates.companyCurrency());
		long checked = System.nanoTime();
		Counts counts = this.staging.counts(onFile);
		int rejected = unreadable + badFields + counts.refused();
		List<LedgerProblem> problems = new ArrayList<>(fieldProblems);
		problems.addAll(this.staging.problems(MAX_LISTED_PROBLEMS));
		problems.sort(Comparator.comparingInt(LedgerProblem::row));
		int listed = Math.min(problems.size(), MAX_LISTED_PROBLEMS);
		int unlisted = fieldProblemCount + counts.refused() - listed;
		problems = problems.subList(0, listed);
		int toWrite = stage.rows() - counts.refused() - counts.unchanged();
		if ((allOrNothing && rejected > 0) || toWrite == 0) {
			return new LedgerImport(total, 0, allOrNothing && rejected > 0 ? 0 : counts.unchanged(),
					allOrNothing && rejected > 0 ? total : rejected, problems, Math.max(0, unlisted), List.of());
		}
		this.beforeInsert.run();
		List<String> customerCodes;
		try {
			customerCodes = this.staging.insert(stage, this.currentUser.username(), this.clock.instant(), toWrite);
		}
		catch (DuplicateKeyException ex) {
			// an invoice with an external id or number of the file was recorded since the
			// check: the transaction is lost, the file is imported again and then reports
			// the rows concerned
			log.info("Invoice import refused: an invoice of the file was recorded meanwhile ({})",
					ex.getMostSpecificCause().getMessage());
			throw new ConflictException("receivable.import.changed-meanwhile");
		}
		log.debug("Imported {} invoices: read and staged in {} ms, checked in {} ms, inserted in {} ms", toWrite,
				(staged - started) / 1_000_000, (checked - staged) / 1_000_000,
				(System.nanoTime() - checked) / 1_000_000);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("fileSha256", fileSha256);
		after.put("rows", total);
		after.put("written", toWrite);
		after.put("unchanged", counts.unchanged());
		after.put("rejected", rejected);
		after.put("customers", customerCodes.size());
		this.auditTrail.record(new AuditRecord(null, "invoice-import", fileSha256, "IMPORTED", null, after, null));
		this.events.publishEvent(new InvoicesImported(customerCodes, toWrite, fileSha256));
		return new LedgerImport(total, toWrite, counts.unchanged(), rejected, problems, Math.max(0, unlisted),
				customerCodes);
	}

	/** The field checks of {@link Receivables#recordInvoice}, in its words. */
	private static Staged checked(int row, InvoiceEntry entry, List<FieldProblem> problems) {
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
		return new Staged(row, externalId, code, number, orderNumber, amount, currency, issueDate, dueDate);
	}

}
