package org.credence.reporting.web;

import org.credence.identity.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The workbench: where a user starts the day, with what waits for them. */
@Controller
class WorkbenchController {

	private final CurrentUser currentUser;

	WorkbenchController(CurrentUser currentUser) {
		this.currentUser = currentUser;
	}

	@GetMapping("/")
	String workbench(Model model) {
		model.addAttribute("username", this.currentUser.username());
		return "reporting/workbench";
	}

}
