package org.credence.customer.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A report of an external credit agency about the customer.
 *
 * @param agency who issued it: 中诚信, Dun &amp; Bradstreet, 企查查 …
 * @param score the agency's score on its own scale, if it gives one
 * @param rating the agency's rating, if it gives one (AA, 5A2 …)
 * @param lawsuits how many lawsuits against the customer the report lists
 * @param documentId the attached report file, a document of the same credit file
 * @param documentFileName that file's name
 */
public record ExternalReport(long id, String customerCode, String agency, LocalDate reportDate,
		@Nullable BigDecimal score, @Nullable String rating, int lawsuits, @Nullable String summary,
		@Nullable Long documentId, @Nullable String documentFileName, String recordedBy, Instant recordedAt) {
}
