package org.credence.reporting.web;

import java.util.Map;

import org.credence.customer.CustomerQuery;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.identity.Users;
import org.credence.shared.Paging;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The workbench: where a user starts the day. It shows the portfolio the user may see
 * (for sales, their own customers) by status, the blacklisted customers, and the most
 * recently changed files. Later issues add approvals, holds, reviews and alerts waiting
 * for the user.
 */
@Controller
class WorkbenchController {

	private final CurrentUser currentUser;

	private final Users users;

	private final Customers customers;

	WorkbenchController(CurrentUser currentUser, Users users, Customers customers) {
		this.currentUser = currentUser;
		this.users = users;
		this.customers = customers;
	}

	@GetMapping("/")
	String workbench(Model model) {
		model.addAttribute("displayName",
				this.users.find(this.currentUser.username())
					.map(user -> user.displayName())
					.orElse(this.currentUser.username()));
		boolean readsCustomers = this.currentUser.has(Permission.CUSTOMER_READ_ALL)
				|| this.currentUser.has(Permission.CUSTOMER_READ_OWN);
		model.addAttribute("readsCustomers", readsCustomers);
		if (readsCustomers) {
			Map<String, Long> counts = this.customers.countsByStatus();
			model.addAttribute("counts", counts);
			model.addAttribute("total",
					counts.entrySet()
						.stream()
						.filter(e -> !"BLACKLISTED".equals(e.getKey()))
						.mapToLong(Map.Entry::getValue)
						.sum());
			model.addAttribute("ownScope", this.currentUser.ownerScope().isPresent());
			model.addAttribute("recent",
					this.customers
						.search(new CustomerQuery(null, null, null, null, null, null, null, null, null, "updated",
								true), new Paging(0, 8))
						.items());
			model.addAttribute("blacklisted",
					this.customers
						.search(new CustomerQuery(null, null, null, null, null, true, null, null, null, "name", false),
								new Paging(0, 8))
						.items());
		}
		return "reporting/workbench";
	}

}
