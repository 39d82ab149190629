package org.credence.receivable.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.credence.receivable.AccountStatements;
import org.credence.receivable.IssuedStatement;
import org.credence.receivable.IssuedStatement.Status;
import org.credence.receivable.StatementFormat;
import org.credence.receivable.StatementReply;
import org.credence.receivable.StatementReply.DisputedLine;
import org.credence.shared.InvalidInputException;
import org.credence.shared.NotFoundException;
import org.credence.shared.RuleViolationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The account statement section of the Receivables tab
 * ({@code templates/receivable/statement.html}): download a period's statement as PDF or
 * XLSX, issue it for confirmation, fetch an issued PDF, record the customer's reply. A
 * refusal comes back to the tab as a message in the reader's language.
 */
@Controller
@RequestMapping("/customers/{code}/receivables")
class AccountStatementController {

	private static final String TAB = "redirect:/customers/{code}/receivables#statements";

	private final AccountStatements statements;

	private final MessageSource messages;

	AccountStatementController(AccountStatements statements, MessageSource messages) {
		this.statements = statements;
		this.messages = messages;
	}

	@RequestMapping(path = "/statement", method = { RequestMethod.GET, RequestMethod.POST })
	ResponseEntity<byte[]> download(@PathVariable String code, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String lang, HttpServletRequest request,
			HttpServletResponse response) {
		try {
			StatementFormat file = AccountStatementApiController.format(format);
			return AccountStatementApiController.download(this.statements.render(code, date("from", from),
					date("to", to), file == null ? StatementFormat.PDF : file, blankToNull(lang)));
		}
		catch (InvalidInputException ex) {
			// back to the tab, with the reason where the page shows messages
			String tab = request.getContextPath() + "/customers/" + code + "/receivables";
			RequestContextUtils.getOutputFlashMap(request)
				.put("flashWarning", ReceivablePages.message(this.messages, ex));
			RequestContextUtils.saveOutputFlashMap(tab, request, response);
			return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(tab + "#statements")).build();
		}
	}

	@PostMapping("/statements")
	String issue(@PathVariable String code, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String lang,
			RedirectAttributes redirect) {
		try {
			IssuedStatement issued = this.statements.issue(code, date("from", from), date("to", to), blankToNull(lang));
			redirect.addFlashAttribute("flashSuccess", msg("receivable.statement.issued-flash", issued.number()));
		}
		catch (InvalidInputException | RuleViolationException ex) {
			redirect.addFlashAttribute("flashWarning", ReceivablePages.message(this.messages, ex));
		}
		return TAB;
	}

	@GetMapping("/statements/{id}/pdf")
	ResponseEntity<byte[]> issuedPdf(@PathVariable String code, @PathVariable long id) {
		own(code, id);
		return AccountStatementApiController.download(this.statements.issuedPdf(id));
	}

	@PostMapping("/statements/{id}/reply")
	String reply(@PathVariable String code, @PathVariable long id,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable List<Integer> lines,
			@RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
		IssuedStatement statement = own(code, id);
		try {
			List<DisputedLine> disputed = new ArrayList<>();
			if (lines != null) {
				lines.forEach(line -> disputed.add(new DisputedLine(line, null)));
			}
			this.statements.reply(id, new StatementReply(status(status), disputed, note));
			redirect.addFlashAttribute("flashSuccess", msg("receivable.statement.replied-flash", statement.number()));
		}
		catch (InvalidInputException | RuleViolationException ex) {
			redirect.addFlashAttribute("flashWarning", ReceivablePages.message(this.messages, ex));
		}
		return TAB;
	}

	/** An issued statement of this customer; another customer's is not found here. */
	private IssuedStatement own(String code, long id) {
		IssuedStatement statement = this.statements.issuedStatement(id);
		if (!statement.customerCode().equals(code)) {
			throw new NotFoundException("receivable.statement.not-found", statement.number());
		}
		return statement;
	}

	private static @Nullable Status status(@Nullable String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("status", "receivable.statement.reply.status.required");
		}
	}

	private static @Nullable LocalDate date(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "receivable.date.invalid");
		}
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private String msg(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, code, LocaleContextHolder.getLocale());
	}

}
