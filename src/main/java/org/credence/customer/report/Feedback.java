package org.credence.customer.report;

import java.time.Instant;
import java.time.LocalDate;

import org.credence.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * What a peer or supplier reported about the customer's payments.
 *
 * @param sourceName the company that reported it
 * @param receivedOn when it was reported
 * @param creditAmount how much credit the source gives the customer, if it said
 */
public record Feedback(long id, String customerCode, FeedbackSource sourceType, String sourceName, LocalDate receivedOn,
		PaymentExperience paymentExperience, @Nullable Money creditAmount, @Nullable String comment, String recordedBy,
		Instant recordedAt) {
}
