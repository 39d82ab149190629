package org.credence.customer.communication;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the communication log.
 *
 * @param contactId the contact person spoken to, absent when none was named or the
 * contact was deleted since
 * @param contactName that person's name as the reader may see it (clear or masked)
 * @param nextFollowUpOn when to get in touch again, if agreed
 * @param author the user who logged it
 */
public record Communication(long id, String customerCode, LocalDate occurredOn, Channel channel,
		@Nullable Long contactId, @Nullable String contactName, String summary, @Nullable LocalDate nextFollowUpOn,
		String author, Instant createdAt) {
}
