/**
 * The ledger's storage and its allocation rule: orders, invoices, payments, credit notes,
 * write-offs and the allocations between them, with open amounts derived, never stored.
 */
@NullMarked
package org.credence.receivable.ledger;

import org.jspecify.annotations.NullMarked;
