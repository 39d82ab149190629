package org.credence.customer.report;

import java.time.LocalDate;

import org.credence.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * Feedback as entered: source type, source name, date and payment experience are
 * required; the credit amount may not be negative.
 */
public record FeedbackDraft(@Nullable FeedbackSource sourceType, @Nullable String sourceName,
		@Nullable LocalDate receivedOn, @Nullable PaymentExperience paymentExperience, @Nullable Money creditAmount,
		@Nullable String comment) {

	public static FeedbackDraft of(FeedbackSource sourceType, String sourceName, LocalDate receivedOn,
			PaymentExperience paymentExperience) {
		return new FeedbackDraft(sourceType, sourceName, receivedOn, paymentExperience, null, null);
	}

	public FeedbackDraft withCreditAmount(@Nullable Money creditAmount) {
		return new FeedbackDraft(this.sourceType, this.sourceName, this.receivedOn, this.paymentExperience,
				creditAmount, this.comment);
	}

	public FeedbackDraft withComment(@Nullable String comment) {
		return new FeedbackDraft(this.sourceType, this.sourceName, this.receivedOn, this.paymentExperience,
				this.creditAmount, comment);
	}

}
