package org.credence;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.credence.shared.ConflictException;
import org.credence.shared.CredenceException;
import org.credence.shared.InvalidInputException;
import org.credence.shared.NotFoundException;
import org.credence.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API refusal as RFC 9457 problem details in the caller's language
 * ({@code Accept-Language}): 400 with {@code errors: [{field, message}]} for bad input,
 * 403, 404, 409, and 422 with the business {@code reason} code.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemDetails extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	ProblemDetails(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalidInput(InvalidInputException ex) {
		List<Map<String, String>> errors = ex.problems()
			.stream()
			.map(p -> Map.of("field", p.field(), "message", message(p.messageCode(), p.arguments())))
			.toList();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "error.invalid-input.title",
				errors.size() == 1 ? errors.get(0).get("field") + ": " + errors.get(0).get("message")
						: message("error.invalid-input", new Object[0]));
		problem.setProperty("errors", errors);
		return problem;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "error.not-found.title", detail(ex));
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {
		return problem(HttpStatus.CONFLICT, "error.conflict.title", detail(ex));
	}

	@ExceptionHandler(RuleViolationException.class)
	ProblemDetail ruleViolation(RuleViolationException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "error.rule.title", detail(ex));
		problem.setProperty("reason", ex.reasonCode());
		return problem;
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, "error.forbidden.title", message("error.forbidden", new Object[0]));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((FieldError error) -> Map.of("field", error.getField(), "message",
					this.messages.getMessage(error, locale)))
			.toList();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "error.invalid-input.title",
				message("error.invalid-input", new Object[0]));
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Map<String, String>> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> Map.of("field",
						result.getMethodParameter().getParameterName() == null ? ""
								: result.getMethodParameter().getParameterName(),
						"message", this.messages.getMessage(error, locale))))
			.toList();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "error.invalid-input.title",
				message("error.invalid-input", new Object[0]));
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "error.invalid-input.title",
				message("error.unreadable-body", new Object[] { rootMessage(ex) }));
		return ResponseEntity.badRequest().body(problem);
	}

	private ProblemDetail problem(HttpStatus status, String titleCode, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(message(titleCode, new Object[0]));
		problem.setType(URI.create("about:blank"));
		return problem;
	}

	private String detail(CredenceException ex) {
		return message(ex.messageCode(), ex.arguments());
	}

	private String message(String code, Object[] arguments) {
		return this.messages.getMessage(code, arguments, code, LocaleContextHolder.getLocale());
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
		int newline = text.indexOf('\n');
		return newline > 0 ? text.substring(0, newline) : text;
	}

}
