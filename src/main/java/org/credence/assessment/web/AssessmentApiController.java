package org.credence.assessment.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.credence.assessment.AssessmentResult;
import org.credence.assessment.Assessments;
import org.credence.assessment.ReviewDue;
import org.credence.assessment.rating.BatchRun;
import org.credence.assessment.rating.Reassessment;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.shared.NotFoundException;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Assessments, overrides, the review queue and batch re-assessment over the API. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Assessments", description = "Credit assessments: score, grade, PD, risk class and the factors behind them")
class AssessmentApiController {

	private final Assessments assessments;

	private final Reassessment reassessment;

	private final CurrentUser currentUser;

	AssessmentApiController(Assessments assessments, Reassessment reassessment, CurrentUser currentUser) {
		this.assessments = assessments;
		this.reassessment = reassessment;
		this.currentUser = currentUser;
	}

	@PostMapping("/customers/{code}/assessments")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Assess a customer now",
			description = "Scores the customer with modelCode (default: the standard model) using the latest statement, the latest external score and the qualitative answers {factorCode: optionValue}; unanswered questions keep the previous answers. Answers 201 with score, grade, pd, riskClass, every factor and the reasons. Needs assessment:run.")
	AssessmentResult assess(@PathVariable String code, @RequestBody(required = false) @Nullable AssessRequest request) {
		AssessRequest body = request == null ? new AssessRequest(null, null) : request;
		return this.assessments.assess(code, body.modelCode(),
				body.qualitative() == null ? Map.of() : body.qualitative());
	}

	@GetMapping("/customers/{code}/assessments")
	@Operation(summary = "A customer's assessments, newest first")
	PageResult<AssessmentResult> history(@PathVariable String code,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		Paging paging = Paging.of(page, size);
		List<AssessmentResult> all = this.assessments.history(code);
		int from = (int) Math.min(paging.offset(), all.size());
		return new PageResult<>(all.subList(from, Math.min(all.size(), from + paging.size())), paging.page(),
				paging.size(), all.size());
	}

	@GetMapping("/assessments/{id}")
	@Operation(summary = "One assessment")
	AssessmentResult assessment(@PathVariable long id) {
		return this.assessments.get(id);
	}

	@PostMapping("/assessments/{id}/override")
	@Operation(summary = "Propose another grade (人工调整)",
			description = "The reason is mandatory. The customer's rating changes only when a credit manager other than the proposer approves. Needs assessment:run.")
	AssessmentResult proposeOverride(@PathVariable long id, @RequestBody OverrideRequest request) {
		return this.assessments.proposeOverride(id, request.grade() == null ? "" : request.grade(),
				request.reason() == null ? "" : request.reason());
	}

	@PostMapping("/assessments/{id}/override/decision")
	@Operation(summary = "Approve or reject a proposed override",
			description = "By a credit manager who did not propose it (otherwise 422 SAME_PERSON). Needs assessment:override-approve.")
	AssessmentResult decideOverride(@PathVariable long id, @RequestBody DecisionRequest request) {
		return this.assessments.decideOverride(id, Boolean.TRUE.equals(request.approve()), request.comment());
	}

	@GetMapping("/reviews-due")
	@Operation(summary = "Customers whose review is due or who were never assessed, in the caller's scope")
	PageResult<ReviewDue> reviewsDue(@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false, defaultValue = "false") boolean descending,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return this.assessments.reviewsDue(sort, descending, Paging.of(page, size));
	}

	@PostMapping("/assessment-runs")
	@Operation(summary = "Re-assess every customer whose review is due, in the background",
			description = "Answers 202 with the run; when a run is going on already, with that run and started=false. Needs assessment:models.")
	ResponseEntity<RunResponse> startRun() {
		this.currentUser.require(Permission.MODEL_MANAGE);
		Reassessment.Start start = this.reassessment.start(Reassessment.MANUAL, null);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(RunResponse.of(start.run(), start.started()));
	}

	@GetMapping("/assessment-runs/{id}")
	@Operation(summary = "A batch run's progress")
	RunResponse run(@PathVariable long id) {
		this.currentUser.require(Permission.ASSESSMENT_RUN);
		return this.reassessment.find(id)
			.map(run -> RunResponse.of(run, true))
			.orElseThrow(() -> new NotFoundException("assessment.run.not-found", id));
	}

	/** An assessment to run. */
	record AssessRequest(@Nullable String modelCode, @Nullable Map<String, BigDecimal> qualitative) {
	}

	/** A proposed grade and why. */
	record OverrideRequest(@Nullable String grade, @Nullable String reason) {
	}

	/** A credit manager's decision on a proposed grade. */
	record DecisionRequest(@Nullable Boolean approve, @Nullable String comment) {
	}

	/** A batch run as the API shows it. */
	record RunResponse(long id, String trigger, @Nullable String modelCode, String status, int total, int done,
			int failed, int skipped, int percent, String startedBy, java.time.Instant startedAt,
			java.time.@Nullable Instant finishedAt, boolean started) {

		static RunResponse of(BatchRun run, boolean started) {
			return new RunResponse(run.id(), run.trigger(), run.modelCode(), run.status(), run.total(), run.done(),
					run.failed(), run.skipped(), run.percent(), run.startedBy(), run.startedAt(), run.finishedAt(),
					started);
		}

	}

}
