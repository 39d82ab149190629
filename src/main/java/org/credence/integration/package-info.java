/**
 * Integration: data that comes from outside in bulk. File imports (CSV in UTF-8 or GBK,
 * and XLSX) for customers now, and for invoices, payments, orders, credit notes and
 * financial statements as their modules arrive; later bank statements and feeds to and
 * from ERP and CRM. It always writes through the owning module's API, so an imported row
 * is checked, audited and announced exactly as one entered by hand.
 * <p>
 * Uses shared, identity (permissions), customer ({@link org.credence.customer.Customers})
 * receivable ({@link org.credence.receivable.BankReceipts} for bank statements) and
 * assessment's statements
 * ({@link org.credence.assessment.statement.FinancialStatements}); no module uses it.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Integration",
		allowedDependencies = { "shared", "identity", "customer", "receivable", "assessment::statement" })
package org.credence.integration;

import org.jspecify.annotations.NullMarked;
