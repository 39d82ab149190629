package org.credence.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Days sales outstanding (countback method) as of a day.
 *
 * @param dso in days, one decimal; absent when the customer had no invoice by then
 */
public record DsoPoint(LocalDate asOf, @Nullable BigDecimal dso) {

}
