package org.credence.identity.web;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page, with the reason of a failed login in the user's language. */
@Controller
class LoginController {

	@GetMapping("/login")
	String login(HttpSession session, Model model) {
		Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		if (failure != null) {
			model.addAttribute("loginError", failure instanceof LockedException ? "identity.login.locked"
					: failure instanceof DisabledException ? "identity.login.disabled" : "identity.login.failed");
			session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		}
		return "login";
	}

}
