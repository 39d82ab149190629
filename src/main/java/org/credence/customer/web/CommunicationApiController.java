package org.credence.customer.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.credence.customer.communication.Channel;
import org.credence.customer.communication.Communication;
import org.credence.customer.communication.CommunicationDraft;
import org.credence.customer.communication.Communications;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The communication log of a customer over the API. */
@RestController
@RequestMapping("/api/v1/customers/{code}/communications")
@Tag(name = "Communications", description = "The communication log (回访记录) of a customer")
class CommunicationApiController {

	private final Communications communications;

	CommunicationApiController(Communications communications) {
		this.communications = communications;
	}

	@GetMapping
	@Operation(summary = "List a customer's communications, newest first")
	PageResult<Communication> list(@PathVariable String code, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return this.communications.list(code, Paging.of(page, size));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Log a communication",
			description = "channel is CALL, EMAIL, VISIT, MEETING or OTHER; contactId, when given, must be one of the customer's contacts. The author is the caller. Needs customer:communication.")
	Communication log(@PathVariable String code, @RequestBody CommunicationRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		Channel channel = ActivityForms.choice(Channel.class, "channel", request.channel(), problems);
		ActivityForms.requireNone(problems);
		return this.communications.log(code, new CommunicationDraft(request.occurredOn(), channel, request.contactId(),
				request.summary(), request.nextFollowUpOn()));
	}

	/** A communication to log. */
	record CommunicationRequest(@Nullable LocalDate occurredOn, @Nullable String channel, @Nullable Long contactId,
			@Nullable String summary, @Nullable LocalDate nextFollowUpOn) {
	}

}
