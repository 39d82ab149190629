package org.credence.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.credence.shared.InvalidInputException.FieldProblem;

/**
 * What a customer's fields must satisfy, field by field, so a form, an API call and an
 * import row get the same messages. Pure: the caller says which users may own or analyse
 * customers.
 */
final class CustomerRules {

	/**
	 * Codes are path segments in URLs, so no slash; {@code new} and {@code export.xlsx}
	 * are pages.
	 */
	static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	private static final Set<String> RESERVED_CODES = Set.of("new", "export.xlsx");

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private CustomerRules() {
	}

	static List<FieldProblem> problems(CustomerDraft draft, LocalDate today, Predicate<String> isOwner,
			Predicate<String> isAnalyst) {
		List<FieldProblem> problems = new ArrayList<>();
		if (draft.code() == null || draft.code().isBlank()) {
			problems.add(new FieldProblem("code", "customer.code.required"));
		}
		else if (!CODE.matcher(draft.code()).matches()
				|| RESERVED_CODES.contains(draft.code().strip().toLowerCase(Locale.ROOT))) {
			problems.add(new FieldProblem("code", "customer.code.pattern"));
		}
		if (draft.name() == null || draft.name().isBlank()) {
			problems.add(new FieldProblem("name", "customer.name.required"));
		}
		else if (draft.name().length() > 300) {
			problems.add(new FieldProblem("name", "customer.name.too-long"));
		}
		if (draft.shortName() != null && draft.shortName().length() > 100) {
			problems.add(new FieldProblem("shortName", "customer.short-name.too-long"));
		}
		String country = draft.country() == null ? "CN" : draft.country();
		if (!COUNTRIES.contains(country)) {
			problems.add(new FieldProblem("country", "customer.country.unknown", country));
		}
		if (draft.uscc() != null && !draft.uscc().isBlank()) {
			if ("CN".equals(country)) {
				Uscc.problem(draft.uscc())
					.ifPresent(problem -> problems.add(new FieldProblem("uscc", "customer.uscc." + problem)));
			}
			else if (draft.uscc().length() > 64) {
				problems.add(new FieldProblem("uscc", "customer.registration-id.too-long"));
			}
		}
		if (draft.region() != null && draft.region().length() > 100) {
			problems.add(new FieldProblem("region", "customer.region.too-long"));
		}
		if (draft.industry() != null && !draft.industry().isBlank() && Industry.parse(draft.industry()).isEmpty()) {
			problems.add(new FieldProblem("industry", "customer.industry.unknown", draft.industry()));
		}
		if (draft.registeredCapital() != null && draft.registeredCapital().signum() < 0) {
			problems.add(new FieldProblem("registeredCapital", "customer.registered-capital.negative"));
		}
		if (draft.registeredCapital() != null
				&& draft.registeredCapital().compareTo(new BigDecimal("1000000000000000000")) >= 0) {
			problems.add(new FieldProblem("registeredCapital", "customer.registered-capital.too-large"));
		}
		if (draft.registeredCapitalCurrency() != null && !isCurrency(draft.registeredCapitalCurrency())) {
			problems.add(new FieldProblem("registeredCapitalCurrency", "customer.currency.unknown",
					draft.registeredCapitalCurrency()));
		}
		if (draft.foundedOn() != null && draft.foundedOn().isAfter(today)) {
			problems.add(new FieldProblem("foundedOn", "customer.founded-on.future"));
		}
		if (draft.employees() != null && draft.employees() < 0) {
			problems.add(new FieldProblem("employees", "customer.employees.negative"));
		}
		if (draft.groupCode() != null && !draft.groupCode().isBlank() && !CODE.matcher(draft.groupCode()).matches()) {
			problems.add(new FieldProblem("groupCode", "customer.code.pattern"));
		}
		if (draft.groupName() != null && draft.groupName().length() > 300) {
			problems.add(new FieldProblem("groupName", "customer.name.too-long"));
		}
		if (draft.ownerUsername() != null && !draft.ownerUsername().isBlank() && !isOwner.test(draft.ownerUsername())) {
			problems.add(new FieldProblem("ownerUsername", "customer.owner.not-sales", draft.ownerUsername()));
		}
		if (draft.analystUsername() != null && !draft.analystUsername().isBlank()
				&& !isAnalyst.test(draft.analystUsername())) {
			problems.add(new FieldProblem("analystUsername", "customer.analyst.not-analyst", draft.analystUsername()));
		}
		if (draft.tags() != null && draft.tags().stream().anyMatch(tag -> tag.isBlank() || tag.length() > 32)) {
			problems.add(new FieldProblem("tags", "customer.tags.invalid"));
		}
		return problems;
	}

	/**
	 * The draft as it is stored: trimmed, upper-case USCC, province codes, defaults
	 * filled in.
	 */
	static CustomerDraft normalise(CustomerDraft draft) {
		String country = blankToNull(draft.country()) == null ? "CN" : draft.country().strip().toUpperCase(Locale.ROOT);
		String uscc = blankToNull(draft.uscc());
		if (uscc != null && "CN".equals(country)) {
			uscc = uscc.strip().toUpperCase(Locale.ROOT);
		}
		String region = blankToNull(draft.region());
		if (region != null && "CN".equals(country)) {
			region = Province.parse(region).map(Province::code).orElse(region.strip());
		}
		String industry = blankToNull(draft.industry());
		if (industry != null) {
			industry = Industry.parse(industry).map(Enum::name).orElse(industry);
		}
		String capitalCurrency = draft.registeredCapital() == null ? null
				: blankToNull(draft.registeredCapitalCurrency()) == null ? "CNY"
						: draft.registeredCapitalCurrency().strip().toUpperCase(Locale.ROOT);
		return new CustomerDraft(draft.code().strip(), draft.name().strip(), blankToNull(draft.shortName()), uscc,
				country, region, industry, draft.registeredCapital(), capitalCurrency, draft.foundedOn(),
				draft.employees(), draft.ownershipType(), blankToNull(draft.groupCode()),
				blankToNull(draft.groupName()), blankToNull(draft.ownerUsername()),
				blankToNull(draft.analystUsername()), draft.status() == null ? CustomerStatus.PROSPECT : draft.status(),
				draft.tags() == null ? Set.of()
						: new java.util.TreeSet<>(draft.tags().stream().map(String::strip).toList()));
	}

	private static boolean isCurrency(String code) {
		try {
			Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
