package org.credence.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A partial change ({@code PATCH}): a field left {@code null} stays as it is. The code
 * never changes.
 */
public record CustomerChange(@Nullable String name, @Nullable String shortName, @Nullable String uscc,
		@Nullable String country, @Nullable String region, @Nullable String industry,
		@Nullable BigDecimal registeredCapital, @Nullable String registeredCapitalCurrency,
		@Nullable LocalDate foundedOn, @Nullable Integer employees, @Nullable OwnershipType ownershipType,
		@Nullable String groupCode, @Nullable String groupName, @Nullable String ownerUsername,
		@Nullable String analystUsername, @Nullable CustomerStatus status, @Nullable Set<String> tags) {

	/** Applies this change to a customer's current fields. */
	CustomerDraft applyTo(CustomerDraft current) {
		return new CustomerDraft(current.code(), pick(this.name, current.name()),
				pick(this.shortName, current.shortName()), pick(this.uscc, current.uscc()),
				pick(this.country, current.country()), pick(this.region, current.region()),
				pick(this.industry, current.industry()), pick(this.registeredCapital, current.registeredCapital()),
				pick(this.registeredCapitalCurrency, current.registeredCapitalCurrency()),
				pick(this.foundedOn, current.foundedOn()), pick(this.employees, current.employees()),
				pick(this.ownershipType, current.ownershipType()), pick(this.groupCode, current.groupCode()),
				pick(this.groupName, current.groupName()), pick(this.ownerUsername, current.ownerUsername()),
				pick(this.analystUsername, current.analystUsername()), pick(this.status, current.status()),
				pick(this.tags, current.tags()));
	}

	private static <T> @Nullable T pick(@Nullable T changed, @Nullable T current) {
		return changed != null ? changed : current;
	}

}
