package org.credence.limit;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Credit lines: the line of a customer today or as it stood on any past date.
 * <p>
 * SKELETON: the signatures are the contract between the limit sub-packages; the credit
 * line work replaces the bodies.
 */
@Service
public class CreditLines {

	/** The customer's line today (ACTIVE, SUSPENDED or EXPIRED), if it ever had one. */
	public Optional<CreditLine> current(String customerCode) {
		throw new UnsupportedOperationException("not built yet");
	}

	/** The customer's line as it stood at the end of {@code day}, from its history. */
	public Optional<CreditLine> asOf(String customerCode, LocalDate day) {
		throw new UnsupportedOperationException("not built yet");
	}

	/**
	 * Creates or changes the line as a finally approved application asks, within the
	 * caller's transaction; audited, publishes {@link CreditLineChanged}. Called by the
	 * application sub-package only.
	 */
	public CreditLine applyApproved(CreditApplicationApproved approved) {
		throw new UnsupportedOperationException("not built yet");
	}

}
