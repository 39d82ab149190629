package org.credence.receivable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Units of the company currency for one unit of {@code currency}, valid from {@code date}
 * until the next rate entered for that currency.
 */
public record FxRate(LocalDate date, String currency, BigDecimal rate, String enteredBy, Instant enteredAt) {

}
