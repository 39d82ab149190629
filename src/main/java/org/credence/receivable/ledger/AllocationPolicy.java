package org.credence.receivable.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How money the payer did not assign settles invoices: the oldest due date first, then
 * the oldest issue date, then the lower invoice number; each invoice takes what it has
 * open until the money runs out. What is left stays unapplied on the customer's account.
 * <p>
 * This is the usual rule of accounts receivable (and the customer's own expectation:
 * money pays the oldest debt first, as 《民法典》 art. 560 also presumes for debts of one kind
 * when the debtor names none).
 */
public final class AllocationPolicy {

	static final Comparator<Candidate> OLDEST_DUE_FIRST = Comparator.comparing(Candidate::dueDate)
		.thenComparing(Candidate::issueDate)
		.thenComparing(Candidate::number);

	private AllocationPolicy() {
	}

	/**
	 * The shares of {@code available} that open invoices take, oldest due first. Invoices
	 * with nothing open take nothing.
	 */
	public static List<Share> oldestDueFirst(BigDecimal available, List<Candidate> candidates) {
		List<Candidate> ordered = new ArrayList<>(candidates);
		ordered.sort(OLDEST_DUE_FIRST);
		List<Share> shares = new ArrayList<>();
		BigDecimal left = available;
		for (Candidate candidate : ordered) {
			if (left.signum() <= 0) {
				break;
			}
			if (candidate.openAmount().signum() <= 0) {
				continue;
			}
			BigDecimal share = left.min(candidate.openAmount());
			shares.add(new Share(candidate.invoiceId(), candidate.number(), share));
			left = left.subtract(share);
		}
		return List.copyOf(shares);
	}

	/** An invoice that may take money, with what it has open. */
	public record Candidate(long invoiceId, String number, LocalDate issueDate, LocalDate dueDate,
			BigDecimal openAmount) {
	}

	/** What one invoice takes. */
	public record Share(long invoiceId, String number, BigDecimal amount) {
	}

}
