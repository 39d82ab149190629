package org.credence.limit.line;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.credence.limit.CreditLineStatus;
import org.jspecify.annotations.Nullable;

/**
 * One row of a line's history: the whole line as it stands from {@code effectiveFrom}
 * until a later version takes over.
 *
 * @param change what this version changed, e.g. {@code GRANTED}, {@code INCREASED},
 * {@code SUSPENDED}
 * @param requiredCoverRatio the cover ratio the credit policy required when the line was
 * granted or last changed by an application; absent when no collateral was required
 */
public record LineVersion(long id, long lineId, LocalDate effectiveFrom, Instant recordedAt, String recordedBy,
		String change, BigDecimal limit, String currency, int termsDays, LocalDate validFrom,
		@Nullable LocalDate validTo, boolean suspended, @Nullable String suspendedReason,
		@Nullable BigDecimal requiredCoverRatio, @Nullable Long applicationId, @Nullable String reason) {

	/** The status on a day: expired after valid-to, else suspended or active. */
	public CreditLineStatus statusOn(LocalDate day) {
		if (this.validTo != null && this.validTo.isBefore(day)) {
			return CreditLineStatus.EXPIRED;
		}
		return this.suspended ? CreditLineStatus.SUSPENDED : CreditLineStatus.ACTIVE;
	}

	/** This version with another change, as of another day, by someone else. */
	public LineVersion next(String change, LocalDate effectiveFrom, String by, @Nullable Long applicationId,
			@Nullable String reason) {
		return new LineVersion(0, this.lineId, effectiveFrom, Instant.EPOCH, by, change, this.limit, this.currency,
				this.termsDays, this.validFrom, this.validTo, this.suspended, this.suspendedReason,
				this.requiredCoverRatio, applicationId, reason);
	}

	public LineVersion withTerms(BigDecimal limit, String currency, int termsDays) {
		return new LineVersion(this.id, this.lineId, this.effectiveFrom, this.recordedAt, this.recordedBy, this.change,
				limit, currency, termsDays, this.validFrom, this.validTo, this.suspended, this.suspendedReason,
				this.requiredCoverRatio, this.applicationId, this.reason);
	}

	public LineVersion withPeriod(LocalDate validFrom, @Nullable LocalDate validTo) {
		return new LineVersion(this.id, this.lineId, this.effectiveFrom, this.recordedAt, this.recordedBy, this.change,
				this.limit, this.currency, this.termsDays, validFrom, validTo, this.suspended, this.suspendedReason,
				this.requiredCoverRatio, this.applicationId, this.reason);
	}

	public LineVersion withSuspension(boolean suspended, @Nullable String reason) {
		return new LineVersion(this.id, this.lineId, this.effectiveFrom, this.recordedAt, this.recordedBy, this.change,
				this.limit, this.currency, this.termsDays, this.validFrom, this.validTo, suspended,
				suspended ? reason : null, this.requiredCoverRatio, this.applicationId, this.reason);
	}

	public LineVersion withRequiredCoverRatio(@Nullable BigDecimal ratio) {
		return new LineVersion(this.id, this.lineId, this.effectiveFrom, this.recordedAt, this.recordedBy, this.change,
				this.limit, this.currency, this.termsDays, this.validFrom, this.validTo, this.suspended,
				this.suspendedReason, ratio, this.applicationId, this.reason);
	}

}
