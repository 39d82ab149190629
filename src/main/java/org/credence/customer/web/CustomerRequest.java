package org.credence.customer.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.credence.customer.CustomerChange;
import org.credence.customer.CustomerDraft;
import org.credence.customer.CustomerStatus;
import org.credence.customer.OwnershipType;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST} and {@code PATCH /api/v1/customers}. Enumerations arrive as
 * text so a wrong value is reported against its field.
 */
record CustomerRequest(@Nullable String code, @Nullable String name, @Nullable String shortName, @Nullable String uscc,
		@Nullable String country, @Nullable String region, @Nullable String industry,
		@Nullable BigDecimal registeredCapital, @Nullable String registeredCapitalCurrency,
		@Nullable LocalDate foundedOn, @Nullable Integer employees, @Nullable String ownershipType,
		@Nullable String groupCode, @Nullable String groupName, @Nullable String ownerUsername,
		@Nullable String analystUsername, @Nullable String status, @Nullable List<String> tags) {

	CustomerDraft toDraft() {
		List<FieldProblem> problems = new ArrayList<>();
		OwnershipType ownership = ownership(problems);
		CustomerStatus customerStatus = status(problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new CustomerDraft(this.code == null ? "" : this.code, this.name == null ? "" : this.name, this.shortName,
				this.uscc, this.country, this.region, this.industry, this.registeredCapital,
				this.registeredCapitalCurrency, this.foundedOn, this.employees, ownership, this.groupCode,
				this.groupName, this.ownerUsername, this.analystUsername, customerStatus, tagSet());
	}

	CustomerChange toChange() {
		List<FieldProblem> problems = new ArrayList<>();
		OwnershipType ownership = ownership(problems);
		CustomerStatus customerStatus = status(problems);
		if (this.code != null) {
			problems.add(new FieldProblem("code", "customer.code.immutable"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new CustomerChange(this.name, this.shortName, this.uscc, this.country, this.region, this.industry,
				this.registeredCapital, this.registeredCapitalCurrency, this.foundedOn, this.employees, ownership,
				this.groupCode, this.groupName, this.ownerUsername, this.analystUsername, customerStatus, tagSet());
	}

	private @Nullable Set<String> tagSet() {
		return this.tags == null ? null : new LinkedHashSet<>(this.tags);
	}

	private @Nullable OwnershipType ownership(List<FieldProblem> problems) {
		return parse(OwnershipType.class, "ownershipType", this.ownershipType, problems);
	}

	private @Nullable CustomerStatus status(List<FieldProblem> problems) {
		return parse(CustomerStatus.class, "status", this.status, problems);
	}

	static <E extends Enum<E>> @Nullable E parse(Class<E> type, String field, @Nullable String value,
			List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem(field, "customer.value.unknown", value,
					String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
			return null;
		}
	}

}
