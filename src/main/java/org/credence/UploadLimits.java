package org.credence;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the multipart limit fails before any controller is chosen, so neither
 * the API's nor the UI's advice applies: this one answers by path, with problem details
 * naming the field {@code file} for the API and the error page for the UI.
 */
@ControllerAdvice
class UploadLimits {

	private final MessageSource messages;

	private final UiErrors uiErrors;

	UploadLimits(MessageSource messages, UiErrors uiErrors) {
		this.messages = messages;
		this.uiErrors = uiErrors;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(HttpServletRequest request, HttpServletResponse response) {
		String message = this.messages.getMessage("error.upload-too-large", null, LocaleContextHolder.getLocale());
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, message);
			problem
				.setTitle(this.messages.getMessage("error.invalid-input.title", null, LocaleContextHolder.getLocale()));
			problem.setProperty("errors", List.of(Map.of("field", "file", "message", message)));
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		return this.uiErrors.page(request, response, 413);
	}

}
