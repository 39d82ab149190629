package org.credence.integration.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.credence.IntegrationTest;
import org.credence.customer.CustomerDetails;
import org.credence.customer.CustomerDraft;
import org.credence.customer.CustomerStatus;
import org.credence.customer.Customers;
import org.credence.customer.OwnershipType;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.integration.imports.FailingImporterConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
@Import(FailingImporterConfiguration.class)
class ImportControllerIntegrationTests {

	static final Charset GBK = Charset.forName("GBK");

	static final String VALID_USCC = "91440300708461136T";

	static final String OTHER_VALID_USCC = "91110000600037341L";

	static final String WRONG_CHECK_DIGIT = "91440300708461136A";

	@Autowired
	MockMvc mvc;

	@Autowired
	Customers customers;

	@Autowired
	CurrentUser currentUser;

	@Test
	void gbkFileWithAnInvalidUsccImportsNothingInModeAll() throws Exception {
		String p = prefix();
		byte[] file = csv("客户编码,客户名称,统一社会信用代码,省份/地区,行业", p + "-1,深圳某某科技有限公司," + VALID_USCC + ",广东,I",
				p + "-2,北京某某贸易有限公司," + WRONG_CHECK_DIGIT + ",北京,F", p + "-3,上海某某制造有限公司," + OTHER_VALID_USCC + ",上海,C")
			.getBytes(GBK);

		importFile("customers", file, "all").andExpect(status().isOk())
			.andExpect(jsonPath("$.rows").value(3))
			.andExpect(jsonPath("$.accepted").value(0))
			.andExpect(jsonPath("$.rejected").value(3))
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].field").value("uscc"))
			.andExpect(jsonPath("$.errors[0].message").isNotEmpty());

		assertThat(find(p + "-1")).isEmpty();
		assertThat(find(p + "-3")).isEmpty();
	}

	@Test
	void gbkFileWithAnInvalidUsccImportsTheGoodRowsInModePartial() throws Exception {
		String p = prefix();
		byte[] file = csv("客户编码,客户名称,统一社会信用代码,省份/地区,行业", p + "-1,深圳某某科技有限公司," + VALID_USCC + ",广东,I",
				p + "-2,北京某某贸易有限公司," + WRONG_CHECK_DIGIT + ",北京,F", p + "-3,上海某某制造有限公司," + OTHER_VALID_USCC + ",上海,C")
			.getBytes(GBK);

		importFile("customers", file, "partial").andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.rejected").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].field").value("uscc"));

		CustomerDetails shenzhen = find(p + "-1").orElseThrow();
		assertThat(shenzhen.name()).isEqualTo("深圳某某科技有限公司");
		assertThat(shenzhen.uscc()).isEqualTo(VALID_USCC);
		assertThat(shenzhen.region()).isEqualTo("CN-GD");
		assertThat(shenzhen.industry()).hasToString("I");
		assertThat(find(p + "-2")).isEmpty();
		assertThat(find(p + "-3")).isPresent();
	}

	@Test
	void reimportUpdatesCustomersByCodeAndKeepsWhatBlankCellsLeaveOut() throws Exception {
		String p = prefix();
		importFile("customers",
				csv("code,name,industry,employees", p + "-1,Alpha Trading,F,120").getBytes(StandardCharsets.UTF_8),
				"all")
			.andExpect(jsonPath("$.accepted").value(1));

		importFile("customers",
				csv("code,name,industry,employees,status", p + "-1,Alpha Trading Ltd,,150,ACTIVE")
					.getBytes(StandardCharsets.UTF_8),
				"all")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.errors", hasSize(0)));

		CustomerDetails customer = find(p + "-1").orElseThrow();
		assertThat(customer.name()).isEqualTo("Alpha Trading Ltd");
		assertThat(customer.employees()).isEqualTo(150);
		assertThat(customer.industry()).hasToString("F");
		assertThat(customer.status()).isEqualTo(CustomerStatus.ACTIVE);
	}

	@Test
	void xlsxWithChineseLabelsNumbersAndDateCellsImportsTheirValues() throws Exception {
		String p = prefix();
		byte[] workbook = xlsx(List.of("客户编码", "客户名称", "注册资本", "成立日期", "员工人数", "企业性质", "状态", "行业", "标签", "国家"),
				sheet -> {
					CellStyle date = sheet.getWorkbook().createCellStyle();
					date.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("yyyy年m月d日"));
					Row row = sheet.createRow(1);
					row.createCell(0).setCellValue(p + "-1");
					row.createCell(1).setCellValue("广州某某实业有限公司");
					row.createCell(2).setCellValue(5000000);
					row.createCell(3).setCellValue(LocalDate.of(2008, 3, 1));
					row.getCell(3).setCellStyle(date);
					row.createCell(4).setCellValue(320);
					row.createCell(5).setCellValue("民营企业");
					row.createCell(6).setCellValue("正常");
					row.createCell(7).setCellValue("C — 制造业");
					row.createCell(8).setCellValue("重点客户、华南");
					row.createCell(9).setCellValue("中国");
				});

		importFile("customers", workbook, "all").andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.errors", hasSize(0)));

		CustomerDetails customer = find(p + "-1").orElseThrow();
		assertThat(customer.registeredCapital()).isEqualByComparingTo("5000000");
		assertThat(customer.registeredCapitalCurrency()).isEqualTo("CNY");
		assertThat(customer.foundedOn()).isEqualTo(LocalDate.of(2008, 3, 1));
		assertThat(customer.employees()).isEqualTo(320);
		assertThat(customer.ownershipType()).isEqualTo(OwnershipType.PRIVATE);
		assertThat(customer.status()).isEqualTo(CustomerStatus.ACTIVE);
		assertThat(customer.industry()).hasToString("C");
		assertThat(customer.tags()).containsExactlyInAnyOrder("重点客户", "华南");
		assertThat(customer.country()).isEqualTo("CN");
	}

	@Test
	void valuesThatDoNotParseAreReportedByRowAndField() throws Exception {
		String p = prefix();
		byte[] file = csv("code,name,foundedOn,employees,registeredCapital,ownershipType",
				p + "-1,Alpha,01/03/2008,many,12万,STATE", p + "-2,Beta,2008-03-01,10,100,LISTED")
			.getBytes(StandardCharsets.UTF_8);

		importFile("customers", file, "partial").andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.errors[*].row").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(2))))
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("foundedOn",
					"employees", "registeredCapital", "ownershipType")))
			.andExpect(jsonPath("$.errors[?(@.field == 'foundedOn')].message")
				.value(org.hamcrest.Matchers.hasItem("“01/03/2008” is not a date: write it as YYYY-MM-DD.")));
	}

	@Test
	void aCodeRepeatedInTheFileIsReportedOnItsLaterRow() throws Exception {
		String p = prefix();
		byte[] file = csv("code,name", p + "-1,Alpha", p + "-2,Beta", p + "-1,Alpha again")
			.getBytes(StandardCharsets.UTF_8);

		importFile("customers", file, "partial").andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].row").value(4))
			.andExpect(jsonPath("$.errors[0].field").value("code"))
			.andExpect(jsonPath("$.errors[0].message").value(p + "-1 appears already in row 2."));

		assertThat(find(p + "-1").orElseThrow().name()).isEqualTo("Alpha");
	}

	@Test
	void anUnknownColumnIsRefusedByName() throws Exception {
		byte[] file = csv("code,name,Fax", "X-1,Alpha,010-1234").getBytes(StandardCharsets.UTF_8);

		importFile("customers", file, "all").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].message").value("Unknown column “Fax”."))
			.andExpect(jsonPath("$.detail", containsString("Fax")));
	}

	@Test
	void answersInTheCallersLanguage() throws Exception {
		byte[] file = csv("客户编码,客户名称,传真", "X-1,甲,010-1234").getBytes(GBK);

		this.mvc
			.perform(multipart("/api/v1/imports/customers").file(file("客户.csv", file))
				.header("Accept-Language", "zh-CN")
				.with(admin()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("无法识别的列“传真”。"));
	}

	@Test
	void aFileWithoutTheRequiredColumnsIsRefused() throws Exception {
		importFile("customers", csv("name", "Alpha").getBytes(StandardCharsets.UTF_8), "all")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("Required column “code” is missing."));
	}

	@Test
	void aCustomerResemblingABlacklistedOneIsImportedWithAWarning() throws Exception {
		String p = prefix();
		String name = "黑名单测试公司" + p;
		this.currentUser.asSystem(() -> {
			this.customers.register(CustomerDraft.of(p + "-B", name));
			return this.customers.blacklist(p + "-B", "Fraud", null, null);
		});

		importFile("customers", csv("code,name", p + "-1," + name).getBytes(StandardCharsets.UTF_8), "all")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.warnings", hasSize(1)))
			.andExpect(jsonPath("$.warnings[0].row").value(2))
			.andExpect(jsonPath("$.warnings[0].message").value("Customer " + p
					+ "-1 has the same name as blacklisted customer " + p + "-B (" + name + "): Fraud"));
	}

	@Test
	void aFailedWriteRollsBackEveryRowAndReportsIt() throws Exception {
		String p = prefix();
		byte[] file = csv("code,name", p + "-1,Alpha", p + "-2,Beta", p + "-FAIL,Gamma", p + "-4,Delta")
			.getBytes(StandardCharsets.UTF_8);

		importFile(FailingImporterConfiguration.KIND, file, "partial").andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(0))
			.andExpect(jsonPath("$.rejected").value(4))
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].row").value(4))
			.andExpect(jsonPath("$.errors[0].field").value(nullValue()))
			.andExpect(jsonPath("$.errors[0].message", containsString("nothing was imported")));

		assertThat(find(p + "-1")).isEmpty();
		assertThat(find(p + "-2")).isEmpty();
	}

	@Test
	void aUserWithoutTheImportPermissionIsRefused() throws Exception {
		this.mvc
			.perform(multipart("/api/v1/imports/customers")
				.file(file("c.csv", csv("code,name", "X-1,Alpha").getBytes(StandardCharsets.UTF_8)))
				.with(user("sally").authorities(CurrentUser.Authorities.of(List.of(Role.SALES)))))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc
			.perform(get("/api/v1/imports/customers/template")
				.with(user("sally").authorities(CurrentUser.Authorities.of(List.of(Role.SALES)))))
			.andExpect(status().isForbidden());
	}

	@Test
	void financeUsersImportCustomersWithoutTheRightToEditThemByHand() throws Exception {
		String code = prefix() + "-FIN";
		this.mvc
			.perform(multipart("/api/v1/imports/customers")
				.file(file("c.csv", csv("code,name", code + ",财务导入有限公司").getBytes(StandardCharsets.UTF_8)))
				.with(user("fiona").authorities(CurrentUser.Authorities.of(List.of(Role.FINANCE)))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1));

		assertThat(find(code)).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("财务导入有限公司"));
	}

	@Test
	void anUnknownKindIsNotFound() throws Exception {
		importFile("spaceships", csv("code,name", "X-1,Alpha").getBytes(StandardCharsets.UTF_8), "all")
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void anUnknownModeIsRefused() throws Exception {
		importFile("customers", csv("code,name", "X-1,Alpha").getBytes(StandardCharsets.UTF_8), "some")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("mode"));
	}

	@Test
	void theTemplateDownloadsAndImportsAsAHeaderOnlyFile() throws Exception {
		for (String header : new String[] { "fields", "labels" }) {
			byte[] template = this.mvc
				.perform(get("/api/v1/imports/customers/template").param("header", header)
					.header("Accept-Language", "zh-CN")
					.with(admin()))
				.andExpect(status().isOk())
				.andExpect(content().contentType(ImportController.XLSX))
				.andExpect(header().string("Content-Disposition", containsString("credence-customers-template.xlsx")))
				.andReturn()
				.getResponse()
				.getContentAsByteArray();

			try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
				Row names = workbook.getSheetAt(0).getRow(0);
				assertThat(workbook.getSheetAt(0).getLastRowNum()).isZero();
				assertThat(names.getCell(0).getStringCellValue()).isEqualTo("fields".equals(header) ? "code" : "客户编码");
				assertThat(names.getCell(0).getCellComment().getString().getString()).contains("客户编码", "必填");
				assertThat(names.getLastCellNum()).isEqualTo((short) 18);
				assertThat(workbook.getSheetName(1)).isEqualTo("说明");
				assertThat(workbook.getSheetAt(1).getRow(7).getCell(3).getStringCellValue()).contains("C — 制造业");
			}

			importFile("customers", template, "all").andExpect(status().isOk())
				.andExpect(jsonPath("$.rows").value(0))
				.andExpect(jsonPath("$.accepted").value(0))
				.andExpect(jsonPath("$.rejected").value(0))
				.andExpect(jsonPath("$.errors", hasSize(0)));
		}
	}

	@Test
	void theTemplateIsDescribedInEnglishForEnglishCallers() throws Exception {
		byte[] template = this.mvc
			.perform(get("/api/v1/imports/customers/template").header("Accept-Language", "en").with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			assertThat(workbook.getSheetName(1)).isEqualTo("Instructions");
			assertThat(workbook.getSheetAt(1).getRow(1).getCell(1).getStringCellValue()).isEqualTo("Customer code");
		}
	}

	private ResultActions importFile(String kind, byte[] content, String mode) throws Exception {
		return this.mvc.perform(multipart("/api/v1/imports/{kind}", kind).file(file("customers.csv", content))
			.param("mode", mode)
			.header("Accept-Language", "en")
			.with(admin()));
	}

	private Optional<CustomerDetails> find(String code) {
		return this.currentUser.asSystem(() -> this.customers.find(code));
	}

	static MockMultipartFile file(String name, byte[] content) {
		return new MockMultipartFile("file", name, "application/octet-stream", content);
	}

	static RequestPostProcessor admin() {
		return httpBasic("admin", "admin-password-for-tests");
	}

	static String csv(String... lines) {
		return String.join("\r\n", lines) + "\r\n";
	}

	static String prefix() {
		return "IMP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
	}

	static byte[] xlsx(List<String> header, java.util.function.Consumer<Sheet> rows) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("客户");
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
