package org.credence.assessment.statement;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The unit a statement's figures were entered in, as Chinese statements are printed (元,
 * 千元, 万元). Figures are kept in 元 of the statement's currency, to the fen; the unit is
 * kept to show the statement as it was entered.
 */
public enum AmountUnit {

	/** 元. */
	YUAN(BigDecimal.ONE),
	/** 千元. */
	THOUSAND(BigDecimal.valueOf(1_000)),
	/** 万元. */
	TEN_THOUSAND(BigDecimal.valueOf(10_000));

	/** Figures in 元 are kept to two decimals (the fen). */
	public static final int YUAN_SCALE = 2;

	private final BigDecimal factor;

	AmountUnit(BigDecimal factor) {
		this.factor = factor;
	}

	/** How many 元 one unit is. */
	public BigDecimal factor() {
		return this.factor;
	}

	/** A figure in this unit, in 元 rounded HALF_UP to the fen. */
	public BigDecimal toYuan(BigDecimal amount) {
		return amount.multiply(this.factor).setScale(YUAN_SCALE, RoundingMode.HALF_UP);
	}

	/** A figure in 元, in this unit, exact (trailing zeros stripped). */
	public BigDecimal fromYuan(BigDecimal yuan) {
		BigDecimal value = yuan.divide(this.factor).stripTrailingZeros();
		return value.scale() < 0 ? value.setScale(0) : value;
	}

}
