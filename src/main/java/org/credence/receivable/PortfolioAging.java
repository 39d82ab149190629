package org.credence.receivable;

import java.util.List;

/**
 * The aging of many customers as of a day: the sum over all of them, and one page of the
 * customers with something open, in the order asked for.
 *
 * @param total every open amount of every customer selected, not only of this page
 * @param customers the customers of this page
 * @param page zero-based
 * @param size how many customers a page holds
 * @param customerCount how many customers have something open in all
 */
public record PortfolioAging(AgingReport total, List<CustomerAging> customers, int page, int size, long customerCount) {

	public int totalPages() {
		return this.size == 0 ? 0 : (int) ((this.customerCount + this.size - 1) / this.size);
	}

}
