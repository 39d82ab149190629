package org.credence.receivable;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Document amounts in company currency: amount × the rate kept on the document, to the
 * fen (two decimals), HALF_UP.
 */
public final class Conversion {

	private Conversion() {
	}

	public static BigDecimal toCompany(BigDecimal amount, BigDecimal rate) {
		return amount.multiply(rate).setScale(2, RoundingMode.HALF_UP);
	}

}
