package org.credence.limit.line.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.credence.limit.CreditLine;
import org.credence.limit.CreditLineStatus;
import org.credence.limit.TemporaryIncrease;
import org.credence.limit.line.Collateral;
import org.credence.limit.line.GroupLimit;
import org.credence.limit.line.LineVersion;
import org.jspecify.annotations.Nullable;

/** The credit line API's JSON bodies; amounts are decimal strings. */
final class LineJson {

	private LineJson() {
	}

	/**
	 * A credit line as of a day: the contract's fields
	 * ({@code limit, currency, termsDays,
	 * validFrom, validTo, status}) and what was added after.
	 */
	record CreditLineJson(String customerCode, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal limit,
			String currency, int termsDays, LocalDate validFrom, @Nullable LocalDate validTo, CreditLineStatus status,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal effectiveLimit,
			List<TemporaryIncreaseJson> temporaryIncreases,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal securedAmount,
			@JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal requiredCoverRatio,
			boolean coverShortfall, @Nullable String suspendedReason, LocalDate asOf) {

		static CreditLineJson of(CreditLine line) {
			return new CreditLineJson(line.customerCode(), line.limit(), line.currency(), line.termsDays(),
					line.validFrom(), line.validTo(), line.status(), line.effectiveLimit(),
					line.temporaryIncreases().stream().map(TemporaryIncreaseJson::of).toList(), line.securedAmount(),
					line.requiredCoverRatio(), line.coverShortfall(), line.suspendedReason(), line.asOf());
		}

	}

	record TemporaryIncreaseJson(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, LocalDate validFrom,
			LocalDate validTo) {

		static TemporaryIncreaseJson of(TemporaryIncrease increase) {
			return new TemporaryIncreaseJson(increase.amount(), increase.validFrom(), increase.validTo());
		}

	}

	/** One version of the line's history. */
	record VersionJson(String change, LocalDate effectiveFrom, Instant recordedAt, String recordedBy,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal limit, String currency, int termsDays,
			LocalDate validFrom, @Nullable LocalDate validTo, boolean suspended,
			@JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal requiredCoverRatio,
			@Nullable Long applicationId, @Nullable String reason) {

		static VersionJson of(LineVersion v) {
			return new VersionJson(v.change(), v.effectiveFrom(), v.recordedAt(), v.recordedBy(), v.limit(),
					v.currency(), v.termsDays(), v.validFrom(), v.validTo(), v.suspended(), v.requiredCoverRatio(),
					v.applicationId(), v.suspended() && v.suspendedReason() != null && v.reason() == null
							? v.suspendedReason() : v.reason());
		}

	}

	record CollateralJson(long id, String type, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal value,
			String currency, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal haircutPercent,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal securedValue, LocalDate validFrom,
			@Nullable LocalDate validTo, boolean inForce, String provider, @Nullable String reference,
			@Nullable String note, Instant addedAt, String addedBy, @Nullable LocalDate releasedOn,
			@Nullable String releasedBy, @Nullable String releaseReason) {

		static CollateralJson of(Collateral c, LocalDate today) {
			return new CollateralJson(c.id(), c.type().name(), c.value(), c.currency(), c.haircutPercent(),
					c.securedValue(), c.validFrom(), c.validTo(), c.isInForceOn(today), c.provider(), c.reference(),
					c.note(), c.addedAt(), c.addedBy(), c.releasedOn(), c.releasedBy(), c.releaseReason());
		}

	}

	record GroupLimitJson(String groupCode, @Nullable String groupName,
			@JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal limit, String currency,
			@JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal memberLimits,
			@JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal headroom, boolean exceeded,
			int memberCount, List<MemberJson> members, @Nullable Instant setAt, @Nullable String setBy,
			@Nullable String reason) {

		static GroupLimitJson of(GroupLimit g) {
			return new GroupLimitJson(g.groupCode(), g.groupName(), g.limit(), g.currency(), g.memberLimits(),
					g.headroom(), g.exceeded(), g.memberCount(),
					g.members()
						.stream()
						.map(m -> new MemberJson(m.code(), m.name(), m.limit(), m.currency(), m.status()))
						.toList(),
					g.setAt(), g.setBy(), g.reason());
		}

	}

	record MemberJson(String customerCode, String name,
			@JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal limit, @Nullable String currency,
			@Nullable CreditLineStatus status) {
	}

	/** A reason for a suspension, reinstatement or release. */
	record ReasonRequest(@Nullable String reason) {
	}

	/** A cover requirement: the secured amount over the limit, or null to lift it. */
	record CoverRequest(@Nullable BigDecimal coverRatio, @Nullable String reason) {
	}

	/** A group limit to set; without an amount the group limit is removed. */
	record GroupLimitRequest(@Nullable BigDecimal amount, @Nullable String currency, @Nullable String reason) {
	}

	/** A collateral or guarantee to record. */
	record CollateralRequest(@Nullable String type, @Nullable BigDecimal value, @Nullable String currency,
			@Nullable BigDecimal haircutPercent, @Nullable LocalDate validTo, @Nullable String provider,
			@Nullable String reference, @Nullable String note) {
	}

}
