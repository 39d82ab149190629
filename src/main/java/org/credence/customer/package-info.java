/**
 * Customer: the credit file (客户信用档案). Customers with their registration data, groups
 * (集团), owners and analysts, the blacklist; contacts with encrypted personal data, the
 * communication log, external credit reports, peer and supplier feedback, and documents.
 * <p>
 * Offers {@link org.credence.customer.Customers},
 * {@link org.credence.customer.BankAccounts} (the customers' bank accounts, who a payer
 * is) and the records they return. Publishes
 * {@link org.credence.customer.CustomerRegistered},
 * {@link org.credence.customer.CustomerChanged},
 * {@link org.credence.customer.CustomerBlacklisted} and
 * {@link org.credence.customer.CustomerRemovedFromBlacklist}. Uses identity (current
 * user, data scope, audit trail, personal data) and shared.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Customer",
		allowedDependencies = { "shared", "identity" })
package org.credence.customer;

import org.jspecify.annotations.NullMarked;
