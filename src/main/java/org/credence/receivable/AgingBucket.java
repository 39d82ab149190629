package org.credence.receivable;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The open amount whose age in days lies from {@code fromDays} to {@code toDays}
 * (inclusive).
 *
 * @param fromDays absent for the first bucket (not yet due: zero or fewer days)
 * @param toDays absent for the last bucket (open-ended)
 */
public record AgingBucket(String label, @Nullable Integer fromDays, @Nullable Integer toDays, BigDecimal amount) {

}
