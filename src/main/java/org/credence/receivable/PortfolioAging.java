package org.credence.receivable;

import java.util.List;

/**
 * The aging of many customers as of a day: the sum, and one row per customer with
 * something open.
 */
public record PortfolioAging(AgingReport total, List<CustomerAging> customers) {

}
