package org.credence.integration.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.credence.integration.imports.BulkImporter;
import org.credence.integration.imports.FileImports;
import org.credence.integration.imports.ImportColumn;
import org.credence.integration.imports.ImportJob;
import org.credence.integration.imports.ImportJobs;
import org.credence.integration.imports.ImportMode;
import org.credence.integration.imports.ImportResult;
import org.credence.integration.imports.Importer;
import org.credence.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import page of a kind ({@code /imports/customers}): what the columns are, the
 * template, a file and a mode, and after the upload the report. A small file's upload
 * waits for the report; a large one (invoices by the hundred thousand) is imported in the
 * background, and its page shows the progress, polled with htmx, and then the report.
 */
@Controller
@RequestMapping("/imports/{kind}")
class ImportPageController {

	/** The kinds of the receivables ledger, shown as tabs of one page. */
	static final List<String> LEDGER_KINDS = List.of("invoices", "payments", "credit-notes", "orders");

	private final FileImports imports;

	private final MessageSource messages;

	private final ImportJobs jobs;

	ImportPageController(FileImports imports, ImportJobs jobs, MessageSource messages) {
		this.imports = imports;
		this.jobs = jobs;
		this.messages = messages;
	}

	@GetMapping
	String page(@PathVariable String kind, Model model) {
		prepare(kind, ImportMode.ALL, model);
		model.addAttribute("background", this.imports.importer(kind) instanceof BulkImporter<?>);
		return "integration/import";
	}

	@PostMapping
	String upload(@PathVariable String kind, @RequestParam(defaultValue = "all") String mode,
			@RequestParam(defaultValue = "false") boolean background,
			@RequestParam(required = false) @Nullable MultipartFile file, Model model) {
		ImportMode importMode = ImportMode.parse(mode).orElse(ImportMode.ALL);
		prepare(kind, importMode, model);
		model.addAttribute("background", background);
		if (file == null || file.isEmpty()) {
			model.addAttribute("fileErrors", List.of(message("integration.import.file.missing")));
			return "integration/import";
		}
		try {
			if (background) {
				ImportJob job = this.jobs.start(kind, ImportController.bytes(file), importMode,
						file.getOriginalFilename());
				return "redirect:/imports/" + kind + "/jobs/" + job.id();
			}
			ImportResult result = this.imports.importFile(kind, ImportController.bytes(file), importMode);
			model.addAttribute("result", result);
			model.addAttribute("fileName", file.getOriginalFilename());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("fileErrors",
					ex.problems().stream().map(p -> message(p.messageCode(), p.arguments())).toList());
		}
		catch (ImportJobs.Busy ex) {
			model.addAttribute("fileErrors", List.of(message(ex.messageCode(), ex.arguments())));
		}
		return "integration/import";
	}

	/** A background import: its progress, polled while it runs, and then its report. */
	@GetMapping("/jobs/{id}")
	String job(@PathVariable String kind, @PathVariable UUID id, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		ImportJob job = this.jobs.job(id);
		model.addAttribute("kind", job.kind());
		model.addAttribute("job", job);
		if (request.getHeader("HX-Request") != null) {
			// the upload form posts with htmx: show the job's address, so a reload stays
			// here
			response.setHeader("HX-Push-Url", request.getRequestURI());
		}
		return "integration/job";
	}

	@GetMapping("/jobs/{id}/progress")
	String jobProgress(@PathVariable String kind, @PathVariable UUID id, Model model) {
		ImportJob job = this.jobs.job(id);
		model.addAttribute("kind", job.kind());
		model.addAttribute("job", job);
		return "integration/job :: progress";
	}

	@GetMapping("/template")
	ResponseEntity<byte[]> template(@PathVariable String kind, @RequestParam(defaultValue = "fields") String header) {
		return ImportController.xlsx(kind, this.imports.template(kind, "labels".equalsIgnoreCase(header)));
	}

	private void prepare(String kind, ImportMode mode, Model model) {
		Importer<?> importer = this.imports.importer(kind);
		importer.authorise();
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("kind", kind);
		model.addAttribute("ledgerKinds", LEDGER_KINDS);
		model.addAttribute("mode", mode.code());
		model.addAttribute("maxRows", importer.maxRows());
		model.addAttribute("columns",
				importer.columns().stream().map(column -> describe(importer, column, locale)).toList());
	}

	private ColumnHelp describe(Importer<?> importer, ImportColumn column, Locale locale) {
		return new ColumnHelp(column.field(),
				this.messages.getMessage(column.labelCode(), null, column.field(), locale), column.required(),
				this.messages.getMessage(column.hintCode(), null, "", locale),
				importer.allowedValues(column.field(), locale));
	}

	private String message(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, code, LocaleContextHolder.getLocale());
	}

	/** A column as the page explains it. */
	record ColumnHelp(String field, String label, boolean required, String hint, List<String> values) {
	}

}
