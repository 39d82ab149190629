package org.credence.customer.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import org.credence.customer.CustomerDetails;
import org.credence.customer.CustomerDraft;
import org.credence.customer.CustomerStatus;
import org.credence.customer.OwnershipType;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;

/**
 * The customer form exactly as typed, so a failed save shows the user's input again;
 * converted to a {@link CustomerDraft} with a field problem for every value that does not
 * parse.
 */
public class CustomerForm {

	private String code = "";

	private String name = "";

	private String shortName = "";

	private String uscc = "";

	private String country = "CN";

	private String region = "";

	private String industry = "";

	private String registeredCapital = "";

	private String registeredCapitalCurrency = "CNY";

	private String foundedOn = "";

	private String employees = "";

	private String ownershipType = "";

	private String groupCode = "";

	private String groupName = "";

	private String ownerUsername = "";

	private String analystUsername = "";

	private String status = "PROSPECT";

	private String tags = "";

	private long version;

	private boolean blacklistMatchConfirmed;

	static CustomerForm of(CustomerDetails c) {
		CustomerForm form = new CustomerForm();
		form.code = c.code();
		form.name = c.name();
		form.shortName = text(c.shortName());
		form.uscc = text(c.uscc());
		form.country = c.country();
		form.region = text(c.region());
		form.industry = c.industry() == null ? "" : c.industry().name();
		form.registeredCapital = c.registeredCapital() == null ? "" : c.registeredCapital().toPlainString();
		form.registeredCapitalCurrency = c.registeredCapitalCurrency() == null ? "CNY" : c.registeredCapitalCurrency();
		form.foundedOn = c.foundedOn() == null ? "" : c.foundedOn().toString();
		form.employees = c.employees() == null ? "" : c.employees().toString();
		form.ownershipType = c.ownershipType() == null ? "" : c.ownershipType().name();
		form.groupCode = text(c.groupCode());
		form.groupName = text(c.groupName());
		form.ownerUsername = text(c.ownerUsername());
		form.analystUsername = text(c.analystUsername());
		form.status = c.status().name();
		form.tags = String.join(", ", c.tags());
		form.version = c.version();
		return form;
	}

	CustomerDraft toDraft() {
		List<FieldProblem> problems = new ArrayList<>();
		BigDecimal capital = null;
		if (!this.registeredCapital.isBlank()) {
			try {
				capital = new BigDecimal(this.registeredCapital.strip().replace(",", ""));
			}
			catch (NumberFormatException ex) {
				problems
					.add(new FieldProblem("registeredCapital", "customer.value.not-a-number", this.registeredCapital));
			}
		}
		Integer employeeCount = null;
		if (!this.employees.isBlank()) {
			try {
				employeeCount = Integer.valueOf(this.employees.strip().replace(",", ""));
			}
			catch (NumberFormatException ex) {
				problems.add(new FieldProblem("employees", "customer.value.not-a-number", this.employees));
			}
		}
		LocalDate founded = null;
		if (!this.foundedOn.isBlank()) {
			try {
				founded = LocalDate.parse(this.foundedOn.strip());
			}
			catch (DateTimeParseException ex) {
				problems.add(new FieldProblem("foundedOn", "customer.value.not-a-date", this.foundedOn));
			}
		}
		OwnershipType ownership = CustomerRequest.parse(OwnershipType.class, "ownershipType", this.ownershipType,
				problems);
		CustomerStatus customerStatus = CustomerRequest.parse(CustomerStatus.class, "status", this.status, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		LinkedHashSet<String> tagSet = new LinkedHashSet<>();
		Arrays.stream(this.tags.split("[,，;；、]")).map(String::strip).filter(t -> !t.isEmpty()).forEach(tagSet::add);
		return new CustomerDraft(this.code, this.name, this.shortName, this.uscc, this.country, this.region,
				this.industry, capital, capital == null ? null : this.registeredCapitalCurrency, founded, employeeCount,
				ownership, this.groupCode, this.groupName, this.ownerUsername, this.analystUsername, customerStatus,
				tagSet);
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	// Accessors for form binding

	public String getCode() {
		return this.code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getShortName() {
		return this.shortName;
	}

	public void setShortName(String shortName) {
		this.shortName = shortName;
	}

	public String getUscc() {
		return this.uscc;
	}

	public void setUscc(String uscc) {
		this.uscc = uscc;
	}

	public String getCountry() {
		return this.country;
	}

	public void setCountry(String country) {
		this.country = country;
	}

	public String getRegion() {
		return this.region;
	}

	public void setRegion(String region) {
		this.region = region;
	}

	public String getIndustry() {
		return this.industry;
	}

	public void setIndustry(String industry) {
		this.industry = industry;
	}

	public String getRegisteredCapital() {
		return this.registeredCapital;
	}

	public void setRegisteredCapital(String registeredCapital) {
		this.registeredCapital = registeredCapital;
	}

	public String getRegisteredCapitalCurrency() {
		return this.registeredCapitalCurrency;
	}

	public void setRegisteredCapitalCurrency(String registeredCapitalCurrency) {
		this.registeredCapitalCurrency = registeredCapitalCurrency;
	}

	public String getFoundedOn() {
		return this.foundedOn;
	}

	public void setFoundedOn(String foundedOn) {
		this.foundedOn = foundedOn;
	}

	public String getEmployees() {
		return this.employees;
	}

	public void setEmployees(String employees) {
		this.employees = employees;
	}

	public String getOwnershipType() {
		return this.ownershipType;
	}

	public void setOwnershipType(String ownershipType) {
		this.ownershipType = ownershipType;
	}

	public String getGroupCode() {
		return this.groupCode;
	}

	public void setGroupCode(String groupCode) {
		this.groupCode = groupCode;
	}

	public String getGroupName() {
		return this.groupName;
	}

	public void setGroupName(String groupName) {
		this.groupName = groupName;
	}

	public String getOwnerUsername() {
		return this.ownerUsername;
	}

	public void setOwnerUsername(String ownerUsername) {
		this.ownerUsername = ownerUsername;
	}

	public String getAnalystUsername() {
		return this.analystUsername;
	}

	public void setAnalystUsername(String analystUsername) {
		this.analystUsername = analystUsername;
	}

	public String getStatus() {
		return this.status;
	}

	public void setStatus(String status) {
		this.status = status;
	}

	public String getTags() {
		return this.tags;
	}

	public void setTags(String tags) {
		this.tags = tags;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public boolean isBlacklistMatchConfirmed() {
		return this.blacklistMatchConfirmed;
	}

	public void setBlacklistMatchConfirmed(boolean blacklistMatchConfirmed) {
		this.blacklistMatchConfirmed = blacklistMatchConfirmed;
	}

}
