package org.credence.customer.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.credence.IntegrationTest;
import org.credence.customer.ActivityFixtures;
import org.credence.customer.Customers;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.shared.InvalidInputException;
import org.credence.shared.NotFoundException;
import org.credence.shared.Paging;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.credence.customer.ActivityFixtures.as;

@IntegrationTest
class DocumentsIntegrationTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	@Autowired
	Documents documents;

	@Autowired
	Customers customers;

	@Autowired
	Users users;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	DocumentStore store;

	ActivityFixtures fixtures;

	String analyst;

	String code;

	@BeforeEach
	void setUp() {
		this.fixtures = new ActivityFixtures(this.users, this.customers, this.currentUser);
		this.analyst = this.fixtures.user(Role.CREDIT_ANALYST);
		this.code = this.fixtures.customer();
	}

	@Test
	void storesTheFileWithItsSha256Checksum() throws Exception {
		Document document = upload(
				DocumentUpload.of(DocumentType.BANK_CREDIT_CERTIFICATE, "资信证明 2026", "资信证明.pdf", PDF));

		String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));
		assertThat(document.sha256()).isEqualTo(expected);
		assertThat(document.size()).isEqualTo(PDF.length);
		assertThat(document.contentType()).isEqualTo("application/pdf");
		assertThat(document.fileName()).isEqualTo("资信证明.pdf");
		assertThat(this.jdbc.sql("select sha256 from customer.document where id = :id")
			.param("id", document.id())
			.query(String.class)
			.single()).isEqualTo(expected);
		DocumentContent content = as(this.analyst, Role.CREDIT_ANALYST,
				() -> this.documents.content(this.code, document.id()));
		assertThat(content.content().getContentAsByteArray()).isEqualTo(PDF);
		assertThat(storedFile(document.id())).exists();
	}

	@Test
	void acceptsAnExcelWorkbookRecognisedByItsContent() throws IOException {
		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			workbook.createSheet("审计报告").createRow(0).createCell(0).setCellValue("资产总计");
			workbook.write(xlsx);
		}

		Document document = upload(
				DocumentUpload.of(DocumentType.AUDITED_STATEMENTS, "2025 审计报告", "2025年审计报告.xlsx", xlsx.toByteArray()));

		assertThat(document.contentType()).isEqualTo(FileFormat.XLSX.contentType());
	}

	@Test
	void refusesAProgram() {
		byte[] program = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0 };

		assertThatThrownBy(() -> upload(DocumentUpload.of(DocumentType.OTHER, "tool", "setup.exe", program)))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.problems())
				.extracting(InvalidInputException.FieldProblem::field, InvalidInputException.FieldProblem::messageCode)
				.containsExactly(
						org.assertj.core.groups.Tuple.tuple("file", "customer.document.file.type-not-allowed")));
	}

	@Test
	void refusesATextFileRenamedToPdfAndLeavesNothingOnDisk() {
		byte[] text = "just some text, not a PDF".getBytes(StandardCharsets.UTF_8);
		long before = filesOnDisk();

		assertThatThrownBy(() -> upload(DocumentUpload.of(DocumentType.CONTRACT, "合同", "合同.pdf", text)))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.problems())
				.extracting(InvalidInputException.FieldProblem::field, InvalidInputException.FieldProblem::messageCode)
				.containsExactly(
						org.assertj.core.groups.Tuple.tuple("file", "customer.document.file.content-mismatch")));
		assertThat(filesOnDisk()).isEqualTo(before);
	}

	@Test
	void refusesAFileLargerThanTenMegabytes() {
		byte[] large = Arrays.copyOf(PDF, (int) DocumentStore.MAX_SIZE + 1);

		assertThatThrownBy(() -> upload(DocumentUpload.of(DocumentType.OTHER, "scan", "scan.pdf", large)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.problems()).extracting(InvalidInputException.FieldProblem::messageCode)
						.containsExactly("customer.document.file.too-large"));
	}

	@Test
	void removesTheFileWhenTheTransactionRollsBack() {
		AtomicReference<Path> file = new AtomicReference<>();

		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			Document document = upload(DocumentUpload.of(DocumentType.OTHER, "scan", "scan.pdf", PDF));
			file.set(storedFile(document.id()));
			assertThat(file.get()).exists();
			status.setRollbackOnly();
		});

		assertThat(file.get()).doesNotExist();
		assertThat(
				as(this.analyst, Role.CREDIT_ANALYST, () -> this.documents.list(this.code, new Paging(0, 10))).total())
			.isZero();
	}

	@Test
	void deletingHidesTheDocumentButKeepsItsFileForTheAuditTrail() {
		Document document = upload(DocumentUpload.of(DocumentType.BUSINESS_LICENCE, "营业执照", "营业执照.pdf", PDF));
		Path file = storedFile(document.id());

		as(this.analyst, Role.CREDIT_ANALYST, () -> this.documents.delete(this.code, document.id(), "superseded"));

		assertThat(
				as(this.analyst, Role.CREDIT_ANALYST, () -> this.documents.list(this.code, new Paging(0, 10))).items())
			.isEmpty();
		assertThatThrownBy(
				() -> as(this.analyst, Role.CREDIT_ANALYST, () -> this.documents.content(this.code, document.id())))
			.isInstanceOf(NotFoundException.class);
		assertThat(file).exists();
		assertThat(this.jdbc.sql("select deletion_reason from customer.document where id = :id")
			.param("id", document.id())
			.query(String.class)
			.single()).isEqualTo("superseded");
	}

	private Document upload(DocumentUpload upload) {
		return as(this.analyst, Role.CREDIT_ANALYST, () -> this.documents.upload(this.code, upload));
	}

	private Path storedFile(long documentId) {
		var row = this.jdbc.sql("select customer_id, storage_key from customer.document where id = :id")
			.param("id", documentId)
			.query()
			.singleRow();
		return this.store.path(((Number) row.get("customer_id")).longValue(), (String) row.get("storage_key"));
	}

	private long filesOnDisk() {
		long customerId = this.currentUser.asSystem(() -> this.customers.get(this.code).id());
		Path root = this.store.path(customerId, "x").getParent();
		if (!Files.exists(root)) {
			return 0;
		}
		try (var files = Files.walk(root)) {
			return files.filter(Files::isRegularFile).count();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
