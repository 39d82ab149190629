package org.credence.integration.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.credence.identity.CurrentUser;
import org.credence.receivable.PaymentEntry;
import org.credence.receivable.PaymentEntry.RequestedAllocation;
import org.credence.receivable.Receivables;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Payments from a file, one payment per row, written through
 * {@link Receivables#recordPayment}: applied to the invoices the row names in its
 * {@code allocations} column ({@code INV-1=800.00; INV-2=200}), or else oldest due first;
 * the same checks, audit and events as a payment sent through the API. A row repeating a
 * payment on file (same external id, same content) changes nothing; other content under
 * the same external id is refused for that row.
 */
@Component
class PaymentImporter extends LedgerRowImporter<PaymentEntry> {

	static final String KIND = "payments";

	private static final List<String> FIELDS = List.of("externalId", "customerCode", "amount", "currency",
			"receivedDate", "reference", "allocations");

	private static final Set<String> REQUIRED = Set.of("externalId", "customerCode", "amount", "currency",
			"receivedDate");

	private static final Pattern SHARE = Pattern.compile("\\s*([^=＝]+?)\\s*[=＝]\\s*(\\S+)\\s*");

	private static final Pattern SEPARATORS = Pattern.compile("[;；\\n]");

	private final Receivables receivables;

	PaymentImporter(Receivables receivables, CurrentUser currentUser, MessageSource messages) {
		super(KIND, FIELDS, REQUIRED, currentUser, messages);
		this.receivables = receivables;
	}

	@Override
	public PaymentEntry read(ImportRow row) {
		return new PaymentEntry(row.text("externalId"), row.text("customerCode"), row.decimal("amount"),
				row.text("currency"), row.date("receivedDate"), row.text("reference"), allocations(row));
	}

	/**
	 * The invoices the payer named, as {@code number=amount} pairs separated by
	 * {@code ;}; {@code null} when the cell is blank.
	 */
	private static @Nullable List<RequestedAllocation> allocations(ImportRow row) {
		String text = row.text("allocations");
		if (text == null) {
			return null;
		}
		List<RequestedAllocation> shares = new ArrayList<>();
		for (String part : SEPARATORS.split(text)) {
			if (part.isBlank()) {
				continue;
			}
			Matcher share = SHARE.matcher(part);
			BigDecimal amount = share.matches() ? ImportRow.parseDecimal(share.group(2)) : null;
			if (amount == null) {
				row.reject("allocations", "integration.ledger.allocations.malformed", part.strip());
				return null;
			}
			shares.add(new RequestedAllocation(share.group(1), amount));
		}
		return shares;
	}

	@Override
	boolean record(PaymentEntry item) {
		return this.receivables.recordPayment(item).created();
	}

}
