package org.credence.receivable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.credence.customer.CustomerDetails;
import org.credence.customer.CustomerQuery;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.receivable.aging.AgingPolicy;
import org.credence.receivable.aging.AgingRepository;
import org.credence.shared.NotFoundException;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aging (账龄分析) as of any day, point-in-time correct: an invoice counts from its issue
 * date, a payment or credit note from its date, a reversal from the day it was made, so
 * asking about a past day answers what the ledger showed then. Per customer, per group
 * and for the portfolio, always in company currency at the rates kept on the invoices,
 * with the buckets of {@code credence.receivable.aging-buckets}. The caller's customer
 * data scope applies.
 */
@Service
public class Aging {

	private final AgingRepository repository;

	private final Customers customers;

	private final FxRates fxRates;

	private final CurrentUser currentUser;

	private final AgingPolicy policy;

	Aging(AgingRepository repository, Customers customers, FxRates fxRates, CurrentUser currentUser,
			@Value("${credence.receivable.aging-buckets:0,30,60,90,180,365}") List<Integer> buckets) {
		this.repository = repository;
		this.customers = customers;
		this.fxRates = fxRates;
		this.currentUser = currentUser;
		this.policy = new AgingPolicy(buckets);
	}

	/**
	 * A customer's aging as of a day.
	 * @throws NotFoundException when the customer is unknown or outside the caller's
	 * scope
	 */
	@Transactional(readOnly = true)
	public AgingReport customer(String customerCode, LocalDate asOf, AgingBasis basis) {
		return this.policy.report(asOf, basis, this.fxRates.companyCurrency(), openItems(customerCode, asOf));
	}

	/** The invoices a customer had open on a day, oldest due first. */
	@Transactional(readOnly = true)
	public List<OpenItem> openItems(String customerCode, LocalDate asOf) {
		this.currentUser.require(Permission.RECEIVABLE_READ);
		this.customers.get(customerCode);
		return this.repository.openItems(List.of(customerCode), asOf);
	}

	/**
	 * The aging of a group's customers (those the caller may see) as of a day.
	 * @throws NotFoundException when the caller sees no customer of that group
	 */
	@Transactional(readOnly = true)
	public PortfolioAging group(String groupCode, LocalDate asOf, AgingBasis basis) {
		PortfolioAging aging = portfolio(
				new CustomerQuery(null, null, null, null, null, null, null, null, groupCode, null, false), asOf, basis);
		if (aging.customers().isEmpty() && this.customers
			.search(new CustomerQuery(null, null, null, null, null, null, null, null, groupCode, null, false),
					new Paging(0, 1))
			.total() == 0) {
			throw new NotFoundException("receivable.group.not-found", groupCode);
		}
		return aging;
	}

	/**
	 * The aging of the customers matching the filter within the caller's scope, as of a
	 * day: the total and a row per customer with something open, largest total first.
	 */
	@Transactional(readOnly = true)
	public PortfolioAging portfolio(CustomerQuery filter, LocalDate asOf, AgingBasis basis) {
		this.currentUser.require(Permission.RECEIVABLE_READ);
		Map<String, CustomerDetails> visible = new LinkedHashMap<>();
		int page = 0;
		PageResult<CustomerDetails> result;
		do {
			result = this.customers.search(filter, new Paging(page++, Paging.MAX_SIZE));
			result.items().forEach(c -> visible.put(c.code(), c));
		}
		while (result.hasNext());
		String currency = this.fxRates.companyCurrency();
		Map<String, List<OpenItem>> items = visible.isEmpty() ? Map.of()
				: this.repository.openItems(new ArrayList<>(visible.keySet()), asOf)
					.stream()
					.collect(Collectors.groupingBy(OpenItem::customerCode, LinkedHashMap::new, Collectors.toList()));
		List<CustomerAging> rows = new ArrayList<>();
		items.forEach((code, open) -> {
			CustomerDetails customer = visible.get(code);
			rows.add(new CustomerAging(code, customer.name(), customer.ownerUsername(),
					customer.industry() == null ? null : customer.industry().name(),
					this.policy.report(asOf, basis, currency, open)));
		});
		rows.sort((a, b) -> b.aging().total().compareTo(a.aging().total()));
		AgingReport shape = this.policy.report(asOf, basis, currency, List.of());
		AgingReport total = AgingPolicy.sum(asOf, basis, currency, shape.buckets(),
				rows.stream().map(CustomerAging::aging).toList());
		return new PortfolioAging(total, List.copyOf(rows));
	}

}
