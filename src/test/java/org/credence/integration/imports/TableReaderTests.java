package org.credence.integration.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.credence.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TableReaderTests {

	static final Charset GBK = Charset.forName("GBK");

	@Test
	void readsUtf8WithByteOrderMark() {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] text = "code,name\r\nC1,上海某某贸易有限公司\r\n".getBytes(StandardCharsets.UTF_8);
		byte[] content = new byte[bom.length + text.length];
		System.arraycopy(bom, 0, content, 0, bom.length);
		System.arraycopy(text, 0, content, bom.length, text.length);

		Table table = TableReader.read(content, 10);

		assertThat(table.header()).containsExactly("code", "name");
		assertThat(table.rows()).singleElement().satisfies(row -> {
			assertThat(row.number()).isEqualTo(2);
			assertThat(row.cells()).containsExactly("C1", "上海某某贸易有限公司");
		});
	}

	@Test
	void readsUtf8WithoutByteOrderMark() {
		Table table = TableReader.read("客户编码,客户名称\nC1,深圳某某科技\n".getBytes(StandardCharsets.UTF_8), 10);

		assertThat(table.header()).containsExactly("客户编码", "客户名称");
		assertThat(table.rows().get(0).cells()).containsExactly("C1", "深圳某某科技");
	}

	@Test
	void readsGbkChineseHeadersAndValues() {
		byte[] content = "客户编码,客户名称,省份/地区\r\nC1,北京某某股份有限公司,北京市\r\n".getBytes(GBK);
		assertThat(new String(content, StandardCharsets.UTF_8)).doesNotContain("客户编码");

		Table table = TableReader.read(content, 10);

		assertThat(table.header()).containsExactly("客户编码", "客户名称", "省份/地区");
		assertThat(table.rows().get(0).cells()).containsExactly("C1", "北京某某股份有限公司", "北京市");
	}

	@Test
	void readsUtf16TextAsExcelSavesUnicodeText() {
		byte[] content = "\uFEFFcode\tname\r\nC1\t广州某某\r\n".getBytes(StandardCharsets.UTF_16LE);

		Table table = TableReader.read(content, 10);

		assertThat(table.header()).containsExactly("code", "name");
		assertThat(table.rows().get(0).cells()).containsExactly("C1", "广州某某");
	}

	@Test
	void takesSemicolonOrTabWhenTheHeaderUsesThem() {
		Table semicolons = TableReader.read("code;name\nC1;Alpha, Ltd\n".getBytes(StandardCharsets.UTF_8), 10);
		Table tabs = TableReader.read("code\tname\nC1\tAlpha; Beta\n".getBytes(StandardCharsets.UTF_8), 10);
		Table commas = TableReader.read("code,name\nC1,\"Alpha; Beta\"\n".getBytes(StandardCharsets.UTF_8), 10);

		assertThat(semicolons.rows().get(0).cells()).containsExactly("C1", "Alpha, Ltd");
		assertThat(tabs.rows().get(0).cells()).containsExactly("C1", "Alpha; Beta");
		assertThat(commas.rows().get(0).cells()).containsExactly("C1", "Alpha; Beta");
	}

	@Test
	void skipsEmptyRowsButNumbersRowsAsExcelShowsThem() {
		String csv = "code,name\r\n\r\nC1,One\r\n,,\r\n  ,  \r\nC2,\"Two\r\nlines\"\r\nC3,Three\r\n";

		Table table = TableReader.read(csv.getBytes(StandardCharsets.UTF_8), 10);

		assertThat(table.rows()).extracting(Table.TableRow::number).containsExactly(3, 6, 7);
		assertThat(table.rows().get(1).cells()).containsExactly("C2", "Two\r\nlines");
	}

	@Test
	void trimsValues() {
		Table table = TableReader.read(" code , name \n  C1 ,  One  \n".getBytes(StandardCharsets.UTF_8), 10);

		assertThat(table.header()).containsExactly("code", "name");
		assertThat(table.rows().get(0).cells()).containsExactly("C1", "One");
	}

	@Test
	void readsXlsxNumbersDatesAndFormulasAsPlainText() throws IOException {
		byte[] content;
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
			CellStyle money = workbook.createCellStyle();
			money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
			Sheet sheet = workbook.createSheet("客户");
			workbook.createSheet("other").createRow(0).createCell(0).setCellValue("not read");
			Row header = sheet.createRow(0);
			String[] names = { "code", "employees", "registeredCapital", "foundedOn", "double", "uscc", "flag" };
			for (int i = 0; i < names.length; i++) {
				header.createCell(i).setCellValue(names[i]);
			}
			Row row = sheet.createRow(2);
			row.createCell(0).setCellValue("00123");
			row.createCell(1).setCellValue(120);
			Cell capital = row.createCell(2);
			capital.setCellValue(5000000.5);
			capital.setCellStyle(money);
			Cell founded = row.createCell(3);
			founded.setCellValue(LocalDate.of(2008, 3, 1));
			founded.setCellStyle(date);
			row.createCell(4).setCellFormula("B3*2");
			row.createCell(5).setCellValue(91440300708461136.0);
			row.createCell(6).setCellValue(true);
			Row big = sheet.createRow(3);
			big.createCell(0).setCellValue("C2");
			big.createCell(2).setCellValue(12345678901.0);
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			workbook.write(out);
			content = out.toByteArray();
		}

		Table table = TableReader.read(content, 10);

		assertThat(table.header()).containsExactly("code", "employees", "registeredCapital", "foundedOn", "double",
				"uscc", "flag");
		assertThat(table.rows()).extracting(Table.TableRow::number).containsExactly(3, 4);
		assertThat(table.rows().get(0).cells()).containsExactly("00123", "120", "5000000.5", "2008-03-01", "240",
				"91440300708461136", "TRUE");
		assertThat(table.rows().get(1).cells()).containsExactly("C2", "", "12345678901");
	}

	@Test
	void refusesMoreRowsThanAllowed() {
		byte[] content = "code\nA\nB\nC\n".getBytes(StandardCharsets.UTF_8);

		assertThat(TableReader.read(content, 3).rows()).hasSize(3);
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> TableReader.read(content, 2))
			.satisfies(ex -> assertThat(ex.problems()).singleElement().satisfies(problem -> {
				assertThat(problem.field()).isEqualTo("file");
				assertThat(problem.messageCode()).isEqualTo("integration.import.file.too-many-rows");
				assertThat(problem.arguments()).containsExactly("2");
			}));
	}

	@Test
	void refusesEmptyFilesAndFilesWithoutHeader() {
		assertThat(problemOf(new byte[0])).isEqualTo("integration.import.file.empty");
		assertThat(problemOf("\r\n ,\r\n".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("integration.import.file.no-header");
	}

	@Test
	void refusesACsvFileWithAnUnterminatedQuote() {
		byte[] content = "code,name\nC1,\"Alpha\nC2,Beta\n".getBytes(StandardCharsets.UTF_8);

		assertThat(problemOf(content)).isEqualTo("integration.import.file.csv-malformed");
	}

	@Test
	void explainsThatOldExcelFilesMustBeSavedAsXlsx() {
		byte[] ole2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };

		assertThat(problemOf(ole2)).isEqualTo("integration.import.file.xls");
	}

	@Test
	void refusesABrokenWorkbook() {
		byte[] notReallyZip = { 'P', 'K', 3, 4, 1, 2, 3 };

		assertThat(problemOf(notReallyZip)).isEqualTo("integration.import.file.xlsx-unreadable");
	}

	@Test
	void readsAHeaderOnlyFileAsNoRows() {
		assertThat(TableReader.read("code,name\r\n".getBytes(StandardCharsets.UTF_8), 10).rows()).isEmpty();
	}

	@Test
	void detectsTheDelimiterFromTheFirstNonEmptyLine() {
		assertThat(TableReader.delimiter("\r\n\"a,b\";c;d\nx,y")).isEqualTo(';');
		assertThat(TableReader.delimiter("a\tb;c\tD")).isEqualTo('\t');
		assertThat(TableReader.delimiter("single")).isEqualTo(',');
		assertThat(TableReader.delimiter("a,b;c;d")).isEqualTo(',');
	}

	private static String problemOf(byte[] content) {
		try {
			TableReader.read(content, 10);
		}
		catch (InvalidInputException ex) {
			return ex.problems().get(0).messageCode();
		}
		throw new AssertionError("no problem reported");
	}

}
