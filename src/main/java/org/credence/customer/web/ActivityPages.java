package org.credence.customer.web;

import org.credence.shared.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A customer or record the reader may not see on a credit file tab: the error page with
 * 404, as for a customer that does not exist.
 */
@ControllerAdvice(assignableTypes = { ContactController.class, CommunicationController.class, ReportController.class,
		DocumentController.class, TimelineController.class })
class ActivityPages {

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound(NotFoundException ex) {
		ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
		page.addObject("status", 404);
		return page;
	}

}
