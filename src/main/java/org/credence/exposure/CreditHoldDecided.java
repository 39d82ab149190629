package org.credence.exposure;

import java.math.BigDecimal;

/**
 * A credit manager released or rejected a held order.
 *
 * @param status RELEASED or REJECTED
 * @param companyAmount the order in company currency
 */
public record CreditHoldDecided(long holdId, String orderRef, String customerCode, CreditHold.Status status,
		BigDecimal companyAmount, String decidedBy) {
}
