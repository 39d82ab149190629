package org.credence.limit.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.credence.identity.Role;
import org.credence.limit.CreditApplication;
import org.credence.limit.CreditApplication.Decision;
import org.credence.limit.CreditApplicationRequest;
import org.credence.limit.CreditApplications;
import org.credence.limit.CreditApplications.AttachmentContent;
import org.credence.limit.CreditApplications.Upload;
import org.credence.limit.application.ApprovalMatrix;
import org.credence.limit.application.ApprovalMatrix.Band;
import org.credence.limit.application.ApprovalMatrix.BandKind;
import org.credence.limit.application.ApprovalMatrix.Matrix;
import org.credence.limit.application.ApprovalMatrix.StepRule;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Credit applications, their decisions and the approval matrix over the API. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Credit applications",
		description = "Applications for a credit limit (授信申请) and their approval route, decisions and attachments; the approval matrix")
class CreditApplicationApiController {

	private final CreditApplications applications;

	private final ApprovalMatrix matrix;

	CreditApplicationApiController(CreditApplications applications, ApprovalMatrix matrix) {
		this.applications = applications;
		this.matrix = matrix;
	}

	@PostMapping("/credit-applications")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Apply for a credit limit",
			description = "{customerCode, type: NEW|INCREASE|DECREASE|RENEWAL|TEMPORARY, amount, currency, termsDays, validTo?, reason}. The amount is the limit asked for; for TEMPORARY the increase on top of the line until validTo (required). Answers 201 with the recommendation, the flags and the route from the approval matrix. 422 CREDIT_LINE_EXISTS / NO_CREDIT_LINE / CREDIT_LINE_EXPIRED, 409 while another application of the customer is open. Needs limit:apply, within the caller's customers.")
	CreditApplication submit(@RequestBody CreditApplicationRequest request) {
		return this.applications.submit(request);
	}

	@GetMapping("/credit-applications")
	@Operation(summary = "Credit applications, paged",
			description = "Filters: status, customerCode, assignedToMe=true (those whose current step the caller may decide: the inbox), mine=true (the caller's own). sort: id, customer, amount, status, submitted, type; descending.")
	PageResult<CreditApplication> list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String customerCode,
			@RequestParam(required = false, defaultValue = "false") boolean assignedToMe,
			@RequestParam(required = false, defaultValue = "false") boolean mine,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false, defaultValue = "true") boolean descending,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return this.applications.search(status, customerCode, assignedToMe, mine, sort, descending,
				Paging.of(page, size));
	}

	@GetMapping("/credit-applications/{id}")
	@Operation(summary = "One credit application with its route and every decision")
	CreditApplication get(@PathVariable long id) {
		return this.applications.get(id);
	}

	@PostMapping("/credit-applications/{id}/decisions")
	@Operation(summary = "Decide the current step",
			description = "{decision: APPROVE|REJECT|RETURN, comment} by a user holding the current step's role (403 otherwise); a comment is required to reject or return. 422 OWN_APPLICATION for the requester, ALREADY_APPROVED when the caller approved another step of the application (in any round) or this step already; such a caller may still reject or return. The last approval is refused with 422 VALID_TO_PASSED, NO_CREDIT_LINE, CREDIT_LINE_EXISTS, CREDIT_LINE_EXPIRED or CURRENCY_MISMATCH when the line could not be changed as asked today. 409 when the application is not in approval. The last approval creates or changes the credit line.")
	CreditApplication decide(@PathVariable long id, @RequestBody DecisionRequest request) {
		return this.applications.decide(id, request.decision(), request.comment());
	}

	@PostMapping("/credit-applications/{id}/resubmission")
	@Operation(summary = "Resubmit a returned application as amended",
			description = "By its requester; the same fields as the application (customerCode is ignored). A fresh recommendation and route.")
	CreditApplication resubmit(@PathVariable long id, @RequestBody CreditApplicationRequest request) {
		return this.applications.resubmit(id, request);
	}

	@PostMapping("/credit-applications/{id}/cancellation")
	@Operation(summary = "Withdraw an open application",
			description = "By its requester ({reason?}), or by a credit manager (limit:policy) for anyone's open application with {reason} (400 without). 422 NOT_REQUESTER for anyone else.")
	CreditApplication cancel(@PathVariable long id, @RequestBody(required = false) @Nullable CancelRequest request) {
		return this.applications.cancel(id, request == null ? null : request.reason());
	}

	@PostMapping(path = "/credit-applications/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Attach a file (PDF, image, Office, CSV, text; at most 5 MB, 10 files) to an open application",
			description = "By the requester or an approver of the current step (403 otherwise). 400 errors[file] for an empty, too large or refused file; 422 TOO_MANY_ATTACHMENTS.")
	CreditApplication.Attachment attach(@PathVariable long id, @RequestPart("file") MultipartFile file) {
		return this.applications
			.attach(id, List.of(new Upload(file.getOriginalFilename(), file.getContentType(), file.getSize(), file)))
			.get(0);
	}

	@GetMapping("/credit-applications/{id}/attachments/{attachmentId}")
	@Operation(summary = "Download an attachment")
	ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
		AttachmentContent content = this.applications.attachment(id, attachmentId);
		return download(content);
	}

	@GetMapping("/approval-matrix")
	@Operation(summary = "The approval matrix in force",
			description = "Bands {kind: AMOUNT|HIGH_RISK|DECREASE, maxAmount (company currency; none for the last amount band), steps: [{role, required}]}.")
	Matrix activeMatrix() {
		return this.matrix.active();
	}

	@PutMapping("/approval-matrix")
	@Operation(summary = "Save a new version of the approval matrix",
			description = "{bands: [{kind, maxAmount?, steps: [{role, required}]}], note?}: one open AMOUNT band, one HIGH_RISK and one DECREASE band. Applications keep the route they were given. Needs limit:policy.")
	Matrix saveMatrix(@RequestBody MatrixRequest request) {
		List<BandRequest> bands = request.bands() == null ? List.of() : request.bands();
		List<FieldProblem> problems = new ArrayList<>();
		List<Band> parsed = new ArrayList<>();
		for (int i = 0; i < bands.size(); i++) {
			BandRequest b = bands.get(i);
			if (b == null) {
				problems.add(new FieldProblem("bands[" + i + "]", "limit.matrix.band.required"));
				continue;
			}
			if (b.kind() == null) {
				problems.add(new FieldProblem("bands[" + i + "].kind", "limit.matrix.kind.required"));
			}
			List<StepRequest> stepRequests = b.steps() == null ? List.of() : b.steps();
			List<StepRule> steps = new ArrayList<>();
			for (int j = 0; j < stepRequests.size(); j++) {
				StepRequest step = stepRequests.get(j);
				String at = "bands[" + i + "].steps[" + j + "]";
				if (step == null || step.role() == null) {
					problems.add(new FieldProblem(at + ".role", "limit.matrix.role.required"));
				}
				if (step == null || step.required() == null) {
					problems.add(new FieldProblem(at + ".required", "limit.matrix.required.required"));
				}
				if (step != null && step.role() != null && step.required() != null) {
					steps.add(new StepRule(step.role(), step.required()));
				}
			}
			if (b.kind() != null) {
				parsed.add(new Band(b.kind(), b.maxAmount(), steps));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return this.matrix.save(parsed, request.note());
	}

	static ResponseEntity<byte[]> download(AttachmentContent content) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(content.attachment().fileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.contentType(MediaType.parseMediaType(content.attachment().contentType()))
			.body(content.content());
	}

	/** A decision at the current step. */
	record DecisionRequest(@Nullable Decision decision, @Nullable String comment) {
	}

	/** Why an application is withdrawn. */
	record CancelRequest(@Nullable String reason) {
	}

	/** A new version of the matrix. */
	record MatrixRequest(@Nullable List<BandRequest> bands, @Nullable String note) {
	}

	/** A band as sent. */
	record BandRequest(@Nullable BandKind kind, @Nullable BigDecimal maxAmount, @Nullable List<StepRequest> steps) {
	}

	/** A step as sent. */
	record StepRequest(@Nullable Role role, @Nullable Integer required) {
	}

}
