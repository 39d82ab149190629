package org.credence.integration.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

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

	private static final byte[] GB18030_BOM = { (byte) 0x84, 0x31, (byte) 0x95, 0x33 };

	/** How much of a file's start is enough to find its header line's delimiter. */
	private static final int DELIMITER_SAMPLE = 64 * 1024;

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
		List<Table.TableRow> rows = new ArrayList<>();
		Header header = stream(content, maxRows, rows::add);
		return new Table(header.cells(), header.row(), rows);
	}

	/**
	 * Reads a file row by row without holding its rows: each non-empty data row goes to
	 * {@code rows} as it is read, so a file of a million rows needs no more memory than
	 * its bytes.
	 * @param content the file's bytes
	 * @param maxRows the most data rows accepted
	 * @param rows receives the data rows in file order
	 * @return the header row
	 * @throws InvalidInputException when the file is empty, unreadable, has no header, or
	 * more than {@code maxRows} data rows (after the first {@code maxRows} were passed
	 * on)
	 */
	public static Header stream(byte[] content, int maxRows, Consumer<Table.TableRow> rows) {
		return stream(content, maxRows, header -> {
		}, rows);
	}

	/**
	 * Reads a file row by row as {@link #stream(byte[], int, Consumer)} does, telling
	 * {@code header} the header row before the first data row goes to {@code rows}.
	 */
	public static Header stream(byte[] content, int maxRows, Consumer<Header> header, Consumer<Table.TableRow> rows) {
		if (content.length == 0) {
			throw fileProblem("integration.import.file.empty");
		}
		if (startsWith(content, OLE2)) {
			throw fileProblem("integration.import.file.xls");
		}
		Collector collector = new Collector(maxRows, header, rows);
		if (startsWith(content, ZIP)) {
			readXlsx(content, collector);
		}
		else {
			readCsv(content, collector);
		}
		return collector.header();
	}

	/**
	 * The header row of a file, reading no further than that.
	 * @throws InvalidInputException when the file is empty, unreadable or has no header
	 */
	public static Header header(byte[] content) {
		Header[] found = new Header[1];
		try {
			stream(content, Integer.MAX_VALUE, header -> {
				found[0] = header;
				throw new HeaderFound();
			}, row -> {
			});
		}
		catch (HeaderFound ex) {
			// read far enough
		}
		if (found[0] == null) {
			throw fileProblem("integration.import.file.no-header");
		}
		return found[0];
	}

	/** A receiver of rows failed: not a problem of the file. */
	private static final class Downstream extends RuntimeException {

		private final RuntimeException failure;

		Downstream(RuntimeException failure) {
			super(null, failure, false, false);
			this.failure = failure;
		}

		RuntimeException failure() {
			return this.failure;
		}

	}

	/** Stops reading a file once its header is known. */
	private static final class HeaderFound extends RuntimeException {

		HeaderFound() {
			super(null, null, false, false);
		}

	}

	/**
	 * The number of data rows of a file, read as {@link #stream} reads it, without
	 * keeping any.
	 */
	public static int count(byte[] content, int maxRows) {
		int[] count = { 0 };
		stream(content, maxRows, row -> count[0]++);
		return count[0];
	}

	/**
	 * The header row of a file.
	 *
	 * @param cells its cells, trimmed
	 * @param row its row number
	 */
	public record Header(List<String> cells, int row) {

		public Header {
			cells = List.copyOf(cells);
		}

	}

	/**
	 * The charset of a CSV file, found without decoding the file into one string: UTF-8
	 * when it decodes strictly as UTF-8, UTF-16 with a byte-order mark, else GB18030. The
	 * byte-order mark, if any, is skipped by {@code offset}.
	 */
	static Encoding encoding(byte[] content) {
		if (startsWith(content, UTF8_BOM)) {
			return new Encoding(StandardCharsets.UTF_8, 3);
		}
		if (content.length >= 2 && content[0] == (byte) 0xFF && content[1] == (byte) 0xFE) {
			return new Encoding(StandardCharsets.UTF_16LE, 2);
		}
		if (content.length >= 2 && content[0] == (byte) 0xFE && content[1] == (byte) 0xFF) {
			return new Encoding(StandardCharsets.UTF_16BE, 2);
		}
		CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(content);
		CharBuffer out = CharBuffer.allocate(8192);
		while (true) {
			CoderResult result = utf8.decode(in, out, true);
			if (result.isError()) {
				return new Encoding(GB18030, startsWith(content, GB18030_BOM) ? GB18030_BOM.length : 0);
			}
			if (result.isUnderflow()) {
				return new Encoding(StandardCharsets.UTF_8, 0);
			}
			out.clear();
		}
	}

	/** A CSV file's charset, and how many bytes of byte-order mark to skip. */
	record Encoding(Charset charset, int offset) {
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

	private static void readCsv(byte[] content, Collector collector) {
		Encoding encoding = encoding(content);
		String start = new String(content, encoding.offset(),
				Math.min(content.length - encoding.offset(), DELIMITER_SAMPLE), encoding.charset());
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setDelimiter(delimiter(stripBom(start)))
			.setIgnoreEmptyLines(false)
			.setTrim(false)
			.get();
		Reader reader = new BufferedReader(new InputStreamReader(
				new ByteArrayInputStream(content, encoding.offset(), content.length - encoding.offset()),
				encoding.charset()
					.newDecoder()
					.onMalformedInput(CodingErrorAction.REPLACE)
					.onUnmappableCharacter(CodingErrorAction.REPLACE)),
				65536);
		try (CSVParser parser = CSVParser.parse(new BomSkipping(reader), format)) {
			Iterator<CSVRecord> records = parser.iterator();
			while (records.hasNext()) {
				CSVRecord record = records.next();
				collector.row((int) record.getRecordNumber(), record.toList());
			}
		}
		catch (Downstream ex) {
			throw ex.failure();
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
		catch (Downstream ex) {
			throw ex.failure();
		}
		catch (SAXException ex) {
			if (ex.getCause() instanceof Downstream downstream) {
				throw downstream.failure();
			}
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

		private final Consumer<Header> headers;

		private final Consumer<Table.TableRow> rows;

		private @Nullable List<String> header;

		private int headerRow;

		private int count;

		Collector(int maxRows, Consumer<Header> headers, Consumer<Table.TableRow> rows) {
			this.maxRows = maxRows;
			this.headers = headers;
			this.rows = rows;
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
				passOn(() -> this.headers.accept(new Header(trimmed, number)));
				return;
			}
			if (this.count >= this.maxRows) {
				throw fileProblem("integration.import.file.too-many-rows", String.valueOf(this.maxRows));
			}
			this.count++;
			passOn(() -> this.rows.accept(new Table.TableRow(number, trimmed)));
		}

		/**
		 * Runs a receiver of rows so that its failure reaches the caller as it is, not as
		 * a file that cannot be read.
		 */
		private static void passOn(Runnable receiver) {
			try {
				receiver.run();
			}
			catch (RuntimeException ex) {
				throw new Downstream(ex);
			}
		}

		Header header() {
			if (this.header == null) {
				throw fileProblem("integration.import.file.no-header");
			}
			return new Header(this.header, this.headerRow);
		}

	}

	/**
	 * Drops a byte-order mark at the start of the text (a GB18030 file may carry one,
	 * which decodes to U+FEFF).
	 */
	private static final class BomSkipping extends FilterReader {

		private boolean started;

		BomSkipping(Reader in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int c = super.read();
			if (!this.started) {
				this.started = true;
				if (c == '\uFEFF') {
					c = super.read();
				}
			}
			return c;
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (!this.started && n > 0) {
				this.started = true;
				if (buffer[offset] == '\uFEFF') {
					System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
					return n == 1 ? read(buffer, offset, length) : n - 1;
				}
			}
			return n;
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
