package org.credence.limit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.jspecify.annotations.Nullable;

/**
 * A credit application (授信申请) as it stands: what was asked, the recommendation and the
 * customer's rating when it was (re)submitted, the flags the approvers see, and the route
 * of the current submission with every decision.
 *
 * @param amount for {@link ApplicationType#TEMPORARY} the increase on top of the line,
 * otherwise the limit asked for
 * @param currentLimit the customer's limit when the application was submitted, if it had
 * a line
 * @param routingAmount the resulting limit in {@code routingCurrency} (the company
 * currency) that picked the band of the approval matrix
 * @param highRisk routed as for a high-risk customer: risk class HIGH, or unrated
 * @param round the submission: 1, and one more after each return and resubmission
 * @param currentLevel the level waiting for a decision while IN_APPROVAL
 * @param overdue the current step waits longer than the reminder interval
 * @param decisions every decision of every round, oldest first
 */
public record CreditApplication(long id, String customerCode, String customerName, ApplicationType type,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency, int termsDays,
		@Nullable LocalDate validTo, @Nullable LocalDate effectiveFrom, String reason, ApplicationStatus status,
		boolean rated, @Nullable String grade, @Nullable String riskClass,
		@JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal currentLimit, Advice recommendation,
		boolean aboveRecommendation, boolean aboveGradeMaximum, boolean aboveMaxTerms, boolean highRisk,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal routingAmount, String routingCurrency,
		int matrixVersion, int round, @Nullable Integer currentLevel, @Nullable Instant stepSince, boolean overdue,
		String requestedBy, Instant createdAt, Instant submittedAt, @Nullable Instant decidedAt, List<Step> route,
		List<Approval> decisions, List<Attachment> attachments) {

	/** The step waiting for a decision, if the application is in approval. */
	public @Nullable Step currentStep() {
		if (this.currentLevel == null) {
			return null;
		}
		return this.route.stream().filter(s -> s.level() == this.currentLevel).findFirst().orElse(null);
	}

	public boolean isOpen() {
		return this.status == ApplicationStatus.IN_APPROVAL || this.status == ApplicationStatus.RETURNED;
	}

	/** The life of an application. */
	public enum ApplicationStatus {

		/** Waiting at a step of its route. */
		IN_APPROVAL,
		/** Sent back to the requester to amend and resubmit. */
		RETURNED,
		/** Every step approved; the credit line was created or changed. */
		APPROVED,
		/** Rejected at a step; the remaining steps were skipped. */
		REJECTED,
		/** Withdrawn by the requester. */
		CANCELLED

	}

	/** What an approver decides at a step. */
	public enum Decision {

		APPROVE, REJECT, RETURN

	}

	/**
	 * What the credit policy recommended when the application was (re)submitted.
	 *
	 * @param basis the recommendation's basis in the reader's language
	 */
	public record Advice(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency, int termsDays,
			int maxTermsDays, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal gradeMaximum, String basis) {
	}

	/**
	 * A step of the route: {@code required} distinct people holding {@code role} must
	 * approve it. Status PENDING, APPROVED, REJECTED, RETURNED or SKIPPED.
	 */
	public record Step(int level, String role, int required, String status, List<Approval> approvals,
			@Nullable Instant remindedAt) {

		public long approvedCount() {
			return this.approvals.stream().filter(a -> "APPROVE".equals(a.decision())).count();
		}

	}

	/** One decision at a step, with its comment. */
	public record Approval(int round, int level, String username, String decision, @Nullable String comment,
			Instant at) {
	}

	/** A file given with the application (without its content). */
	public record Attachment(long id, String fileName, String contentType, long size, String uploadedBy,
			Instant uploadedAt) {
	}

}
