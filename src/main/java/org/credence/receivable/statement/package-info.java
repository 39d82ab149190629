/**
 * Account statements (对账单): the ledger's movements of a customer for a period with
 * running balances, the PDF and XLSX renderings in the customer's language, and the
 * statements issued and answered.
 */
@NullMarked
package org.credence.receivable.statement;

import org.jspecify.annotations.NullMarked;
