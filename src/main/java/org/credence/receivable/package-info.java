/**
 * Receivable: what customers owe. Orders, invoices, payments and credit notes from the
 * ERP and the bank, the allocations that settle invoices (oldest due first unless the
 * payer says otherwise), payment reversals, disputes, write-offs with a second person's
 * approval, daily FX rates into the company currency, aging as of any date, and account
 * statements (对账单) sent to customers for confirmation.
 * <p>
 * Offers {@link org.credence.receivable.Receivables} (the ledger, payment behaviour),
 * {@link org.credence.receivable.Aging} (aging per customer, group and portfolio),
 * {@link org.credence.receivable.AccountStatements} (statements as PDF and XLSX, issued
 * and answered), {@link org.credence.receivable.FxRates},
 * {@link org.credence.receivable.LedgerImports} (files of invoices written in bulk) and
 * {@link org.credence.receivable.BankReceipts} (bank statement receipts, their matching
 * and the unmatched receipts queue). Publishes
 * {@link org.credence.receivable.OrderRecorded},
 * {@link org.credence.receivable.InvoiceRecorded},
 * {@link org.credence.receivable.PaymentReceived},
 * {@link org.credence.receivable.CreditNoteRecorded},
 * {@link org.credence.receivable.PaymentReversed},
 * {@link org.credence.receivable.InvoiceDisputed},
 * {@link org.credence.receivable.InvoiceDisputeResolved},
 * {@link org.credence.receivable.InvoicesImported} and
 * {@link org.credence.receivable.InvoiceWrittenOff}. Uses customer (the credit file and
 * its data scope), identity (current user, audit trail) and shared.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Receivable",
		allowedDependencies = { "shared", "identity", "customer" })
package org.credence.receivable;

import org.jspecify.annotations.NullMarked;
