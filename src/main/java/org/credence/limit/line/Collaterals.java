package org.credence.limit.line;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.stereotype.Service;

/** Collateral and guarantees behind a customer's credit line. */
@Service
public class Collaterals {

	/** The secured amount in force on the day, in the given currency. */
	public BigDecimal securedOn(String customerCode, LocalDate day, String currency) {
		return BigDecimal.ZERO.setScale(2);
	}

}
