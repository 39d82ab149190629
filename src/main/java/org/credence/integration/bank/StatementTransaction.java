package org.credence.integration.bank;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * One payment within an entry: who paid (for a credit) or was paid, and what they wrote.
 *
 * @param amount positive, in {@code currency}
 * @param counterpartyName the payer of a credit (MT940 {@code :86:} name, camt
 * {@code Dbtr}), or the payee of a debit
 * @param counterpartyAccount their account, without spaces, upper case
 * @param remittance the payer's free text (camt {@code Ustrd}, MT940 remittance text)
 * @param creditorReference a structured reference (ISO 11649 RF, Swiss ESR/QR, Dutch CUR,
 * camt {@code Strd/CdtrRefInf/Ref})
 * @param endToEndId the payer's end-to-end reference
 * @param additionalInfo further text the bank gives (camt {@code AddtlTxInf}, MT940 codes
 * such as a return reason)
 */
public record StatementTransaction(BigDecimal amount, String currency, @Nullable String counterpartyName,
		@Nullable String counterpartyAccount, @Nullable String remittance, @Nullable String creditorReference,
		@Nullable String endToEndId, @Nullable String additionalInfo) {

	/** Every text a matcher may search for an invoice number, joined by spaces. */
	public String searchableText() {
		StringBuilder text = new StringBuilder();
		for (String part : new String[] { this.remittance, this.creditorReference, this.endToEndId,
				this.additionalInfo }) {
			if (part != null && !part.isBlank()) {
				text.append(text.isEmpty() ? "" : " ").append(part);
			}
		}
		return text.toString();
	}

}
