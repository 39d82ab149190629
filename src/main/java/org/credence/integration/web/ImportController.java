package org.credence.integration.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.credence.integration.imports.FileImports;
import org.credence.integration.imports.ImportJob;
import org.credence.integration.imports.ImportJobs;
import org.credence.integration.imports.ImportMode;
import org.credence.integration.imports.ImportResult;
import org.credence.shared.InvalidInputException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/v1/imports}: file imports for other systems and scripts. */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports",
		description = "Files of customers, financial statements, orders, invoices, payments and credit notes (CSV "
				+ "in UTF-8 or GBK, or XLSX, with a header row), and bank statements (kind bank-statements): "
				+ "MT940 or camt.053; rows are the statement entries, each credit line becomes a payment or waits "
				+ "in the unmatched receipts queue (GET /api/v1/bank-receipts), warnings name the unmatched lines "
				+ "and unreconciled balances.")
class ImportController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final FileImports imports;

	private final ImportJobs jobs;

	private final MessageSource messages;

	ImportController(FileImports imports, ImportJobs jobs, MessageSource messages) {
		this.imports = imports;
		this.jobs = jobs;
		this.messages = messages;
	}

	/** Too many background imports wait already: 503, to be tried again in a minute. */
	@ExceptionHandler(ImportJobs.Busy.class)
	ResponseEntity<ProblemDetail> busy(ImportJobs.Busy ex) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				this.messages.getMessage(ex.messageCode(), ex.arguments(), ex.messageCode(), locale));
		problem.setTitle(this.messages.getMessage("integration.job.busy.title", null, locale));
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "60")
			.body(problem);
	}

	@PostMapping(path = "/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import a file",
			description = "Reads every row, checks it, then writes the good rows in one transaction. With mode=all "
					+ "(the default) one bad row imports nothing; with mode=partial the good rows are imported and "
					+ "the bad ones reported. Rows are numbered as Excel shows them: the header is row 1. "
					+ "Answers 200 with the report even when rows were rejected; 400 only when the file itself "
					+ "cannot be read, its header has unknown, repeated or missing columns, or it has too many rows. "
					+ "Ledger kinds (orders, invoices, payments, credit-notes) take up to 1,000,000 rows and are "
					+ "idempotent by externalId: a row repeating a document on file with the same content is "
					+ "accepted and counted in unchanged; other content under the same externalId is a row error "
					+ "(the 409 of the single-document API), never an overwrite. Invoices are written in bulk: "
					+ "one audit entry and one InvoicesImported event per file.")
	@ApiResponse(responseCode = "200", description = "The import report",
			content = @Content(schema = @Schema(implementation = ImportResult.class)))
	@ApiResponse(responseCode = "400", description = "Unreadable file or wrong header",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "403", description = "The caller may not import this kind",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "404", description = "No such kind of import",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "202",
			description = "With background=true: the import runs in the background; Location names the job "
					+ "(GET /api/v1/imports/jobs/{id}), whose report appears when it is DONE",
			content = @Content(schema = @Schema(implementation = ImportJob.class)))
	ResponseEntity<Object> importFile(
			@Parameter(description = "What the file holds, for instance customers") @PathVariable String kind,
			@Parameter(description = "all (default) or partial") @RequestParam(defaultValue = "all") String mode,
			@Parameter(description = "true: answer 202 at once with a job and import in the background (for large "
					+ "files); false (default): answer with the report when the import is done") @RequestParam(
							defaultValue = "false") boolean background,
			@Parameter(
					description = "CSV (UTF-8 or GBK; comma, semicolon or tab) or XLSX (first sheet); for "
							+ "bank-statements an MT940 or camt.053 file",
					content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
							schema = @Schema(type = "string",
									format = "binary"))) @RequestPart("file") MultipartFile file) {
		ImportMode importMode = ImportMode.parse(mode)
			.orElseThrow(() -> new InvalidInputException("mode", "integration.import.mode.unknown", mode));
		if (background) {
			ImportJob job = this.jobs.start(kind, bytes(file), importMode, file.getOriginalFilename());
			return ResponseEntity.accepted()
				.location(ServletUriComponentsBuilder.fromCurrentContextPath()
					.path("/api/v1/imports/jobs/{id}")
					.buildAndExpand(job.id())
					.toUri())
				.body(job);
		}
		return ResponseEntity.ok(this.imports.importFile(kind, bytes(file), importMode));
	}

	@GetMapping("/jobs/{id}")
	@Operation(summary = "An import running in the background",
			description = "Its status (RUNNING, DONE or FAILED), the rows read and checked so far of the total "
					+ "(null until counted), and when DONE the report, as the synchronous import answers it. A "
					+ "FAILED job wrote nothing (the import is one transaction); failure says why, also for a job "
					+ "interrupted by a stop of the application.")
	@ApiResponse(responseCode = "200", description = "The job")
	@ApiResponse(responseCode = "404", description = "No such job, or the caller may not import its kind",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	ImportJob job(@PathVariable UUID id) {
		return this.jobs.job(id);
	}

	@GetMapping("/{kind}/template")
	@Operation(summary = "Download the XLSX template of a kind",
			description = "One header row, importable as it is, with the field names as column names (or with "
					+ "the labels in the caller's language, Accept-Language, when header=labels), a comment on "
					+ "each column, and a second sheet listing every column, whether it is required and the "
					+ "values it accepts.")
	@ApiResponse(responseCode = "200", description = "The template",
			content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
	ResponseEntity<byte[]> template(@PathVariable String kind,
			@Parameter(description = "fields (default): the API field names; labels: the labels in the "
					+ "caller's language") @RequestParam(defaultValue = "fields") String header) {
		return xlsx(kind, this.imports.template(kind, "labels".equalsIgnoreCase(header)));
	}

	static ResponseEntity<byte[]> xlsx(String kind, byte[] content) {
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("credence-" + kind + "-template.xlsx", StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(content);
	}

	static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
