/**
 * Bank receipts: storage of the credit lines of imported statements, and the search for
 * invoice numbers in their remittance text, behind
 * {@link org.credence.receivable.BankReceipts}.
 */
@NullMarked
package org.credence.receivable.bank;

import org.jspecify.annotations.NullMarked;
