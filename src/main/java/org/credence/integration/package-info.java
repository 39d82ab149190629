/**
 * Integration: data that comes from outside in bulk. File imports (CSV in UTF-8 or GBK,
 * and XLSX) of customers, financial statements, orders, invoices, payments and credit
 * notes; later bank statements and feeds to and from ERP and CRM. It always writes
 * through the owning module's API, so an imported row is checked, audited and announced
 * exactly as one entered by hand, except that invoices, which come by the million, are
 * written in bulk by the receivable module with one audit entry and one event per file.
 * <p>
 * Uses shared, identity (permissions), customer
 * ({@link org.credence.customer.Customers}), assessment's statements
 * ({@link org.credence.assessment.statement.FinancialStatements}) and receivable
 * ({@link org.credence.receivable.Receivables},
 * {@link org.credence.receivable.LedgerImports},
 * {@link org.credence.receivable.BankReceipts} for bank statements); no module uses it.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Integration",
		allowedDependencies = { "shared", "identity", "customer", "assessment::statement", "receivable" })
package org.credence.integration;

import org.jspecify.annotations.NullMarked;
