package org.credence.assessment.statement;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A statement as entered: its lines in {@code unit} (converted to 元 when recorded).
 * Missing values take defaults where there are any: currency CNY, unit 元, not audited.
 *
 * @param balanceOverrideReason why a balance sheet that does not balance is recorded all
 * the same; ignored when it balances
 */
public record StatementDraft(@Nullable LocalDate periodEnd, @Nullable PeriodType periodType, @Nullable String currency,
		@Nullable AmountUnit unit, @Nullable Boolean audited, StatementLines lines,
		@Nullable String balanceOverrideReason) {

	/** An annual statement in 元 and CNY, unaudited. */
	public static StatementDraft annual(LocalDate periodEnd, StatementLines lines) {
		return new StatementDraft(periodEnd, PeriodType.ANNUAL, "CNY", AmountUnit.YUAN, false, lines, null);
	}

	public StatementDraft in(AmountUnit unit) {
		return new StatementDraft(this.periodEnd, this.periodType, this.currency, unit, this.audited, this.lines,
				this.balanceOverrideReason);
	}

	public StatementDraft withLines(StatementLines lines) {
		return new StatementDraft(this.periodEnd, this.periodType, this.currency, this.unit, this.audited, lines,
				this.balanceOverrideReason);
	}

	public StatementDraft confirmedBecause(@Nullable String reason) {
		return new StatementDraft(this.periodEnd, this.periodType, this.currency, this.unit, this.audited, this.lines,
				reason);
	}

}
