package org.credence.customer.web;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.credence.customer.document.Document;
import org.credence.customer.document.DocumentType;
import org.credence.customer.document.DocumentUpload;
import org.credence.customer.document.Documents;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Documents of a customer's credit file over the API. */
@RestController
@RequestMapping("/api/v1/customers/{code}/documents")
@Tag(name = "Documents", description = "Documents of a customer's credit file")
class DocumentApiController {

	private final Documents documents;

	DocumentApiController(Documents documents) {
		this.documents = documents;
	}

	@GetMapping
	@Operation(summary = "List a customer's documents, the latest upload first")
	PageResult<Document> list(@PathVariable String code, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return this.documents.list(code, Paging.of(page, size));
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Upload a document",
			description = "Multipart: file (PDF, PNG, JPEG, XLSX, DOCX, XLS or DOC, at most 10 MB; checked by name and content), "
					+ "type (BUSINESS_LICENCE, BANK_CREDIT_CERTIFICATE, AUDITED_STATEMENTS, CREDIT_REPORT, CONTRACT, OTHER), "
					+ "title (default: the file name). Answers with the SHA-256 checksum. Needs customer:write.")
	Document upload(@PathVariable String code,
			@RequestPart(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String title) {
		List<FieldProblem> problems = new ArrayList<>();
		DocumentType documentType = ActivityForms.choice(DocumentType.class, "type", type, problems);
		if (file == null || file.isEmpty()) {
			problems.add(new FieldProblem("file", "customer.document.file.required"));
		}
		ActivityForms.requireNone(problems);
		return this.documents.upload(code, new DocumentUpload(documentType, title, file.getOriginalFilename(), file));
	}

	@GetMapping("/{id}/content")
	@Operation(summary = "Download a document under its original file name",
			description = "Content-Disposition carries the name as filename* (RFC 5987); X-Checksum-SHA256 the checksum.")
	ResponseEntity<Resource> content(@PathVariable String code, @PathVariable long id) {
		return ActivityForms.download(this.documents.content(code, id));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a document from the credit file",
			description = "Soft delete, audited with the reason; the stored file is kept for the audit trail.")
	void delete(@PathVariable String code, @PathVariable long id,
			@RequestParam(required = false) @Nullable String reason) {
		this.documents.delete(code, id, reason);
	}

}
