package org.credence.customer.document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.customer.document.DocumentRepository.StoredDocument;
import org.credence.customer.document.DocumentStore.StoredFile;
import org.credence.identity.AuditRecord;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.NotFoundException;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.FileSystemResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents of a customer's credit file. Any reader of the customer may list and
 * download them; uploading and deleting need {@link Permission#CUSTOMER_WRITE}. Files of
 * at most 10 MB in PDF, PNG, JPEG, XLSX, DOCX, XLS or DOC are accepted, checked by name
 * and content. Deleting is soft: the document disappears from the file but its row and
 * its file stay, so the audit trail can still show what was there.
 */
@Service
public class Documents {

	private final DocumentRepository repository;

	private final DocumentStore store;

	private final Customers customers;

	private final CurrentUser currentUser;

	private final AuditTrail auditTrail;

	private final Clock clock;

	Documents(DocumentRepository repository, DocumentStore store, Customers customers, CurrentUser currentUser,
			AuditTrail auditTrail, Clock clock) {
		this.repository = repository;
		this.store = store;
		this.customers = customers;
		this.currentUser = currentUser;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/**
	 * One page of a customer's documents, the latest upload first.
	 * @throws NotFoundException when the customer is not in the caller's scope
	 */
	@Transactional(readOnly = true)
	public PageResult<Document> list(String customerCode, Paging paging) {
		CustomerDetails customer = this.customers.get(customerCode);
		List<Document> items = this.repository.findAll(customer.id(), paging.size(), paging.offset())
			.stream()
			.map(stored -> document(customer, stored))
			.toList();
		return new PageResult<>(items, paging.page(), paging.size(), this.repository.count(customer.id()));
	}

	/** A document of the customer that is not deleted. */
	@Transactional(readOnly = true)
	public Optional<Document> find(String customerCode, long id) {
		CustomerDetails customer = this.customers.get(customerCode);
		return this.repository.find(customer.id(), id).map(stored -> document(customer, stored));
	}

	/**
	 * A document of the customer that is not deleted.
	 * @throws NotFoundException when the customer or the document is unknown to the
	 * caller
	 */
	@Transactional(readOnly = true)
	public Document get(String customerCode, long id) {
		return find(customerCode, id).orElseThrow(() -> new NotFoundException("customer.document.not-found", id));
	}

	/**
	 * Adds a document to the credit file. The file and its row are stored together: if
	 * the surrounding transaction rolls back, the file is removed again.
	 * @throws InvalidInputException for a missing type, a too long title, and
	 * ({@code file}) an empty, too large, or not allowed file, or one whose content is
	 * not what its name claims
	 * @throws NotFoundException when the customer is not in the caller's scope
	 */
	@Transactional
	public Document upload(String customerCode, DocumentUpload upload) {
		this.currentUser.require(Permission.CUSTOMER_WRITE);
		CustomerDetails customer = this.customers.get(customerCode);
		List<FieldProblem> problems = new ArrayList<>();
		if (upload.type() == null) {
			problems.add(new FieldProblem("type", "customer.document.type.required"));
		}
		String fileName = fileName(upload.fileName());
		FileFormat claimed = null;
		if (fileName == null) {
			problems.add(new FieldProblem("file", "customer.document.file.required"));
		}
		else {
			claimed = FileFormat.byFileName(fileName).orElse(null);
			if (claimed == null) {
				problems.add(new FieldProblem("file", "customer.document.file.type-not-allowed",
						FileFormat.allowedExtensions()));
			}
		}
		String title = upload.title() == null || upload.title().isBlank() ? fileName : upload.title().strip();
		if (title != null && title.length() > 200) {
			problems.add(new FieldProblem("title", "customer.activity.too-long", 200));
		}
		if (!problems.isEmpty() || claimed == null || fileName == null || upload.type() == null || title == null) {
			throw new InvalidInputException(problems);
		}
		StoredFile file = this.store.store(customer.id(), claimed, upload.content());
		long id = this.repository.insert(customer.id(), upload.type(), title, fileName, file,
				this.currentUser.username(), this.clock.instant());
		Document document = document(customer, this.repository.find(customer.id(), id).orElseThrow());
		this.auditTrail
			.record(AuditRecord.created(customer.auditSubject(), "document", Long.toString(id), state(document)));
		return document;
	}

	/**
	 * A document with its content, to download.
	 * @throws NotFoundException when the customer or the document is unknown to the
	 * caller, or its file is missing
	 */
	@Transactional(readOnly = true)
	public DocumentContent content(String customerCode, long id) {
		CustomerDetails customer = this.customers.get(customerCode);
		StoredDocument stored = this.repository.find(customer.id(), id)
			.orElseThrow(() -> new NotFoundException("customer.document.not-found", id));
		Path path = this.store.path(customer.id(), stored.storageKey());
		if (!Files.isRegularFile(path)) {
			throw new NotFoundException("customer.document.content-missing", id);
		}
		return new DocumentContent(document(customer, stored), new FileSystemResource(path));
	}

	/**
	 * Removes a document from the credit file, with a reason, keeping its row and file
	 * for the audit trail.
	 * @throws NotFoundException when the customer or the document is unknown to the
	 * caller
	 */
	@Transactional
	public void delete(String customerCode, long id, @Nullable String reason) {
		this.currentUser.require(Permission.CUSTOMER_WRITE);
		CustomerDetails customer = this.customers.get(customerCode);
		Document document = get(customerCode, id);
		String why = reason == null || reason.isBlank() ? null : reason.strip();
		this.repository.markDeleted(customer.id(), id, this.currentUser.username(), why, this.clock.instant());
		this.auditTrail
			.record(AuditRecord.deleted(customer.auditSubject(), "document", Long.toString(id), state(document))
				.because(why));
	}

	private static @Nullable String fileName(@Nullable String original) {
		if (original == null) {
			return null;
		}
		// some browsers send a full path; keep the last segment only
		String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1).strip();
		name = name.replaceAll("\\p{Cntrl}", "");
		if (name.isEmpty()) {
			return null;
		}
		return name.length() <= 255 ? name : name.substring(name.length() - 255);
	}

	private static Document document(CustomerDetails customer, StoredDocument stored) {
		return new Document(stored.id(), customer.code(), stored.type(), stored.title(), stored.fileName(),
				stored.contentType(), stored.size(), stored.sha256(), stored.uploadedBy(), stored.uploadedAt());
	}

	private static Map<String, Object> state(Document document) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("type", document.type().name());
		state.put("title", document.title());
		state.put("fileName", document.fileName());
		state.put("contentType", document.contentType());
		state.put("size", document.size());
		state.put("sha256", document.sha256());
		return state;
	}

}
