package org.credence.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A customer as entered: the fields of {@code POST /api/v1/customers}, a form or an
 * import row. Only {@code code} and {@code name} are required; {@code country} defaults
 * to CN and {@code status} to PROSPECT. Checked by
 * {@link Customers#problems(CustomerDraft)}.
 *
 * @param uscc the USCC for a CN customer (check digit validated), another country's
 * registration id
 * @param region a province (ISO 3166-2:CN code or name) for CN, free text elsewhere
 * @param industry a GB/T 4754 section letter A–T
 * @param registeredCapital 注册资本 in 元 of {@code registeredCapitalCurrency} (default CNY)
 * @param groupCode the group (集团) the customer belongs to; created on first use
 * @param groupName the group's name when the group is created (default: its code)
 * @param ownerUsername the sales user who owns the customer
 * @param analystUsername the credit analyst responsible for the file
 */
public record CustomerDraft(String code, String name, @Nullable String shortName, @Nullable String uscc,
		@Nullable String country, @Nullable String region, @Nullable String industry,
		@Nullable BigDecimal registeredCapital, @Nullable String registeredCapitalCurrency,
		@Nullable LocalDate foundedOn, @Nullable Integer employees, @Nullable OwnershipType ownershipType,
		@Nullable String groupCode, @Nullable String groupName, @Nullable String ownerUsername,
		@Nullable String analystUsername, @Nullable CustomerStatus status, @Nullable Set<String> tags) {

	/** A draft with only the required fields. */
	public static CustomerDraft of(String code, String name) {
		return new CustomerDraft(code, name, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null);
	}

}
