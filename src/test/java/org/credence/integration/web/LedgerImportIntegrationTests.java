package org.credence.integration.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.credence.IntegrationTest;
import org.credence.customer.ActivityFixtures;
import org.credence.customer.Customers;
import org.credence.identity.AuditEntry;
import org.credence.identity.AuditQuery;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.credence.receivable.Conversion;
import org.credence.receivable.FxRates;
import org.credence.receivable.Invoice;
import org.credence.receivable.InvoicesImported;
import org.credence.receivable.Order;
import org.credence.receivable.OrderStatus;
import org.credence.receivable.ReceivableFixtures;
import org.credence.receivable.Receivables;
import org.credence.shared.Paging;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Imports of the receivables ledger through {@code POST /api/v1/imports/{kind}}: orders,
 * invoices (written in bulk), payments and credit notes, in CSV (UTF-8 and GBK) and XLSX.
 */
@IntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class LedgerImportIntegrationTests {

	static final Charset GBK = Charset.forName("GBK");

	static final String INVOICE_HEADER = "externalId,customerCode,number,amount,currency,issueDate,dueDate,orderNumber";

	@Autowired
	MockMvc mvc;

	@Autowired
	Receivables receivables;

	@Autowired
	FxRates fxRates;

	@Autowired
	Customers customers;

	@Autowired
	Users users;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	ApplicationEvents events;

	@Autowired
	AuditTrail auditTrail;

	ReceivableFixtures fixtures;

	String customer;

	String other;

	@BeforeEach
	void setUp() {
		this.fixtures = new ReceivableFixtures(this.users, this.customers, this.currentUser, this.receivables);
		this.customer = this.fixtures.customer();
		this.other = this.fixtures.customer();
	}

	@Test
	void importsInvoicesInBulkKeepingTheRateAndTheCompanyAmountOfEachOne() throws Exception {
		String p = ReceivableFixtures.unique("B");
		BigDecimal rate = new BigDecimal("7.12345675");
		this.fixtures.asFinance(() -> this.fxRates.enter(LocalDate.parse("2015-06-01"), "NZD", rate));
		String file = csv(INVOICE_HEADER, p + "-1," + this.customer + "," + p + "-1,1000.00,CNY,2026-01-10,2026-02-10,",
				p + "-2," + this.other + "," + p + "-2,\"1,234.57\",nzd,2015-06-15,2015-07-15,",
				p + "-3," + this.customer + "," + p + "-3,0.07,NZD,2015-06-20,2015-07-20,");

		byte[] content = file.getBytes(StandardCharsets.UTF_8);
		importFile("invoices", content, "all").andExpect(status().isOk())
			.andExpect(jsonPath("$.rows").value(3))
			.andExpect(jsonPath("$.accepted").value(3))
			.andExpect(jsonPath("$.rejected").value(0))
			.andExpect(jsonPath("$.unchanged").value(0))
			.andExpect(jsonPath("$.errors", hasSize(0)));

		Invoice cny = this.fixtures.invoice(p + "-1");
		assertThat(cny.customerCode()).isEqualTo(this.customer);
		assertThat(cny.companyAmount()).isEqualByComparingTo("1000.00");
		Invoice nzd = this.fixtures.invoice(p + "-2");
		assertThat(nzd.currency()).isEqualTo("NZD");
		assertThat(nzd.fxRate()).isEqualByComparingTo(rate);
		assertThat(nzd.companyAmount()).isEqualTo(Conversion.toCompany(new BigDecimal("1234.57"), rate));
		// 0.07 × 7.12345675 = 0.4986419725: rounding is to the fen, HALF_UP, as for one
		Invoice small = this.fixtures.invoice(p + "-3");
		assertThat(small.companyAmount()).isEqualTo(Conversion.toCompany(new BigDecimal("0.07"), rate));
		assertThat(this.events.stream(InvoicesImported.class)
			.filter(e -> e.customerCodes().contains(this.customer))
			.findFirst()
			.orElseThrow()
			.customerCodes()).containsExactlyInAnyOrder(this.customer, this.other);
		String sha256 = java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
		List<AuditEntry> audit = this.currentUser
			.asSystem(() -> this.auditTrail.entries(new AuditQuery(null, "invoice-import", null, null, null),
					new Paging(0, 500)))
			.items()
			.stream()
			.filter(entry -> entry.entityId().equals(sha256))
			.toList();
		assertThat(audit).singleElement().satisfies(entry -> {
			assertThat(entry.actor()).isEqualTo(this.fixtures.finance);
			assertThat(entry.action()).isEqualTo("IMPORTED");
			assertThat(entry.after()).containsPattern("\"written\":\\s*3\\b")
				.containsPattern("\"customers\":\\s*2\\b")
				.contains(sha256);
		});
	}

	@Test
	void gbkInvoiceFileWithAnUnknownCustomerImportsNothingInModeAllAndTheGoodRowsInModePartial() throws Exception {
		String p = ReceivableFixtures.unique("G");
		byte[] file = csv("外部编号,客户编码,发票号,金额,币种,开票日期,到期日",
				p + "-1," + this.customer + "," + p + "-1,500,CNY,2026-01-05,2026-02-04",
				p + "-2,无此客户-" + p + "," + p + "-2,600,CNY,2026-01-05,2026-02-04",
				p + "-3," + this.customer + "," + p + "-3,700,CNY,2026/1/6,2026年2月5日")
			.getBytes(GBK);

		importFile("invoices", file, "all").andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(0))
			.andExpect(jsonPath("$.rejected").value(3))
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].field").value("customerCode"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("无此客户-" + p)));
		assertThat(numbers(this.customer)).doesNotContain(p + "-1", p + "-3");

		importFile("invoices", file, "partial").andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.rejected").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(3));
		assertThat(numbers(this.customer)).contains(p + "-1", p + "-3");
		assertThat(this.fixtures.invoice(p + "-3").dueDate()).isEqualTo(LocalDate.parse("2026-02-05"));
	}

	@Test
	void reimportingTheSameInvoicesChangesNothingAndOtherContentUnderAnExternalIdIsARowError() throws Exception {
		String p = ReceivableFixtures.unique("R");
		String row1 = p + "-1," + this.customer + "," + p + "-1,100.00,CNY,2026-01-05,2026-02-04,";
		String row2 = p + "-2," + this.customer + "," + p + "-2,200.00,CNY,2026-01-05,2026-02-04,";
		byte[] file = csv(INVOICE_HEADER, row1, row2).getBytes(StandardCharsets.UTF_8);
		importFile("invoices", file, "all").andExpect(jsonPath("$.accepted").value(2));

		importFile("invoices", file, "all").andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.unchanged").value(2))
			.andExpect(jsonPath("$.rejected").value(0));
		assertThat(numbers(this.customer)).containsExactly(p + "-1", p + "-2");

		String changed = p + "-2," + this.customer + "," + p + "-2,250.00,CNY,2026-01-05,2026-02-04,";
		String added = p + "-3," + this.customer + "," + p + "-3,300.00,CNY,2026-01-05,2026-02-04,";
		importFile("invoices", csv(INVOICE_HEADER, row1, changed, added).getBytes(StandardCharsets.UTF_8), "partial")
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.unchanged").value(1))
			.andExpect(jsonPath("$.rejected").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].field").value("externalId"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("other content")));
		assertThat(this.fixtures.invoice(p + "-2").amount()).isEqualByComparingTo("200.00");
		assertThat(numbers(this.customer)).containsExactly(p + "-1", p + "-2", p + "-3");
	}

	@Test
	void aFileRepeatingAnExternalIdOrANumberRefusesTheLaterRowsThatDisagree() throws Exception {
		String p = ReceivableFixtures.unique("D");
		String row = p + "-1," + this.customer + "," + p + "-1,100.00,CNY,2026-01-05,2026-02-04,";
		importFile("invoices",
				csv(INVOICE_HEADER, row, row,
						p + "-1," + this.customer + "," + p + "-1,999.00,CNY,2026-01-05,2026-02-04,",
						p + "-9," + this.customer + "," + p + "-1,100.00,CNY,2026-01-05,2026-02-04,",
						p + "-4," + this.customer + "," + p + "-4,100.00,CNY,2026-01-05,2025-12-31,")
					.getBytes(StandardCharsets.UTF_8),
				"partial")
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.unchanged").value(1))
			.andExpect(jsonPath("$.rejected").value(3))
			.andExpect(jsonPath("$.errors[0].row").value(4))
			.andExpect(jsonPath("$.errors[0].field").value("externalId"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("row 2")))
			.andExpect(jsonPath("$.errors[1].row").value(5))
			.andExpect(jsonPath("$.errors[1].field").value("number"))
			.andExpect(jsonPath("$.errors[2].row").value(6))
			.andExpect(jsonPath("$.errors[2].field").value("dueDate"));
		assertThat(numbers(this.customer)).containsExactly(p + "-1");
	}

	@Test
	void ordersFromAnXlsxFileAndAnInvoiceNamingOneOfThem() throws Exception {
		String p = ReceivableFixtures.unique("O");
		byte[] file = xlsx(List.of("外部编号", "客户编码", "订单号", "金额", "币种", "订单日期", "状态"), sheet -> {
			row(sheet, 1, p + "-1", this.customer, p + "-1", 5000, "CNY", LocalDate.parse("2026-01-02"), "未结");
			row(sheet, 2, p + "-2", this.customer, p + "-2", 800.5, "CNY", LocalDate.parse("2026-01-03"), "CANCELLED");
		});

		importFile("orders", file, "all").andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.errors", hasSize(0)));
		Order open = this.fixtures.asFinance(() -> this.receivables.order(p + "-1"));
		assertThat(open.amount()).isEqualByComparingTo("5000");
		assertThat(open.orderDate()).isEqualTo(LocalDate.parse("2026-01-02"));
		assertThat(this.fixtures.asFinance(() -> this.receivables.order(p + "-2")).status())
			.isEqualTo(OrderStatus.CANCELLED);

		importFile("invoices",
				csv(INVOICE_HEADER,
						p + "-I," + this.customer + "," + p + "-I,1200,CNY,2026-01-10,2026-02-10," + p + "-1",
						p + "-J," + this.other + "," + p + "-J,100,CNY,2026-01-10,2026-02-10," + p + "-1")
					.getBytes(StandardCharsets.UTF_8),
				"partial")
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].field").value("orderNumber"));
		assertThat(this.fixtures.asFinance(() -> this.receivables.order(p + "-1")).companyOpenAmount())
			.isEqualByComparingTo("3800");
	}

	@Test
	void anOrderWithOtherContentUnderItsExternalIdIsARowErrorAndTheRestIsImportedInModePartial() throws Exception {
		String p = ReceivableFixtures.unique("C");
		String header = "externalId,customerCode,number,amount,currency,orderDate";
		importFile("orders", csv(header, p + "-1," + this.customer + "," + p + "-1,100,CNY,2026-01-02")
			.getBytes(StandardCharsets.UTF_8), "all").andExpect(jsonPath("$.accepted").value(1));
		byte[] file = csv(header, p + "-1," + this.customer + "," + p + "-1,150,CNY,2026-01-02",
				p + "-2," + this.customer + "," + p + "-2,200,CNY,2026-01-02")
			.getBytes(StandardCharsets.UTF_8);

		importFile("orders", file, "all").andExpect(jsonPath("$.accepted").value(0))
			.andExpect(jsonPath("$.rejected").value(2))
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].field").value("externalId"));
		assertThatThrownBy(() -> this.fixtures.asFinance(() -> this.receivables.order(p + "-2")))
			.hasMessageContaining("not-found");

		importFile("orders", file, "partial").andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.rejected").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(2));
		assertThat(this.fixtures.asFinance(() -> this.receivables.order(p + "-1")).amount())
			.isEqualByComparingTo("100");
		assertThat(this.fixtures.asFinance(() -> this.receivables.order(p + "-2")).amount())
			.isEqualByComparingTo("200");
	}

	@Test
	void paymentsAndCreditNotesAreAppliedAsNamedOrOldestDueFirstAndAreIdempotent() throws Exception {
		String p = ReceivableFixtures.unique("P");
		String older = this.fixtures.invoiceOf(this.customer, "1000.00", "2026-01-01", "2026-01-31");
		String newer = this.fixtures.invoiceOf(this.customer, "500.00", "2026-01-05", "2026-02-04");
		byte[] payments = csv("externalId,customerCode,amount,currency,receivedDate,reference,allocations",
				p + "-1," + this.customer + ",300,CNY,2026-02-01,银行回单 1,",
				p + "-2," + this.customer + ",200,CNY,2026-02-02,," + newer + "=150; " + newer + "=50")
			.getBytes(StandardCharsets.UTF_8);

		importFile("payments", payments, "all").andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.unchanged").value(0));
		assertThat(this.fixtures.invoice(older).openAmount()).isEqualByComparingTo("700.00");
		assertThat(this.fixtures.invoice(newer).openAmount()).isEqualByComparingTo("300.00");
		importFile("payments", payments, "all").andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.unchanged").value(2));
		assertThat(this.fixtures.invoice(older).openAmount()).isEqualByComparingTo("700.00");

		byte[] notes = csv("externalId,customerCode,number,amount,currency,issueDate,invoiceNumber",
				p + "-N1," + this.customer + "," + p + "-N1,100,CNY,2026-02-03," + newer,
				p + "-N2," + this.customer + "," + p + "-N2,50,CNY,2026-02-03,",
				p + "-N3," + this.customer + "," + p + "-N3,50,CNY,2026-02-03,NO-SUCH-" + p)
			.getBytes(StandardCharsets.UTF_8);
		importFile("credit-notes", notes, "partial").andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.errors[0].row").value(4))
			.andExpect(jsonPath("$.errors[0].field").value("invoiceNumber"));
		assertThat(this.fixtures.invoice(newer).openAmount()).isEqualByComparingTo("200.00");
		assertThat(this.fixtures.invoice(older).openAmount()).isEqualByComparingTo("650.00");
	}

	@Test
	void aMalformedAllocationIsARowErrorNamingTheColumn() throws Exception {
		String p = ReceivableFixtures.unique("M");
		importFile("payments",
				csv("externalId,customerCode,amount,currency,receivedDate,allocations",
						p + "-1," + this.customer + ",300,CNY,2026-02-01,INV-1 three hundred")
					.getBytes(StandardCharsets.UTF_8),
				"all")
			.andExpect(jsonPath("$.accepted").value(0))
			.andExpect(jsonPath("$.errors[0].field").value("allocations"));
	}

	@Test
	void ledgerImportsNeedTheRightToWriteReceivablesAndEachKindHasATemplate() throws Exception {
		String analyst = this.fixtures.user(Role.CREDIT_ANALYST);
		this.mvc
			.perform(multipart("/api/v1/imports/{kind}", "invoices")
				.file(file(csv(INVOICE_HEADER).getBytes(StandardCharsets.UTF_8)))
				.with(ActivityFixtures.basic(analyst)))
			.andExpect(status().isForbidden());
		for (String kind : List.of("orders", "invoices", "payments", "credit-notes")) {
			this.mvc
				.perform(get("/api/v1/imports/{kind}/template", kind).header("Accept-Language", "zh-CN")
					.param("header", "labels")
					.with(ActivityFixtures.basic(this.fixtures.finance)))
				.andExpect(status().isOk());
		}
	}

	@Test
	void financeImportsInvoicesOnThePageAndSeesTheReportInChinese() throws Exception {
		String p = ReceivableFixtures.unique("U");
		this.mvc
			.perform(get("/imports/invoices").header("Accept-Language", "zh-CN")
				.with(ActivityFixtures.signedIn(this.fixtures.finance, Role.FINANCE)))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("贷项通知单")));
		byte[] file = csv(INVOICE_HEADER, p + "-1," + this.customer + "," + p + "-1,100,CNY,2026-01-05,2026-02-04,",
				p + "-2," + this.customer + "," + p + "-2,100,CNY,2026-01-05,2026-01-04,")
			.getBytes(StandardCharsets.UTF_8);
		this.mvc
			.perform(multipart("/imports/{kind}", "invoices").file(file(file))
				.param("mode", "partial")
				.header("Accept-Language", "zh-CN")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.with(ActivityFixtures.signedIn(this.fixtures.finance, Role.FINANCE)))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("到期日不能早于开票日")));
		assertThat(numbers(this.customer)).containsExactly(p + "-1");
	}

	private List<String> numbers(String customerCode) {
		return this.fixtures.asFinance(() -> this.receivables.invoices(customerCode))
			.stream()
			.map(Invoice::number)
			.sorted()
			.toList();
	}

	private ResultActions importFile(String kind, byte[] content, String mode) throws Exception {
		return this.mvc.perform(multipart("/api/v1/imports/{kind}", kind).file(file(content))
			.param("mode", mode)
			.header("Accept-Language", "en")
			.with(ActivityFixtures.basic(this.fixtures.finance)));
	}

	static MockMultipartFile file(byte[] content) {
		return new MockMultipartFile("file", "ledger.csv", "application/octet-stream", content);
	}

	static String csv(String... lines) {
		return String.join("\r\n", lines) + "\r\n";
	}

	static void row(Sheet sheet, int index, Object... values) {
		Row row = sheet.createRow(index);
		CellStyle date = sheet.getWorkbook().createCellStyle();
		date.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("yyyy-mm-dd"));
		for (int i = 0; i < values.length; i++) {
			Object value = values[i];
			if (value instanceof Number number) {
				row.createCell(i).setCellValue(number.doubleValue());
			}
			else if (value instanceof LocalDate day) {
				row.createCell(i).setCellValue(day);
				row.getCell(i).setCellStyle(date);
			}
			else {
				row.createCell(i).setCellValue(String.valueOf(value));
			}
		}
	}

	static byte[] xlsx(List<String> header, java.util.function.Consumer<Sheet> rows) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("订单");
			Row names = sheet.createRow(0);
			for (int i = 0; i < header.size(); i++) {
				names.createCell(i).setCellValue(header.get(i));
			}
			rows.accept(sheet);
			workbook.write(out);
			return out.toByteArray();
		}
	}

}
