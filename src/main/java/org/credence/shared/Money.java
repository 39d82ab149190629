package org.credence.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in a currency, exact: {@link BigDecimal} scaled to the currency's minor unit
 * with HALF_UP rounding. Amounts in different currencies never mix silently.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

	public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
		amount = amount.setScale(Math.max(currency.getDefaultFractionDigits(), 0), ROUNDING);
	}

	public static Money of(String amount, String currency) {
		return new Money(new BigDecimal(amount), Currency.getInstance(currency));
	}

	public static Money of(BigDecimal amount, String currency) {
		return new Money(amount, Currency.getInstance(currency));
	}

	public static Money zero(Currency currency) {
		return new Money(BigDecimal.ZERO, currency);
	}

	public Money plus(Money other) {
		requireSameCurrency(other);
		return new Money(this.amount.add(other.amount), this.currency);
	}

	public Money minus(Money other) {
		requireSameCurrency(other);
		return new Money(this.amount.subtract(other.amount), this.currency);
	}

	public Money times(BigDecimal factor) {
		return new Money(this.amount.multiply(factor), this.currency);
	}

	public boolean isNegative() {
		return this.amount.signum() < 0;
	}

	public boolean isZero() {
		return this.amount.signum() == 0;
	}

	@Override
	public int compareTo(Money other) {
		requireSameCurrency(other);
		return this.amount.compareTo(other.amount);
	}

	private void requireSameCurrency(Money other) {
		if (!this.currency.equals(other.currency)) {
			throw new IllegalArgumentException(
					"Cannot combine " + this.currency + " with " + other.currency + " without a conversion");
		}
	}

	@Override
	public String toString() {
		return this.amount.toPlainString() + " " + this.currency.getCurrencyCode();
	}

}
