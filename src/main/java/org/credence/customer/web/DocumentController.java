package org.credence.customer.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.customer.document.Document;
import org.credence.customer.document.DocumentType;
import org.credence.customer.document.DocumentUpload;
import org.credence.customer.document.Documents;
import org.credence.customer.document.FileFormat;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The documents tab of the 客户360 page: the list, downloads, and the upload form. */
@Controller
@RequestMapping("/customers/{code}/documents")
class DocumentController {

	private final Customers customers;

	private final Documents documents;

	private final MessageSource messages;

	DocumentController(Customers customers, Documents documents, MessageSource messages) {
		this.customers = customers;
		this.documents = documents;
		this.messages = messages;
	}

	@GetMapping
	String documents(@PathVariable String code, @RequestParam(required = false) @Nullable Integer page, Model model,
			HttpServletRequest request) {
		return page(code, new DocumentForm(null, null), Map.of(), page, model, request);
	}

	@PostMapping
	String upload(@PathVariable String code, @ModelAttribute DocumentForm form,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		try {
			List<FieldProblem> problems = new ArrayList<>();
			DocumentType type = ActivityForms.choice(DocumentType.class, "type", form.type(), problems);
			if (file == null || file.isEmpty()) {
				problems.add(new FieldProblem("file", "customer.document.file.required"));
			}
			ActivityForms.requireNone(problems);
			Document document = this.documents.upload(code,
					new DocumentUpload(type, form.title(), file.getOriginalFilename(), file));
			redirect.addFlashAttribute("flashSuccess",
					ActivityForms.message(this.messages, "customer.document.uploaded-file", document.fileName()));
			return "redirect:/customers/{code}/documents";
		}
		catch (InvalidInputException ex) {
			return page(code, form, ActivityForms.messages(ex, this.messages), null, model, request);
		}
	}

	@GetMapping("/{id}/content")
	ResponseEntity<Resource> content(@PathVariable String code, @PathVariable long id) {
		return ActivityForms.download(this.documents.content(code, id));
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable String code, @PathVariable long id,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		this.documents.delete(code, id, reason);
		redirect.addFlashAttribute("flashSuccess", ActivityForms.message(this.messages, "customer.document.deleted"));
		return "redirect:/customers/{code}/documents";
	}

	private String page(String code, DocumentForm form, Map<String, String> errors, @Nullable Integer page, Model model,
			HttpServletRequest request) {
		CustomerDetails customer = this.customers.get(code);
		PageResult<Document> documents = this.documents.list(code, Paging.of(page, null));
		model.addAttribute("customer", customer);
		model.addAttribute("documents", documents);
		model.addAttribute("pageUrls", ActivityForms.pageUrls(documents, request));
		model.addAttribute("types", DocumentType.values());
		model.addAttribute("allowedExtensions", FileFormat.allowedExtensions());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "customer/documents";
	}

	/** The upload form's fields besides the file, as typed. */
	public record DocumentForm(@Nullable String type, @Nullable String title) {
	}

}
