package org.credence.customer.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.credence.customer.BlacklistEntry;
import org.credence.customer.BlacklistMatch;
import org.credence.customer.CustomerDetails;
import org.jspecify.annotations.Nullable;

/**
 * A customer as the public API returns it. Money fields are decimal strings;
 * {@code region} is the stored code (CN-SH) and {@code regionName} its name in the
 * caller's language.
 */
record CustomerJson(String code, String name, @Nullable String shortName, @Nullable String uscc, String country,
		@Nullable String region, @Nullable String industry,
		@JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal registeredCapital,
		@Nullable String registeredCapitalCurrency, @Nullable LocalDate foundedOn, @Nullable Integer employees,
		@Nullable String ownershipType, @Nullable String groupCode, @Nullable String groupName,
		@Nullable String ownerUsername, @Nullable String analystUsername, String status, List<String> tags,
		@Nullable String grade, @Nullable String riskClass, boolean blacklisted,
		@Nullable BlacklistEntry blacklistEntry, Instant createdAt, Instant updatedAt,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<BlacklistMatch> warnings) {

	static CustomerJson of(CustomerDetails c) {
		return of(c, null);
	}

	static CustomerJson of(CustomerDetails c,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<BlacklistMatch> warnings) {
		return new CustomerJson(c.code(), c.name(), c.shortName(), c.uscc(), c.country(), c.region(),
				c.industry() == null ? null : c.industry().name(), c.registeredCapital(), c.registeredCapitalCurrency(),
				c.foundedOn(), c.employees(), c.ownershipType() == null ? null : c.ownershipType().name(),
				c.groupCode(), c.groupName(), c.ownerUsername(), c.analystUsername(), c.status().name(), c.tags(),
				c.grade(), c.riskClass(), c.blacklisted(), c.blacklistEntry(), c.createdAt(), c.updatedAt(), warnings);
	}

}
