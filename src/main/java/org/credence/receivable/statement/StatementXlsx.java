package org.credence.receivable.statement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.credence.receivable.AccountStatement;
import org.credence.receivable.AccountStatement.Line;
import org.credence.receivable.AccountStatement.Section;
import org.jspecify.annotations.Nullable;

/**
 * The statement as a workbook for the customer's accountants to reconcile against their
 * ledger: the same header, sections and balances as the PDF, amounts as numbers with two
 * decimals and dates as dates, so they can be summed and sorted.
 */
public final class StatementXlsx {

	/** Columns: no., date, type, document, details, debit, credit, balance. */
	private static final int COLUMNS = 8;

	private StatementXlsx() {
	}

	public static byte[] render(AccountStatement statement, StatementText text, String companyName,
			@Nullable String number, LocalDate issuedOn) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Styles styles = new Styles(workbook);
			Sheet sheet = workbook.createSheet(text.get("sheet"));
			int r = 0;
			Row title = sheet.createRow(r++);
			text(title, 0, companyName + " · " + text.get("title"), styles.title);
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, COLUMNS - 1));
			r = info(sheet, r, text.get("customer"), statement.customerName(), styles);
			r = info(sheet, r, text.get("customer-code"), statement.customerCode(), styles);
			r = info(sheet, r, text.get("period"), text.get("period.value", statement.from(), statement.to()), styles);
			r = info(sheet, r, text.get("number"), number != null ? number : text.get("draft"), styles);
			r = info(sheet, r, text.get("issued-on"), issuedOn.toString(), styles);
			for (Section section : statement.sections()) {
				r++;
				text(sheet.createRow(r++), 0, text.get("currency", section.currency()), styles.bold);
				Row head = sheet.createRow(r++);
				String[] keys = { "col.no", "col.date", "col.kind", "col.reference", "col.detail", "col.debit",
						"col.credit", "col.balance" };
				for (int c = 0; c < keys.length; c++) {
					text(head, c, text.get(keys[c]), styles.head);
				}
				Row opening = sheet.createRow(r++);
				text(opening, 0, text.get("opening"), styles.bold);
				amount(opening, 7, section.opening(), styles.boldMoney);
				for (Line line : section.lines()) {
					Row row = sheet.createRow(r++);
					row.createCell(0).setCellValue(line.lineNo());
					row.createCell(1).setCellValue(line.date());
					row.getCell(1).setCellStyle(styles.date);
					text(row, 2, text.kind(line.kind()), null);
					text(row, 3, line.reference(), null);
					text(row, 4, text.detail(line), null);
					if (line.debit().signum() != 0) {
						amount(row, 5, line.debit(), styles.money);
					}
					if (line.credit().signum() != 0) {
						amount(row, 6, line.credit(), styles.money);
					}
					amount(row, 7, line.balance(), styles.money);
				}
				Row total = sheet.createRow(r++);
				text(total, 0, text.get("total"), styles.bold);
				amount(total, 5, section.totalDebit(), styles.boldMoney);
				amount(total, 6, section.totalCredit(), styles.boldMoney);
				Row closing = sheet.createRow(r++);
				text(closing, 0, text.get("closing"), styles.bold);
				amount(closing, 7, section.closing(), styles.boldMoney);
			}
			if (statement.hasForeignCurrency()) {
				r++;
				text(sheet.createRow(r++), 0, text.get("company-summary", statement.companyCurrency(), statement.to()),
						styles.bold);
				Row head = sheet.createRow(r++);
				text(head, 0, text.get("summary.currency"), styles.head);
				text(head, 1, text.get("opening"), styles.head);
				text(head, 2, text.get("closing"), styles.head);
				text(head, 3, text.get("summary.rate", statement.to()), styles.head);
				text(head, 4, text.get("summary.closing-company", statement.companyCurrency()), styles.head);
				for (Section section : statement.sections()) {
					Row row = sheet.createRow(r++);
					text(row, 0, section.currency(), null);
					amount(row, 1, section.opening(), styles.money);
					amount(row, 2, section.closing(), styles.money);
					row.createCell(3).setCellValue(section.closingRate().doubleValue());
					amount(row, 4, section.companyClosing(), styles.money);
				}
				Row total = sheet.createRow(r++);
				text(total, 0, text.get("summary.total"), styles.bold);
				amount(total, 4, statement.companyClosing(), styles.boldMoney);
			}
			r++;
			text(sheet.createRow(r++), 0, text.get("balance-note", companyName), null);
			text(sheet.createRow(r), 0, text.get("request"), null);
			int[] widths = { 8, 12, 14, 22, 26, 16, 16, 16 };
			for (int c = 0; c < widths.length; c++) {
				sheet.setColumnWidth(c, widths[c] * 256);
			}
			sheet.createFreezePane(0, 1);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int info(Sheet sheet, int r, String label, String value, Styles styles) {
		Row row = sheet.createRow(r);
		text(row, 0, label, null);
		text(row, 2, value, styles.bold);
		return r + 1;
	}

	private static void text(Row row, int column, String value, @Nullable CellStyle style) {
		var cell = row.createCell(column);
		cell.setCellValue(value);
		if (style != null) {
			cell.setCellStyle(style);
		}
	}

	// POI stores numbers as doubles; two-decimal amounts up to 10^13 are exact enough
	private static void amount(Row row, int column, BigDecimal value, CellStyle style) {
		var cell = row.createCell(column);
		cell.setCellValue(value.doubleValue());
		cell.setCellStyle(style);
	}

	private static final class Styles {

		final CellStyle title;

		final CellStyle bold;

		final CellStyle head;

		final CellStyle money;

		final CellStyle boldMoney;

		final CellStyle date;

		Styles(XSSFWorkbook workbook) {
			short moneyFormat = workbook.createDataFormat().getFormat("#,##0.00");
			Font boldFont = workbook.createFont();
			boldFont.setBold(true);
			Font titleFont = workbook.createFont();
			titleFont.setBold(true);
			titleFont.setFontHeightInPoints((short) 14);
			this.title = workbook.createCellStyle();
			this.title.setFont(titleFont);
			this.bold = workbook.createCellStyle();
			this.bold.setFont(boldFont);
			this.head = workbook.createCellStyle();
			this.head.setFont(boldFont);
			this.head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			this.head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			this.head.setBorderBottom(BorderStyle.THIN);
			this.money = workbook.createCellStyle();
			this.money.setDataFormat(moneyFormat);
			this.boldMoney = workbook.createCellStyle();
			this.boldMoney.setDataFormat(moneyFormat);
			this.boldMoney.setFont(boldFont);
			this.date = workbook.createCellStyle();
			this.date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
		}

	}

}
