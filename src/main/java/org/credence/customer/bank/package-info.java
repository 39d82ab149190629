/**
 * Storage of the customers' bank accounts, behind
 * {@link org.credence.customer.BankAccounts}.
 */
@NullMarked
package org.credence.customer.bank;

import org.jspecify.annotations.NullMarked;
