package org.credence.assessment.rating;

import org.credence.customer.CustomerChanged;
import org.credence.customer.CustomerDetails;
import org.credence.customer.CustomerQuery;
import org.credence.customer.CustomerRegistered;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the review queue's copy of each customer's name, owner and status from the
 * customer module's events. On a start with an empty queue (a database that had customers
 * before assessments existed) it copies every customer once.
 */
@Component
@Order(5)
class ReviewQueueSync implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ReviewQueueSync.class);

	private final Customers customers;

	private final ReviewQueueRepository queue;

	private final CurrentUser currentUser;

	ReviewQueueSync(Customers customers, ReviewQueueRepository queue, CurrentUser currentUser) {
		this.customers = customers;
		this.queue = queue;
		this.currentUser = currentUser;
	}

	@ApplicationModuleListener
	void on(CustomerRegistered event) {
		copy(event.code());
	}

	@ApplicationModuleListener
	void on(CustomerChanged event) {
		copy(event.code());
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.queue.isEmpty()) {
			return;
		}
		long copied = this.currentUser.asSystem(() -> {
			long count = 0;
			PageResult<CustomerDetails> page;
			int number = 0;
			do {
				page = this.customers.search(CustomerQuery.all(), new Paging(number++, Paging.MAX_SIZE));
				page.items().forEach(this::copy);
				count += page.items().size();
			}
			while (page.hasNext());
			return count;
		});
		if (copied > 0) {
			log.info("Copied {} customers into the review queue", copied);
		}
	}

	private void copy(String code) {
		this.currentUser.asSystem(() -> this.customers.find(code)).ifPresent(this::copy);
	}

	private void copy(CustomerDetails customer) {
		this.queue.customer(customer.code(), customer.name(), customer.ownerUsername(), customer.status().name());
	}

}
