package org.credence.receivable.aging;

import org.credence.customer.CustomerChanged;
import org.credence.customer.CustomerDetails;
import org.credence.customer.CustomerRegistered;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the aging's copy of each customer's name, owner, industry and group from the
 * customer module's events, so that the portfolio aging filters and names its rows in the
 * same query that sums them. An invoice for a customer the copy has not heard of (one
 * recorded before the copy existed, or written around the events) leaves the code behind;
 * the aging fills such rows in before it reads.
 */
@Component
public class CustomerCopy {

	private final Customers customers;

	private final AgingRepository repository;

	private final CurrentUser currentUser;

	CustomerCopy(Customers customers, AgingRepository repository, CurrentUser currentUser) {
		this.customers = customers;
		this.repository = repository;
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

	/** Copies the customers that the copy knows only by code. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void fillIn() {
		this.repository.customersToCopy().forEach(this::copy);
	}

	private void copy(String code) {
		CustomerDetails customer = this.currentUser.asSystem(() -> this.customers.find(code)).orElse(null);
		if (customer == null) {
			// a customer the credit file does not know: shown by its code, to no owner
			this.repository.copyCustomer(code, code, null, null, null);
		}
		else {
			this.repository.copyCustomer(code, customer.name(), customer.ownerUsername(),
					customer.industry() == null ? null : customer.industry().name(), customer.groupCode());
		}
	}

}
