package org.credence.customer.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.credence.shared.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A customer or record the reader may not see on a credit file tab: the application's
 * error page with 404, as for a customer that does not exist.
 */
@ControllerAdvice(assignableTypes = { ContactController.class, CommunicationController.class, ReportController.class,
		DocumentController.class, TimelineController.class })
class ActivityPages {

	@ExceptionHandler(NotFoundException.class)
	void notFound(NotFoundException ex, HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.NOT_FOUND.value());
	}

}
