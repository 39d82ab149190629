/**
 * Bank statements: MT940 (read with Prowide's {@code pw-swift-core}) and ISO 20022
 * camt.053 (read with Prowide's {@code pw-iso20022}) become neutral
 * {@link org.credence.integration.bank.BankStatement}s; their credit lines go to the
 * receivable module, which stores and matches them. Debit lines are counted, never paid.
 */
@NullMarked
package org.credence.integration.bank;

import org.jspecify.annotations.NullMarked;
