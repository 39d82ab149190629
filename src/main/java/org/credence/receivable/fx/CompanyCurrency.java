package org.credence.receivable.fx;

import java.util.Currency;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The currency the company reports in ({@code credence.company-currency}, default CNY):
 * aging, exposure and behaviour figures are in it.
 */
@Component
public class CompanyCurrency {

	private final String code;

	CompanyCurrency(@Value("${credence.company-currency:CNY}") String code) {
		this.code = Currency.getInstance(code.strip().toUpperCase(java.util.Locale.ROOT)).getCurrencyCode();
	}

	public String code() {
		return this.code;
	}

}
