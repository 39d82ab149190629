package org.credence.customer.timeline;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One dated event of a credit file.
 *
 * @param date the business date (a communication's date, a report's date, the day of an
 * upload or change in the company time zone)
 * @param at when it was recorded, to order events of one day
 * @param subject what the event is about: the channel of a communication, the agency of a
 * report, the source of feedback, a document's title, a contact's name (as the reader may
 * see it), the kind of entity changed
 * @param text its content: a summary, a comment, a consent's purpose, a reason
 * @param action for a change, the audit action (CHANGED, DELETED …)
 * @param actor who did it
 */
public record TimelineEntry(LocalDate date, Instant at, TimelineKind kind, @Nullable String subject,
		@Nullable String text, @Nullable String action, @Nullable String actor) {
}
