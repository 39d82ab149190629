package org.credence.integration.web;

import java.util.List;
import java.util.Locale;

import org.credence.integration.bank.BankStatementImport;
import org.credence.integration.bank.BankStatementImporter;
import org.credence.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 导入银行对账单: upload an MT940 or camt.053 file and see what became of it: entries, credits,
 * matched, unmatched, debits skipped, and each receipt. This mapping is more specific
 * than {@code /imports/{kind}}, so it takes this kind's page.
 */
@Controller
@RequestMapping("/imports/bank-statements")
class BankStatementPageController {

	private final BankStatementImporter importer;

	private final MessageSource messages;

	BankStatementPageController(BankStatementImporter importer, MessageSource messages) {
		this.importer = importer;
		this.messages = messages;
	}

	@GetMapping
	String page() {
		this.importer.authorise();
		return "integration/bank-statements";
	}

	@PostMapping
	String upload(@RequestParam(required = false) @Nullable MultipartFile file, Model model) {
		this.importer.authorise();
		if (file == null || file.isEmpty()) {
			model.addAttribute("fileErrors", List.of(message("integration.import.file.missing")));
			return "integration/bank-statements";
		}
		try {
			BankStatementImport report = this.importer.importStatements(ImportController.bytes(file));
			model.addAttribute("report", report);
			model.addAttribute("warnings",
					report.warnings()
						.stream()
						.map(w -> new ShownWarning(w.entry(), message(w.messageCode(), w.arguments())))
						.toList());
			model.addAttribute("fileName", file.getOriginalFilename());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("fileErrors",
					ex.problems().stream().map(p -> message(p.messageCode(), p.arguments())).toList());
		}
		return "integration/bank-statements";
	}

	private String message(String code, Object... arguments) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(code, arguments, code, locale);
	}

	/** A warning as the page shows it. */
	record ShownWarning(int entry, String message) {
	}

}
