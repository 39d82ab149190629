package org.credence.customer.report;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An external credit report as entered. {@code agency} and {@code reportDate} are
 * required; {@code lawsuits} defaults to 0; {@code documentId} names a document of the
 * same customer that holds the report.
 */
public record ExternalReportDraft(@Nullable String agency, @Nullable LocalDate reportDate, @Nullable BigDecimal score,
		@Nullable String rating, @Nullable Integer lawsuits, @Nullable String summary, @Nullable Long documentId) {

	public static ExternalReportDraft of(String agency, LocalDate reportDate) {
		return new ExternalReportDraft(agency, reportDate, null, null, null, null, null);
	}

	public ExternalReportDraft withScore(@Nullable BigDecimal score, @Nullable String rating) {
		return new ExternalReportDraft(this.agency, this.reportDate, score, rating, this.lawsuits, this.summary,
				this.documentId);
	}

	public ExternalReportDraft withLawsuits(int lawsuits) {
		return new ExternalReportDraft(this.agency, this.reportDate, this.score, this.rating, lawsuits, this.summary,
				this.documentId);
	}

	public ExternalReportDraft withSummary(@Nullable String summary) {
		return new ExternalReportDraft(this.agency, this.reportDate, this.score, this.rating, this.lawsuits, summary,
				this.documentId);
	}

	public ExternalReportDraft withDocument(@Nullable Long documentId) {
		return new ExternalReportDraft(this.agency, this.reportDate, this.score, this.rating, this.lawsuits,
				this.summary, documentId);
	}

}
