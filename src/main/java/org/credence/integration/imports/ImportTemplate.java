package org.credence.integration.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.context.MessageSource;

/**
 * The XLSX template of a kind. The first sheet is importable as it is: one header row and
 * nothing else, every column formatted as text so Excel keeps leading zeros and long
 * codes (a USCC of 18 digits would otherwise turn into 9.1E+17). Each header cell carries
 * a comment with the column's label, whether it is required and what it takes; a second
 * sheet lists the same for every column, with the accepted values.
 */
final class ImportTemplate {

	private ImportTemplate() {
	}

	static byte[] of(Importer<?> importer, MessageSource messages, Locale locale, boolean labelsAsHeader) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			CellStyle header = headerStyle(workbook, text);
			CellStyle wrapped = workbook.createCellStyle();
			wrapped.cloneStyleFrom(text);
			wrapped.setWrapText(true);
			CreationHelper factory = workbook.getCreationHelper();

			List<ImportColumn> columns = importer.columns();
			Sheet data = workbook.createSheet(importer.kind());
			Drawing<?> drawing = data.createDrawingPatriarch();
			Row names = data.createRow(0);
			for (int i = 0; i < columns.size(); i++) {
				ImportColumn column = columns.get(i);
				String label = messages.getMessage(column.labelCode(), null, column.field(), locale);
				data.setDefaultColumnStyle(i, text);
				data.setColumnWidth(i, 18 * 256);
				Cell cell = names.createCell(i);
				cell.setCellValue(labelsAsHeader ? label : column.field());
				cell.setCellStyle(header);
				ClientAnchor anchor = factory.createClientAnchor();
				anchor.setCol1(i);
				anchor.setCol2(i + 3);
				anchor.setRow1(0);
				anchor.setRow2(5);
				Comment comment = drawing.createCellComment(anchor);
				comment.setString(factory.createRichTextString(label + " (" + required(column, messages, locale) + ")\n"
						+ messages.getMessage(column.hintCode(), null, "", locale)));
				comment.setAuthor("Credence");
				cell.setCellComment(comment);
			}
			data.createFreezePane(0, 1);

			Sheet help = workbook.createSheet(messages.getMessage("integration.template.instructions", null, locale));
			Row title = help.createRow(0);
			String[] headings = { "integration.template.column", "integration.template.label",
					"integration.template.required", "integration.template.values", "integration.template.names" };
			for (int i = 0; i < headings.length; i++) {
				Cell cell = title.createCell(i);
				cell.setCellValue(messages.getMessage(headings[i], null, locale));
				cell.setCellStyle(header);
			}
			for (int i = 0; i < columns.size(); i++) {
				ImportColumn column = columns.get(i);
				Row row = help.createRow(i + 1);
				row.createCell(0).setCellValue(column.field());
				row.createCell(1).setCellValue(messages.getMessage(column.labelCode(), null, column.field(), locale));
				row.createCell(2).setCellValue(required(column, messages, locale));
				StringBuilder values = new StringBuilder(messages.getMessage(column.hintCode(), null, "", locale));
				for (String value : importer.allowedValues(column.field(), locale)) {
					values.append('\n').append(value);
				}
				Cell valuesCell = row.createCell(3);
				valuesCell.setCellValue(values.toString());
				valuesCell.setCellStyle(wrapped);
				Cell namesCell = row.createCell(4);
				namesCell.setCellValue(String.join(" / ", column.names()));
				namesCell.setCellStyle(wrapped);
			}
			help.setColumnWidth(0, 26 * 256);
			help.setColumnWidth(1, 18 * 256);
			help.setColumnWidth(2, 10 * 256);
			help.setColumnWidth(3, 70 * 256);
			help.setColumnWidth(4, 40 * 256);
			help.createFreezePane(0, 1);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String required(ImportColumn column, MessageSource messages, Locale locale) {
		return messages.getMessage(
				column.required() ? "integration.template.required.yes" : "integration.template.required.no", null,
				locale);
	}

	private static CellStyle headerStyle(XSSFWorkbook workbook, CellStyle text) {
		CellStyle style = workbook.createCellStyle();
		style.cloneStyleFrom(text);
		Font bold = workbook.createFont();
		bold.setBold(true);
		style.setFont(bold);
		style.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
		style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		style.setBorderBottom(BorderStyle.THIN);
		return style;
	}

}
