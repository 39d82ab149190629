package org.credence.receivable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.credence.customer.CustomerDetails;
import org.credence.customer.CustomerQuery;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.receivable.aging.AgingPolicy;
import org.credence.receivable.aging.AgingRepository;
import org.credence.receivable.aging.AgingRow;
import org.credence.receivable.aging.AgingSelection;
import org.credence.receivable.aging.BehaviourPolicy;
import org.credence.receivable.aging.CustomerCopy;
import org.credence.shared.NotFoundException;
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

	/** How many points a DSO trend has: twelve months. */
	public static final int DSO_TREND_MONTHS = 12;

	private final AgingRepository repository;

	private final Customers customers;

	private final FxRates fxRates;

	private final CurrentUser currentUser;

	private final CustomerCopy customerCopy;

	private final AgingPolicy policy;

	Aging(AgingRepository repository, CustomerCopy customerCopy, Customers customers, FxRates fxRates,
			CurrentUser currentUser,
			@Value("${credence.receivable.aging-buckets:0,30,60,90,180,365}") List<Integer> buckets) {
		this.repository = repository;
		this.customerCopy = customerCopy;
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
		this.currentUser.require(Permission.RECEIVABLE_READ);
		this.customers.get(customerCode);
		return this.policy.summarise(asOf, basis, this.fxRates.companyCurrency(),
				this.repository.aging(asOf, basis, this.policy, AgingSelection.of(customerCode)));
	}

	/** The invoices a customer had open on a day, oldest due first. */
	@Transactional(readOnly = true)
	public List<OpenItem> openItems(String customerCode, LocalDate asOf) {
		this.currentUser.require(Permission.RECEIVABLE_READ);
		this.customers.get(customerCode);
		return this.repository.openItems(List.of(customerCode), asOf);
	}

	/**
	 * A customer's DSO (countback method, see {@link PaymentBehaviour#dso()}) month by
	 * month: at the end of each of the eleven months before the as-of day's month and on
	 * the as-of day, oldest first, each from the ledger as it stood that day.
	 * @throws NotFoundException when the customer is unknown or outside the caller's
	 * scope
	 */
	@Transactional(readOnly = true)
	public List<DsoPoint> dsoTrend(String customerCode, LocalDate asOf) {
		this.currentUser.require(Permission.RECEIVABLE_READ);
		this.customers.get(customerCode);
		return BehaviourPolicy.trendDays(asOf, DSO_TREND_MONTHS)
			.stream()
			.map(day -> new DsoPoint(day, BehaviourPolicy.dso(day, this.repository.history(customerCode, day))))
			.toList();
	}

	/**
	 * The aging of a group's customers (those the caller may see) as of a day.
	 * @throws NotFoundException when the caller sees no customer of that group
	 */
	@Transactional(readOnly = true)
	public PortfolioAging group(String groupCode, LocalDate asOf, AgingBasis basis) {
		CustomerQuery filter = new CustomerQuery(null, null, null, null, null, null, null, null, groupCode, null,
				false);
		PortfolioAging aging = portfolio(filter, asOf, basis);
		if (aging.customers().isEmpty() && this.customers.search(filter, new Paging(0, 1)).total() == 0) {
			throw new NotFoundException("receivable.group.not-found", groupCode);
		}
		return aging;
	}

	/**
	 * The aging of the customers matching the filter within the caller's scope, as of a
	 * day: the total and a row for every customer with something open, largest total
	 * first. For a portfolio of any size ask for a page instead.
	 */
	@Transactional(readOnly = true)
	public PortfolioAging portfolio(CustomerQuery filter, LocalDate asOf, AgingBasis basis) {
		this.currentUser.require(Permission.RECEIVABLE_READ);
		AgingSelection selection = selection(filter);
		AgingRepository.PortfolioRows sums = this.repository.portfolio(asOf, basis, this.policy, selection,
				AgingOrder.DEFAULT, 0, null);
		// every customer's buckets in one pass over the ledger, put in the order found
		Map<String, CustomerAging> byCode = new HashMap<>();
		for (CustomerAging customer : reports(this.repository.aging(asOf, basis, this.policy, selection), asOf,
				basis)) {
			byCode.put(customer.customerCode(), customer);
		}
		List<CustomerAging> rows = sums.customerCodes()
			.stream()
			.map(byCode::get)
			.filter(java.util.Objects::nonNull)
			.toList();
		return new PortfolioAging(total(sums, asOf, basis), rows, 0, rows.size(), sums.customerCount());
	}

	/**
	 * One page of the aging of the customers matching the filter within the caller's
	 * scope, as of a day, in the order asked for, with the total of all of them. One
	 * query sums the portfolio and orders its customers; the buckets are then read for
	 * the page's customers only. Owner, industry and group filter inside the query; any
	 * other filter of the customer list, and a sales user's scope, first ask the customer
	 * module which customers match.
	 */
	@Transactional(readOnly = true)
	public PortfolioAging portfolio(CustomerQuery filter, LocalDate asOf, AgingBasis basis, AgingOrder order,
			Paging paging) {
		this.currentUser.require(Permission.RECEIVABLE_READ);
		AgingRepository.PortfolioRows sums = this.repository.portfolio(asOf, basis, this.policy, selection(filter),
				order, paging.offset(), paging.size());
		return new PortfolioAging(total(sums, asOf, basis), customers(sums.customerCodes(), asOf, basis), paging.page(),
				paging.size(), sums.customerCount());
	}

	/**
	 * Every customer of the portfolio aging in the order asked for, handed to
	 * {@code each} a few hundred at a time rather than held all at once (for an export).
	 * @return the total of all of them
	 */
	@Transactional(readOnly = true)
	public AgingReport portfolio(CustomerQuery filter, LocalDate asOf, AgingBasis basis, AgingOrder order,
			Consumer<CustomerAging> each) {
		this.currentUser.require(Permission.RECEIVABLE_READ);
		AgingRepository.PortfolioRows sums = this.repository.portfolio(asOf, basis, this.policy, selection(filter),
				order, 0, null);
		List<String> codes = sums.customerCodes();
		for (int from = 0; from < codes.size(); from += EXPORT_CHUNK) {
			customers(codes.subList(from, Math.min(codes.size(), from + EXPORT_CHUNK)), asOf, basis).forEach(each);
		}
		return total(sums, asOf, basis);
	}

	private static final int EXPORT_CHUNK = 500;

	/** The buckets of an aging on this basis, empty: their labels and bounds. */
	public List<AgingBucket> buckets(AgingBasis basis) {
		return this.policy.shape(basis);
	}

	/** The currency every aging sums in. */
	public String companyCurrency() {
		return this.fxRates.companyCurrency();
	}

	private AgingSelection selection(CustomerQuery filter) {
		this.customerCopy.fillIn();
		List<String> codes = null;
		// a sales user's scope comes from the customer module at read time, never from
		// the aging's copy, which follows ownership changes only after they commit
		if (this.currentUser.ownerScope().isPresent() || filter.q() != null || filter.status() != null
				|| filter.region() != null || filter.blacklisted() != null || filter.grade() != null
				|| filter.riskClass() != null) {
			codes = this.customers.searchAll(filter, Integer.MAX_VALUE).stream().map(CustomerDetails::code).toList();
		}
		// the codes the customer module gave are already within the caller's scope
		return new AgingSelection(codes != null ? null : this.currentUser.ownerScope().orElse(null),
				filter.ownerUsername(), filter.industry() == null ? null : filter.industry().name(), filter.groupCode(),
				codes);
	}

	private AgingReport total(AgingRepository.PortfolioRows sums, LocalDate asOf, AgingBasis basis) {
		return this.policy.summarise(asOf, basis, this.fxRates.companyCurrency(), sums.totals());
	}

	/** The reports of these customers, in the order of their codes. */
	private List<CustomerAging> customers(List<String> codes, LocalDate asOf, AgingBasis basis) {
		if (codes.isEmpty()) {
			return List.of();
		}
		Map<String, CustomerAging> byCode = new HashMap<>();
		for (CustomerAging customer : reports(
				this.repository.aging(asOf, basis, this.policy, new AgingSelection(null, null, null, null, codes)),
				asOf, basis)) {
			byCode.put(customer.customerCode(), customer);
		}
		return codes.stream().map(byCode::get).filter(java.util.Objects::nonNull).toList();
	}

	/** A report per customer from the customers' rows. */
	private List<CustomerAging> reports(List<AgingRow> agingRows, LocalDate asOf, AgingBasis basis) {
		String currency = this.fxRates.companyCurrency();
		Map<String, List<AgingRow>> byCustomer = new java.util.LinkedHashMap<>();
		for (AgingRow row : agingRows) {
			byCustomer.computeIfAbsent(row.customerCode(), c -> new ArrayList<>(1)).add(row);
		}
		List<CustomerAging> rows = new ArrayList<>(byCustomer.size());
		byCustomer.forEach((code, customerRows) -> {
			AgingRow first = customerRows.get(0);
			rows.add(new CustomerAging(code, first.customerName(), first.ownerUsername(), first.industry(),
					this.policy.summarise(asOf, basis, currency, customerRows)));
		});
		return rows;
	}

}
