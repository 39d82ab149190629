package org.credence.customer.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.credence.customer.CustomerStatus;
import org.credence.customer.Industry;
import org.credence.customer.OwnershipType;
import org.credence.customer.Province;
import org.credence.identity.Role;
import org.credence.identity.UserSummary;
import org.credence.identity.Users;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/**
 * Labels for the customer pages ({@code ${@customerLabels.region(c.region)}}):
 * industries, provinces and users in the reader's language, and the choices for select
 * boxes.
 */
@Component("customerLabels")
@RequestScope
public class CustomerLabels {

	private final Users users;

	/**
	 * Users looked up while rendering one page: a list names the same owners many times.
	 */
	private final Map<String, Optional<UserSummary>> seen = new HashMap<>();

	CustomerLabels(Users users) {
		this.users = users;
	}

	public String industry(@Nullable Industry industry) {
		return industry == null ? "—" : industry.name() + " " + industry.displayName(locale());
	}

	/** A province's name for a CN region code; other regions as they are. */
	public String region(@Nullable String region) {
		if (region == null || region.isBlank()) {
			return "—";
		}
		return Province.parse(region).map(p -> p.displayName(locale())).orElse(region);
	}

	public List<Industry> industries() {
		return Arrays.asList(Industry.values());
	}

	public List<CustomerStatus> statuses() {
		return Arrays.asList(CustomerStatus.values());
	}

	public List<OwnershipType> ownershipTypes() {
		return Arrays.asList(OwnershipType.values());
	}

	public List<Province> provinces() {
		return Arrays.asList(Province.values());
	}

	/** Enabled sales users, who may own customers. */
	public List<UserSummary> owners() {
		return this.users.withRole(Role.SALES);
	}

	/**
	 * The owners to offer in a form: enabled sales users, and the current owner even if
	 * disabled.
	 */
	public List<UserSummary> ownersIncluding(@Nullable String current) {
		return including(owners(), current);
	}

	/** The analysts to offer in a form, with the current analyst even if disabled. */
	public List<UserSummary> analystsIncluding(@Nullable String current) {
		return including(analysts(), current);
	}

	private List<UserSummary> including(List<UserSummary> users, @Nullable String current) {
		if (current == null || current.isBlank() || users.stream().anyMatch(u -> u.username().equals(current))) {
			return users;
		}
		List<UserSummary> all = new java.util.ArrayList<>(users);
		this.users.find(current).ifPresent(all::add);
		return all;
	}

	/** Enabled credit analysts and managers, who may be a customer's analyst. */
	public List<UserSummary> analysts() {
		List<UserSummary> analysts = new java.util.ArrayList<>(this.users.withRole(Role.CREDIT_ANALYST));
		this.users.withRole(Role.CREDIT_MANAGER)
			.stream()
			.filter(u -> analysts.stream().noneMatch(a -> a.username().equals(u.username())))
			.forEach(analysts::add);
		return analysts;
	}

	/** A user's display name with the user name, or the user name alone when unknown. */
	public String user(@Nullable String username) {
		if (username == null || username.isBlank()) {
			return "—";
		}
		return this.seen.computeIfAbsent(username, this.users::find)
			.map(u -> u.displayName() + " (" + u.username() + ")")
			.orElse(username);
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
