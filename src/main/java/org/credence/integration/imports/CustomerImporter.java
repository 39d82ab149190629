package org.credence.integration.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.credence.customer.BlacklistMatch;
import org.credence.customer.CustomerDraft;
import org.credence.customer.CustomerStatus;
import org.credence.customer.Customers;
import org.credence.customer.Industry;
import org.credence.customer.OwnershipType;
import org.credence.customer.Province;
import org.credence.customer.Registration;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Customers from a file, one credit file per row, written through
 * {@link Customers#upsert(CustomerDraft)}: a new code opens a credit file, a known code
 * changes it. A blank cell leaves the stored value as it is (a new customer gets the
 * default), so a file with a few columns updates just those. Enumerated values are
 * accepted as codes or as their labels in either language; a customer that resembles a
 * blacklisted one is imported with a warning.
 */
@Component
class CustomerImporter implements Importer<CustomerDraft> {

	static final String KIND = "customers";

	private static final List<String> FIELDS = List.of("code", "name", "shortName", "uscc", "country", "region",
			"industry", "registeredCapital", "registeredCapitalCurrency", "foundedOn", "employees", "ownershipType",
			"groupCode", "groupName", "ownerUsername", "analystUsername", "status", "tags");

	private static final Set<String> REQUIRED = Set.of("code", "name");

	/** Names people use for a column besides its two labels. */
	private static final List<List<String>> EXTRA_NAMES = List.of(List.of("region", "省份", "地区", "省市", "Province"),
			List.of("code", "客户代码", "Customer no."), List.of("uscc", "信用代码", "社会信用代码", "USCI"),
			List.of("industry", "所属行业"), List.of("tags", "Tag"));

	private static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	/** A code followed by its label, as the template's instructions list values. */

	private static final Pattern SECTION_AND_NAME = Pattern.compile("([A-Ta-t])\\s*(?:—|-|–|:|：|\\s)\\s*.+");

	private final Customers customers;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	private final EnumLabels labels;

	private final List<ImportColumn> columns;

	CustomerImporter(Customers customers, CurrentUser currentUser, MessageSource messages) {
		this.customers = customers;
		this.currentUser = currentUser;
		this.messages = messages;
		this.labels = new EnumLabels(messages, "integration.customers.");
		this.columns = FIELDS.stream().map(this::column).toList();
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public List<ImportColumn> columns() {
		return this.columns;
	}

	/**
	 * Needs the import permission, and the right to write credit files, which every write
	 * of {@link Customers} checks.
	 */
	@Override
	public void authorise() {
		this.currentUser.require(Permission.CUSTOMER_IMPORT);
	}

	@Override
	public CustomerDraft read(ImportRow row) {
		return new CustomerDraft(row.textOrEmpty("code"), row.textOrEmpty("name"), row.text("shortName"),
				row.text("uscc"), country(row.text("country")), row.text("region"), industry(row.text("industry")),
				row.decimal("registeredCapital"), upper(row.text("registeredCapitalCurrency")), row.date("foundedOn"),
				row.integer("employees"),
				row.choice("ownershipType", text -> this.labels.parse(OwnershipType.class, "ownership", text),
						EnumLabels.codes(OwnershipType.values())),
				row.text("groupCode"), row.text("groupName"), row.text("ownerUsername"), row.text("analystUsername"),
				row.choice("status", text -> this.labels.parse(CustomerStatus.class, "status", text),
						EnumLabels.codes(CustomerStatus.values())),
				row.list("tags"));
	}

	@Override
	public List<FieldProblem> problems(CustomerDraft customer) {
		return this.customers.problems(customer);
	}

	@Override
	public @Nullable String key(CustomerDraft customer) {
		return customer.code().isBlank() ? null : customer.code().strip();
	}

	@Override
	public String keyField() {
		return "code";
	}

	@Override
	public List<ImportWarning> write(CustomerDraft customer) {
		Registration registration = this.customers.upsert(customer);
		List<ImportWarning> warnings = new ArrayList<>();
		for (BlacklistMatch match : registration.warnings()) {
			warnings.add(new ImportWarning("integration.customers.warning.blacklisted", customer.code(),
					match.customerCode(), match.customerName(),
					new DefaultMessageSourceResolvable("integration.customers.matched-on." + match.matchedOn()),
					match.reason()));
		}
		return warnings;
	}

	@Override
	public List<String> allowedValues(String field, Locale locale) {
		return switch (field) {
			case "industry" -> Arrays.stream(Industry.values())
				.map(industry -> industry.name() + " — " + industry.displayName(locale))
				.toList();
			case "region" -> Arrays.stream(Province.values())
				.map(province -> province.code() + " — " + province.displayName(locale))
				.toList();
			case "ownershipType" -> this.labels.labels(OwnershipType.values(), "ownership", locale);
			case "status" -> this.labels.labels(CustomerStatus.values(), "status", locale);
			default -> List.of();
		};
	}

	private ImportColumn column(String field) {
		String labelCode = "integration.customers.column." + field;
		Set<String> aliases = new HashSet<>();
		for (Locale language : LANGUAGES) {
			aliases.add(this.messages.getMessage(labelCode, null, field, language));
		}
		EXTRA_NAMES.stream()
			.filter(names -> names.get(0).equals(field))
			.forEach(names -> aliases.addAll(names.subList(1, names.size())));
		return new ImportColumn(field, REQUIRED.contains(field), labelCode, "integration.customers.hint." + field,
				aliases);
	}

	/**
	 * An ISO 3166 code in any case, or a country's name in Chinese or English
	 * ({@code 中国}, {@code Germany}); anything else is left for the customer rules to
	 * refuse.
	 */
	private static @Nullable String country(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String value = text.strip();
		Function<String, Optional<String>> byName = name -> Arrays.stream(Locale.getISOCountries())
			.filter(code -> LANGUAGES.stream()
				.anyMatch(language -> new Locale("", code).getDisplayCountry(language).equalsIgnoreCase(name)))
			.findFirst();
		if (value.length() == 2 && value.chars().allMatch(c -> c < 128 && Character.isLetter(c))) {
			return value.toUpperCase(Locale.ROOT);
		}
		return byName.apply(value).orElse(value);
	}

	/** A section letter, also when followed by its name as the instructions list it. */
	private static @Nullable String industry(@Nullable String text) {
		if (text == null) {
			return null;
		}
		Matcher sectionAndName = SECTION_AND_NAME.matcher(text);
		if (Industry.parse(text).isEmpty() && sectionAndName.matches()) {
			return sectionAndName.group(1);
		}
		return text;
	}

	private static @Nullable String upper(@Nullable String text) {
		return text == null ? null : text.toUpperCase(Locale.ROOT);
	}

}
