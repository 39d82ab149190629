package org.credence.exposure;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** A credit check as the order system asks for it; every field is checked. */
public record CreditCheckRequest(@Nullable String customerCode, @Nullable String orderRef, @Nullable BigDecimal amount,
		@Nullable String currency) {
}
