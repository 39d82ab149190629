package org.credence;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.credence.shared.ConflictException;
import org.credence.shared.NotFoundException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Business refusals that reach a UI page unhandled become the error page with the right
 * status, in the user's language. (API controllers answer with problem details instead.)
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class UiErrors {

	private final LayoutModel layout;

	UiErrors(LayoutModel layout) {
		this.layout = layout;
	}

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) {
		return page(request, response, 404);
	}

	@ExceptionHandler(ConflictException.class)
	ModelAndView conflict(HttpServletRequest request, HttpServletResponse response) {
		return page(request, response, 409);
	}

	ModelAndView page(HttpServletRequest request, HttpServletResponse response, int status) {
		response.setStatus(status);
		ModelAndView page = new ModelAndView("error");
		// exception handlers get no @ModelAttribute values, so the layout's are added
		// here
		page.addObject("currentPath", this.layout.currentPath(request));
		page.addObject("langUrls", this.layout.langUrls(request));
		page.addObject("status", status);
		page.setStatus(org.springframework.http.HttpStatusCode.valueOf(status));
		return page;
	}

}
