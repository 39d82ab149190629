package org.credence.customer.web;

import org.credence.customer.Customers;
import org.credence.customer.timeline.Timeline;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The timeline tab of the 客户360 page. */
@Controller
class TimelineController {

	private final Customers customers;

	private final Timeline timeline;

	TimelineController(Customers customers, Timeline timeline) {
		this.customers = customers;
		this.timeline = timeline;
	}

	@GetMapping("/customers/{code}/timeline")
	String timeline(@PathVariable String code, Model model) {
		model.addAttribute("customer", this.customers.get(code));
		model.addAttribute("entries", this.timeline.of(code));
		return "customer/timeline";
	}

}
