package org.credence.integration.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.credence.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads an import file into a {@link Table} of text cells, whatever its format:
 * <ul>
 * <li>XLSX: the first sheet, streamed (a large workbook is never held as objects). Dates
 * become ISO {@code YYYY-MM-DD}, numbers their plain decimal value ({@code 123}, never
 * {@code 123.0} or {@code 1.2E7}), formulas their last calculated value.</li>
 * <li>CSV: UTF-8 with or without a byte-order mark, else GB18030 (a superset of GBK, as
 * Excel saves "CSV" on a Chinese Windows), or UTF-16 with a byte-order mark (Excel's
 * "Unicode text"). Comma-separated, or semicolon or tab when the header line uses those
 * instead.</li>
 * </ul>
 * The first non-empty row is the header; empty rows are skipped but still counted, so row
 * numbers are those Excel shows. Every problem is an {@link InvalidInputException} on the
 * field {@code file}, worded for the user.
 */
public final class TableReader {

	private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

	private static final Charset GB18030 = Charset.forName("GB18030");

	private TableReader() {
	}

	/**
	 * Reads a file.
	 * @param content the file's bytes
	 * @param maxRows the most data rows accepted
	 * @throws InvalidInputException when the file is empty, unreadable, has no header, or
	 * more than {@code maxRows} data rows
	 */
	public static Table read(byte[] content, int maxRows) {
		if (content.length == 0) {
			throw fileProblem("integration.import.file.empty");
		}
		if (startsWith(content, OLE2)) {
			throw fileProblem("integration.import.file.xls");
		}
		Collector collector = new Collector(maxRows);
		if (startsWith(content, ZIP)) {
			readXlsx(content, collector);
		}
		else {
			readCsv(decode(content), collector);
		}
		return collector.table();
	}

	/**
	 * The text of a CSV file: UTF-8 when it decodes strictly as UTF-8, UTF-16 when it
	 * starts with a UTF-16 byte-order mark, else GB18030.
	 */
	static String decode(byte[] content) {
		if (startsWith(content, UTF8_BOM)) {
			return new String(content, 3, content.length - 3, StandardCharsets.UTF_8);
		}
		if (content.length >= 2 && ((content[0] == (byte) 0xFF && content[1] == (byte) 0xFE)
				|| (content[0] == (byte) 0xFE && content[1] == (byte) 0xFF))) {
			return stripBom(new String(content, StandardCharsets.UTF_16));
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return stripBom(new String(content, GB18030));
		}
	}

	/**
	 * The delimiter the header line uses: a comma unless the line has no comma outside
	 * quotes but semicolons or tabs.
	 */
	static char delimiter(String text) {
		int commas = 0;
		int semicolons = 0;
		int tabs = 0;
		boolean quoted = false;
		boolean started = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '\n' || c == '\r')) {
				if (started) {
					break;
				}
			}
			else if (!quoted) {
				started |= !Character.isWhitespace(c) || c == '\t';
				commas += (c == ',') ? 1 : 0;
				semicolons += (c == ';') ? 1 : 0;
				tabs += (c == '\t') ? 1 : 0;
			}
		}
		if (commas > 0 || (semicolons == 0 && tabs == 0)) {
			return ',';
		}
		return tabs >= semicolons ? '\t' : ';';
	}

	private static void readCsv(String text, Collector collector) {
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setDelimiter(delimiter(text))
			.setIgnoreEmptyLines(false)
			.setTrim(false)
			.get();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			Iterator<CSVRecord> records = parser.iterator();
			while (records.hasNext()) {
				CSVRecord record = records.next();
				collector.row((int) record.getRecordNumber(), record.toList());
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			throw fileProblem("integration.import.file.csv-malformed", rootMessage(ex));
		}
	}

	private static void readXlsx(byte[] content, Collector collector) {
		OPCPackage workbook = null;
		try {
			workbook = OPCPackage.open(new ByteArrayInputStream(content));
			XSSFReader reader = new XSSFReader(workbook);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
			Iterator<InputStream> sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw fileProblem("integration.import.file.no-header");
			}
			XMLReader parser = XMLHelper.newXMLReader();
			parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
					new SheetRows(collector), new PlainFormatter(), false));
			try (InputStream sheet = sheets.next()) {
				parser.parse(new InputSource(sheet));
			}
		}
		catch (SAXException ex) {
			if (ex.getCause() instanceof InvalidInputException problem) {
				throw problem;
			}
			throw fileProblem("integration.import.file.xlsx-unreadable", rootMessage(ex));
		}
		catch (IOException | OpenXML4JException | ParserConfigurationException | RuntimeException ex) {
			if (ex instanceof InvalidInputException problem) {
				throw problem;
			}
			throw fileProblem("integration.import.file.xlsx-unreadable", rootMessage(ex));
		}
		finally {
			if (workbook != null) {
				// read only: closing would try to save the package
				workbook.revert();
			}
		}
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		if (content.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (content[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static String stripBom(String text) {
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

	private static InvalidInputException fileProblem(String messageCode, Object... arguments) {
		return new InvalidInputException("file", messageCode, arguments);
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
		int newline = message.indexOf('\n');
		return newline > 0 ? message.substring(0, newline) : message;
	}

	/** Gathers rows as they are read: the header, then the non-empty data rows. */
	private static final class Collector {

		private final int maxRows;

		private @Nullable List<String> header;

		private int headerRow;

		private final List<Table.TableRow> rows = new ArrayList<>();

		Collector(int maxRows) {
			this.maxRows = maxRows;
		}

		void row(int number, List<String> cells) {
			List<String> trimmed = new ArrayList<>(cells.size());
			boolean empty = true;
			for (String cell : cells) {
				String value = cell == null ? "" : cell.strip();
				trimmed.add(value);
				empty &= value.isEmpty();
			}
			if (empty) {
				return;
			}
			if (this.header == null) {
				this.header = trimmed;
				this.headerRow = number;
				return;
			}
			if (this.rows.size() >= this.maxRows) {
				throw fileProblem("integration.import.file.too-many-rows", String.valueOf(this.maxRows));
			}
			this.rows.add(new Table.TableRow(number, trimmed));
		}

		Table table() {
			if (this.header == null) {
				throw fileProblem("integration.import.file.no-header");
			}
			return new Table(this.header, this.headerRow, this.rows);
		}

	}

	/** Feeds the cells of a streamed sheet, placed by their column, to a collector. */
	private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final Collector collector;

		private final List<String> cells = new ArrayList<>();

		SheetRows(Collector collector) {
			this.collector = collector;
		}

		@Override
		public void startRow(int rowNum) {
			this.cells.clear();
		}

		@Override
		public void cell(String cellReference, String formattedValue, @Nullable XSSFComment comment) {
			int column = new CellReference(cellReference).getCol();
			while (this.cells.size() <= column) {
				this.cells.add("");
			}
			this.cells.set(column, formattedValue);
		}

		@Override
		public void endRow(int rowNum) {
			this.collector.row(rowNum + 1, this.cells);
		}

	}

	/**
	 * Numbers as plain decimals and dates as ISO dates, whatever display format the cell
	 * has: the value matters to an import, not how Excel shows it.
	 */
	private static final class PlainFormatter extends DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			return formatRawCellContents(value, formatIndex, formatString, false);
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString,
				boolean use1904Windowing) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				LocalDateTime dateTime = DateUtil.getLocalDateTime(value, use1904Windowing, true);
				return dateTime.toLocalTime().toSecondOfDay() == 0 ? dateTime.toLocalDate().toString()
						: dateTime.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
			}
			if (Double.isNaN(value) || Double.isInfinite(value)) {
				return Double.toString(value);
			}
			BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
			return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
		}

	}

}
