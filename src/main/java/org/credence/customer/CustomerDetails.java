package org.credence.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A customer's credit file header as other modules, the API and the UI see it.
 *
 * @param grade the current rating grade (AAA … D), absent while unrated
 * @param riskClass LOW, MEDIUM or HIGH from the grade, absent while unrated
 * @param blacklisted whether an active blacklist entry exists today
 * @param blacklistEntry the active entry, when blacklisted
 */
public record CustomerDetails(long id, String code, String name, @Nullable String shortName, @Nullable String uscc,
		String country, @Nullable String region, @Nullable Industry industry, @Nullable BigDecimal registeredCapital,
		@Nullable String registeredCapitalCurrency, @Nullable LocalDate foundedOn, @Nullable Integer employees,
		@Nullable OwnershipType ownershipType, @Nullable String groupCode, @Nullable String groupName,
		@Nullable String ownerUsername, @Nullable String analystUsername, CustomerStatus status, List<String> tags,
		@Nullable String grade, @Nullable String riskClass, boolean blacklisted,
		@Nullable BlacklistEntry blacklistEntry, Instant createdAt, Instant updatedAt, long version) {

	/** The subject under which this customer's audit entries are filed. */
	public String auditSubject() {
		return auditSubject(this.code);
	}

	public static String auditSubject(String code) {
		return "customer/" + code;
	}

	/** The fields as a draft, to change some and save again. */
	public CustomerDraft toDraft() {
		return new CustomerDraft(this.code, this.name, this.shortName, this.uscc, this.country, this.region,
				this.industry == null ? null : this.industry.name(), this.registeredCapital,
				this.registeredCapitalCurrency, this.foundedOn, this.employees, this.ownershipType, this.groupCode,
				this.groupName, this.ownerUsername, this.analystUsername, this.status,
				new java.util.LinkedHashSet<>(this.tags));
	}

}
