package org.credence.receivable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.credence.IntegrationTest;
import org.credence.TestClock;
import org.credence.customer.ActivityFixtures;
import org.credence.customer.CustomerDetails;
import org.credence.customer.Customers;
import org.credence.identity.AuditEntry;
import org.credence.identity.AuditQuery;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.receivable.AccountStatement.Kind;
import org.credence.receivable.AccountStatement.Line;
import org.credence.receivable.AccountStatement.Section;
import org.credence.receivable.IssuedStatement.Status;
import org.credence.receivable.StatementReply.DisputedLine;
import org.credence.shared.InvalidInputException;
import org.credence.shared.NotFoundException;
import org.credence.shared.Paging;
import org.credence.shared.RuleViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.credence.receivable.ReceivableFixtures.to;
import static org.credence.receivable.ReceivableFixtures.unique;

@IntegrationTest
class AccountStatementsIntegrationTests {

	static final LocalDate MARCH_1 = LocalDate.parse("2026-03-01");

	static final LocalDate MARCH_31 = LocalDate.parse("2026-03-31");

	@Autowired
	AccountStatements statements;

	@Autowired
	Receivables receivables;

	@Autowired
	Aging aging;

	@Autowired
	FxRates fxRates;

	@Autowired
	Customers customers;

	@Autowired
	Users users;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	TestClock clock;

	ReceivableFixtures fixtures;

	String customer;

	String before;

	String inside;

	String after;

	String creditNote;

	@BeforeEach
	void setUp() {
		this.fixtures = new ReceivableFixtures(this.users, this.customers, this.currentUser, this.receivables);
		this.customer = this.fixtures.customer();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	/**
	 * February: invoice 1000, paid 400 (opening of March 600). March: invoice 2000, a
	 * credit note of 100 against it, a payment of 500 reversed five days later, the rest
	 * of February's invoice (600) written off. April: invoice 300, payment 1000.
	 */
	void ledgerAroundMarch() {
		this.before = this.fixtures.invoiceOf(this.customer, "1000.00", "2026-02-10", "2026-03-12");
		this.fixtures.pay(this.customer, "400.00", "2026-02-20");
		this.inside = this.fixtures.invoiceOf(this.customer, "2000.00", "2026-03-05", "2026-04-30");
		this.creditNote = unique("CN");
		this.fixtures.asFinance(() -> this.receivables.recordCreditNote(new CreditNoteEntry(unique("cn"), this.customer,
				this.creditNote, new BigDecimal("100.00"), "CNY", LocalDate.parse("2026-03-10"), this.inside)));
		Payment bounced = this.fixtures
			.asFinance(() -> this.receivables.recordPayment(new PaymentEntry(unique("pay"), this.customer,
					new BigDecimal("500.00"), "CNY", LocalDate.parse("2026-03-15"), "工行回单 0315", null)))
			.record();
		this.clock.setDate(LocalDate.parse("2026-03-20"));
		this.fixtures.asFinance(() -> this.receivables.reversePayment(bounced.externalId(), "退票：余额不足"));
		this.clock.setDate(LocalDate.parse("2026-03-25"));
		WriteOff proposal = this.fixtures.asFinance(() -> this.receivables.proposeWriteOff(this.before, "客户破产"));
		ActivityFixtures.as(this.fixtures.user(Role.CREDIT_MANAGER), Role.CREDIT_MANAGER,
				() -> this.receivables.approveWriteOff(proposal.id(), null));
		this.after = this.fixtures.invoiceOf(this.customer, "300.00", "2026-04-02", "2026-05-02");
		this.fixtures.pay(this.customer, "1000.00", "2026-04-05", to(this.inside, "1000.00"));
		this.clock.setDate(LocalDate.parse("2026-04-10"));
	}

	@Test
	void listsTheDocumentsOfThePeriodBetweenItsOpeningAndClosingBalance() {
		ledgerAroundMarch();

		AccountStatement march = this.fixtures
			.asFinance(() -> this.statements.statement(this.customer, MARCH_1, MARCH_31));

		assertThat(march.sections()).singleElement().satisfies(cny -> {
			assertThat(cny.currency()).isEqualTo("CNY");
			assertThat(cny.opening()).isEqualByComparingTo("600.00");
			assertThat(cny.lines()).extracting(Line::kind)
				.containsExactly(Kind.INVOICE, Kind.CREDIT_NOTE, Kind.PAYMENT, Kind.PAYMENT_REVERSAL, Kind.WRITE_OFF);
			assertThat(cny.lines()).extracting(Line::reference)
				.containsExactly(this.inside, this.creditNote, "工行回单 0315", "工行回单 0315", this.before);
			assertThat(cny.lines()).extracting(Line::balance)
				.usingElementComparator(BigDecimal::compareTo)
				.containsExactly(new BigDecimal("2600"), new BigDecimal("2500"), new BigDecimal("2000"),
						new BigDecimal("2500"), new BigDecimal("1900"));
			assertThat(cny.lines()).extracting(Line::lineNo).containsExactly(1, 2, 3, 4, 5);
			assertThat(cny.totalDebit()).isEqualByComparingTo("2500.00");
			assertThat(cny.totalCredit()).isEqualByComparingTo("1200.00");
			assertThat(cny.closing()).isEqualByComparingTo("1900.00");
		});
		assertThat(march.companyClosing()).isEqualByComparingTo("1900.00");
		// the closing balance is what aging shows open at the period's end: April is not
		// in it
		BigDecimal openAtEnd = this.fixtures.asFinance(() -> this.aging.openItems(this.customer, MARCH_31))
			.stream()
			.map(OpenItem::openAmount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(openAtEnd).isEqualByComparingTo(march.companyClosing());

		AccountStatement april = this.fixtures.asFinance(() -> this.statements.statement(this.customer,
				LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-10")));
		assertThat(april.sections().get(0).opening()).isEqualByComparingTo("1900.00");
		assertThat(april.sections().get(0).lines()).extracting(Line::reference)
			.containsExactly(this.after, april.sections().get(0).lines().get(1).reference());
		assertThat(april.sections().get(0).closing()).isEqualByComparingTo("1200.00");

		AccountStatement february = this.fixtures.asFinance(() -> this.statements.statement(this.customer,
				LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28")));
		assertThat(february.sections().get(0).opening()).isEqualByComparingTo("0");
		assertThat(february.sections().get(0).closing()).isEqualByComparingTo("600.00");
		assertThat(february.lineCount()).isEqualTo(2);
	}

	@Test
	void givesEachDocumentCurrencyItsSectionAndTotalsInCompanyCurrencyAtThePeriodEndRate() throws IOException {
		this.fixtures.asFinance(() -> {
			this.fxRates.enter(LocalDate.parse("2025-06-01"), "EUR", new BigDecimal("7.80"));
			this.fxRates.enter(LocalDate.parse("2025-06-20"), "EUR", new BigDecimal("7.90"));
			return null;
		});
		this.fixtures.invoiceOf(this.customer, "500.00", "2025-06-03", "2025-07-03");
		this.fixtures.asFinance(() -> this.receivables
			.recordInvoice(new InvoiceEntry(unique("ext"), this.customer, unique("INV"), new BigDecimal("100.00"),
					"EUR", LocalDate.parse("2025-06-05"), LocalDate.parse("2025-07-05"), null)));

		AccountStatement june = this.fixtures.asFinance(() -> this.statements.statement(this.customer,
				LocalDate.parse("2025-06-01"), LocalDate.parse("2025-06-30")));

		assertThat(june.sections()).extracting(Section::currency).containsExactly("CNY", "EUR");
		Section eur = june.sections().get(1);
		assertThat(eur.closing()).isEqualByComparingTo("100.00");
		assertThat(eur.closingRate()).isEqualByComparingTo("7.90");
		assertThat(eur.companyClosing()).isEqualByComparingTo("790.00");
		assertThat(june.companyClosing()).isEqualByComparingTo("1290.00");
		assertThat(june.hasForeignCurrency()).isTrue();
		assertThat(june.sections().get(1).lines()).extracting(Line::lineNo).containsExactly(2);
		StatementFile pdf = this.fixtures.asFinance(() -> this.statements.render(this.customer,
				LocalDate.parse("2025-06-01"), LocalDate.parse("2025-06-30"), StatementFormat.PDF, null));
		assertThat(text(pdf.content())).contains("币种：EUR", "折合本位币 CNY", "790.00", "1,290.00 CNY");
		writeForInspection("statement-currencies.pdf", pdf.content());
	}

	@Test
	void rendersAChinesePdfWithTheCustomersNameAndTheBalances() throws IOException {
		ledgerAroundMarch();
		CustomerDetails details = this.fixtures.asFinance(() -> this.customers.get(this.customer));

		StatementFile pdf = this.fixtures
			.asFinance(() -> this.statements.render(this.customer, MARCH_1, MARCH_31, StatementFormat.PDF, null));

		assertThat(pdf.contentType()).isEqualTo("application/pdf");
		assertThat(pdf.fileName()).isEqualTo("对账单-" + this.customer + "-2026-03-01-2026-03-31.pdf");
		String text = text(pdf.content());
		assertThat(text).contains(details.name(), "客户对账单", "期初余额", "期末余额", "客户确认", "Credence 示例贸易有限公司", "600.00",
				"1,900.00", "2,000.00", "冲回原因：退票", this.inside);
		writeForInspection("statement-zh.pdf", pdf.content());

		StatementFile english = this.fixtures
			.asFinance(() -> this.statements.render(this.customer, MARCH_1, MARCH_31, StatementFormat.PDF, "en"));
		assertThat(text(english.content())).contains("Statement of Account", "Opening balance", details.name(),
				"Customer confirmation", "1,900.00");
		writeForInspection("statement-en.pdf", english.content());
	}

	@Test
	void writesTheStatementAsAWorkbookWithAmountsAsNumbers() throws IOException {
		ledgerAroundMarch();

		StatementFile xlsx = this.fixtures
			.asFinance(() -> this.statements.render(this.customer, MARCH_1, MARCH_31, StatementFormat.XLSX, "en"));

		assertThat(xlsx.fileName()).endsWith(".xlsx");
		List<List<Object>> rows = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.content()))) {
			for (Row row : workbook.getSheetAt(0)) {
				List<Object> cells = new ArrayList<>();
				for (int c = 0; c < 8; c++) {
					Cell cell = row.getCell(c);
					cells.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC
							? BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString()
							: cell.getStringCellValue());
				}
				rows.add(cells);
			}
		}
		assertThat(rows)
			.anySatisfy(r -> assertThat(r).containsExactly("Opening balance", "", "", "", "", "", "", "600"));
		assertThat(rows).anySatisfy(r -> assertThat(r.subList(2, 8)).containsExactly("Payment reversed", "工行回单 0315",
				"Reversed: 退票：余额不足", "500", "", "2500"));
		assertThat(rows)
			.anySatisfy(r -> assertThat(r).containsExactly("Closing balance", "", "", "", "", "", "", "1900"));
		assertThat(rows).anySatisfy(r -> assertThat(r).contains(this.customer));
	}

	@Test
	void issuesAStatementKeepsThePdfAndRecordsTheCustomersDisputeOnce() throws Exception {
		ledgerAroundMarch();

		IssuedStatement issued = this.fixtures
			.asFinance(() -> this.statements.issue(this.customer, MARCH_1, MARCH_31, null));

		assertThat(issued.status()).isEqualTo(Status.ISSUED);
		assertThat(issued.language()).isEqualTo("zh-CN");
		assertThat(issued.issuedBy()).isEqualTo(this.fixtures.finance);
		assertThat(issued.balances()).singleElement().satisfies(b -> {
			assertThat(b.opening()).isEqualByComparingTo("600.00");
			assertThat(b.closing()).isEqualByComparingTo("1900.00");
		});
		assertThat(issued.lines()).hasSize(5);
		byte[] pdf = this.fixtures.asFinance(() -> this.statements.issuedPdf(issued.id())).content();
		assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)))
			.isEqualTo(issued.pdfSha256());
		assertThat(text(pdf)).contains(issued.number()).doesNotContain("预览");

		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.fixtures.asFinance(() -> this.statements.reply(issued.id(),
					new StatementReply(Status.DISPUTED, List.of(new DisputedLine(9, null)), "金额不符"))))
			.satisfies(ex -> assertThat(ex.problems()).extracting(p -> p.field())
				.containsExactly("disputedLines[0].line"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.fixtures.asFinance(() -> this.statements.reply(issued.id(),
					new StatementReply(Status.DISPUTED, List.of(new DisputedLine(3, null)), " "))))
			.satisfies(ex -> assertThat(ex.problems()).extracting(p -> p.field()).containsExactly("note"));

		IssuedStatement disputed = this.fixtures
			.asFinance(() -> this.statements.reply(issued.id(), new StatementReply(Status.DISPUTED,
					List.of(new DisputedLine(3, "我方未收到退票通知"), new DisputedLine(4, null)), "3月15日的付款已到账，不应冲回")));

		assertThat(disputed.status()).isEqualTo(Status.DISPUTED);
		assertThat(disputed.repliedBy()).isEqualTo(this.fixtures.finance);
		assertThat(disputed.disputedLines()).extracting(IssuedStatement.Line::lineNo).containsExactly(3, 4);
		assertThat(disputed.disputedLines().get(0).disputeComment()).isEqualTo("我方未收到退票通知");
		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> this.fixtures
				.asFinance(() -> this.statements.reply(issued.id(), new StatementReply(Status.CONFIRMED, null, null))))
			.satisfies(ex -> assertThat(ex.reasonCode()).isEqualTo("STATEMENT_ANSWERED"));
		List<AuditEntry> audit = this.auditTrail
			.entries(AuditQuery.forSubject(CustomerDetails.auditSubject(this.customer)), new Paging(0, 50))
			.items();
		assertThat(audit).filteredOn(e -> e.entityType().equals("account-statement"))
			.extracting(AuditEntry::action)
			.containsExactlyInAnyOrder("ISSUED", "DISPUTED");
		assertThat(audit).anySatisfy(e -> {
			assertThat(e.action()).isEqualTo("ISSUED");
			assertThat(e.after()).contains(issued.pdfSha256());
		});
		assertThat(this.fixtures.asFinance(() -> this.statements.issued(this.customer))).extracting(IssuedStatement::id)
			.containsExactly(issued.id());
	}

	@Test
	void refusesAPeriodThatEndsBeforeItStartsOrAfterToday() {
		this.clock.setDate(LocalDate.parse("2026-04-10"));

		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(
					() -> this.fixtures.asFinance(() -> this.statements.statement(this.customer, MARCH_31, MARCH_1)))
			.satisfies(ex -> assertThat(ex.problems()).extracting(p -> p.field()).containsExactly("to"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.fixtures
				.asFinance(() -> this.statements.statement(this.customer, MARCH_1, LocalDate.parse("2026-04-11"))))
			.satisfies(ex -> assertThat(ex.problems()).extracting(p -> p.messageCode())
				.containsExactly("receivable.statement.period.future"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.fixtures
				.asFinance(() -> this.statements.render(this.customer, MARCH_1, MARCH_31, StatementFormat.PDF, "fr")))
			.satisfies(ex -> assertThat(ex.problems()).extracting(p -> p.field()).containsExactly("lang"));
	}

	@Test
	void salesSeeOnlyTheirOwnCustomersStatementsAndCannotIssueThem() {
		ledgerAroundMarch();
		IssuedStatement issued = this.fixtures
			.asFinance(() -> this.statements.issue(this.customer, MARCH_1, MARCH_31, "en"));
		String sales = this.fixtures.user(Role.SALES);
		String own = this.fixtures.customer(sales);

		ActivityFixtures.as(sales, Role.SALES, () -> {
			assertThat(this.statements.statement(own, MARCH_1, MARCH_31).lineCount()).isZero();
			assertThatExceptionOfType(NotFoundException.class)
				.isThrownBy(() -> this.statements.statement(this.customer, MARCH_1, MARCH_31));
			assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.statements.issued(this.customer));
			assertThatExceptionOfType(NotFoundException.class)
				.isThrownBy(() -> this.statements.issuedStatement(issued.id()));
			assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.statements.issuedPdf(issued.id()));
			assertThatExceptionOfType(AccessDeniedException.class)
				.isThrownBy(() -> this.statements.issue(own, MARCH_1, MARCH_31, null));
		});
	}

	static String text(byte[] pdf) throws IOException {
		PdfReader reader = new PdfReader(pdf);
		try {
			PdfTextExtractor extractor = new PdfTextExtractor(reader);
			StringBuilder text = new StringBuilder();
			for (int page = 1; page <= reader.getNumberOfPages(); page++) {
				text.append(extractor.getTextFromPage(page)).append('\n');
			}
			return text.toString();
		}
		finally {
			reader.close();
		}
	}

	/** Leaves the rendered file in target/ for a person to look at. */
	static void writeForInspection(String name, byte[] content) throws IOException {
		Path dir = Path.of("target", "statements");
		Files.createDirectories(dir);
		Files.write(dir.resolve(name), content);
	}

}
