package org.credence.customer.communication;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A communication as logged: when, how, with whom (one of the customer's contacts, or
 * none), what was said, and when to follow up (not before the communication).
 */
public record CommunicationDraft(@Nullable LocalDate occurredOn, @Nullable Channel channel, @Nullable Long contactId,
		@Nullable String summary, @Nullable LocalDate nextFollowUpOn) {

	public static CommunicationDraft of(LocalDate occurredOn, Channel channel, String summary) {
		return new CommunicationDraft(occurredOn, channel, null, summary, null);
	}

	public CommunicationDraft withContact(@Nullable Long contactId) {
		return new CommunicationDraft(this.occurredOn, this.channel, contactId, this.summary, this.nextFollowUpOn);
	}

	public CommunicationDraft followUpOn(@Nullable LocalDate nextFollowUpOn) {
		return new CommunicationDraft(this.occurredOn, this.channel, this.contactId, this.summary, nextFollowUpOn);
	}

}
