package org.credence.receivable.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.credence.receivable.AccountStatements;
import org.credence.receivable.StatementFile;
import org.credence.receivable.StatementFormat;
import org.credence.receivable.StatementReply;
import org.credence.receivable.web.StatementJson.AccountStatementJson;
import org.credence.receivable.web.StatementJson.IssueRequest;
import org.credence.receivable.web.StatementJson.IssuedStatementJson;
import org.credence.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Account statements (对账单) of the public API: a customer's statement for a period as
 * JSON, PDF or XLSX; statements issued for confirmation; and the customer's answer.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Account statements", description = "对账单: statements per customer and period, issued and confirmed")
class AccountStatementApiController {

	private final AccountStatements statements;

	AccountStatementApiController(AccountStatements statements) {
		this.statements = statements;
	}

	@GetMapping("/customers/{code}/account-statement")
	@Operation(summary = "A customer's account statement for a period (both days included)",
			description = "Opening balance, every invoice, credit note, payment, reversal and write-off dated in the "
					+ "period with the running balance, and the closing balance, one section per document currency, "
					+ "plus company-currency totals at the rates of the period's last day. format=json (default), pdf "
					+ "or xlsx; lang=zh-CN or en for the files (default: Chinese for customers in CN, English otherwise). "
					+ "A PDF or XLSX from here is a preview; issue one to have it numbered and kept.")
	@ApiResponse(responseCode = "200", description = "The statement, or the file asked for",
			content = {
					@Content(mediaType = "application/json",
							schema = @Schema(implementation = AccountStatementJson.class)),
					@Content(mediaType = StatementFile.PDF, schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = StatementFile.XLSX, schema = @Schema(type = "string", format = "binary")) })
	ResponseEntity<?> statement(@PathVariable String code, @RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to,
			@Parameter(description = "json, pdf or xlsx") @RequestParam(required = false) @Nullable String format,
			@Parameter(description = "zh-CN or en") @RequestParam(required = false) @Nullable String lang) {
		StatementFormat file = format(format);
		if (file == null) {
			return ResponseEntity.ok(AccountStatementJson.of(this.statements.statement(code, from, to)));
		}
		return download(this.statements.render(code, from, to, file, lang));
	}

	@PostMapping("/customers/{code}/account-statements")
	@Operation(summary = "Issue a statement to the customer for confirmation (FINANCE)",
			description = "Renders the PDF with the statement's number and keeps it with its SHA-256, the balances "
					+ "and the lines as printed. Body {from, to, lang?}.")
	ResponseEntity<IssuedStatementJson> issue(@PathVariable String code, @RequestBody IssueRequest request) {
		IssuedStatementJson issued = IssuedStatementJson
			.of(this.statements.issue(code, request.from(), request.to(), request.lang()));
		return ResponseEntity.created(URI.create("/api/v1/account-statements/" + issued.id())).body(issued);
	}

	@GetMapping("/customers/{code}/account-statements")
	@Operation(summary = "A customer's issued statements with their status, newest period first")
	List<IssuedStatementJson> issued(@PathVariable String code) {
		return this.statements.issued(code).stream().map(IssuedStatementJson::of).toList();
	}

	@GetMapping("/account-statements/{id}")
	@Operation(summary = "An issued statement with its lines and the customer's answer")
	IssuedStatementJson issuedStatement(@PathVariable long id) {
		return IssuedStatementJson.of(this.statements.issuedStatement(id));
	}

	@GetMapping("/account-statements/{id}/pdf")
	@Operation(summary = "The PDF exactly as issued (its SHA-256 is the statement's pdfSha256)")
	@ApiResponse(responseCode = "200",
			content = @Content(mediaType = StatementFile.PDF, schema = @Schema(type = "string", format = "binary")))
	ResponseEntity<byte[]> issuedPdf(@PathVariable long id) {
		return download(this.statements.issuedPdf(id));
	}

	@PostMapping("/account-statements/{id}/reply")
	@Operation(summary = "Record the customer's answer (FINANCE): CONFIRMED, or DISPUTED with lines and a note",
			description = "Body {status: CONFIRMED|DISPUTED, disputedLines?: [{line, comment?}], note?}; lines by "
					+ "the numbers printed on the statement; a dispute needs a note. Answered once: 422 "
					+ "STATEMENT_ANSWERED after that.")
	IssuedStatementJson reply(@PathVariable long id, @RequestBody StatementReply reply) {
		return IssuedStatementJson.of(this.statements.reply(id, reply));
	}

	static @Nullable StatementFormat format(@Nullable String format) {
		if (format == null || format.isBlank() || format.equalsIgnoreCase("json")) {
			return null;
		}
		try {
			return StatementFormat.valueOf(format.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("format", "receivable.statement.format.unknown", format);
		}
	}

	static ResponseEntity<byte[]> download(StatementFile file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(file.content());
	}

}
