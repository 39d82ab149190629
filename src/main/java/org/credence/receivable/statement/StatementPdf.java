package org.credence.receivable.statement;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import org.credence.receivable.AccountStatement;
import org.credence.receivable.AccountStatement.Line;
import org.credence.receivable.AccountStatement.Section;
import org.jspecify.annotations.Nullable;

/**
 * The statement as the PDF a company sends its customer (对账单): letterhead, customer and
 * period, one table per currency with opening balance, documents, totals and closing
 * balance, the company-currency summary when foreign currencies appear, the request to
 * confirm, and a block for the customer's signature and stamp. Text is set in WenQuanYi
 * Micro Hei, shipped with the application and embedded (subset) in every file, so Chinese
 * prints on any reader.
 */
public final class StatementPdf {

	private static final String FONT = "fonts/wqy-microhei/wqy-microhei.ttc";

	private static final Color RULE = new Color(0x9a, 0xa3, 0xad);

	private static final Color HEAD = new Color(0xe9, 0xec, 0xef);

	private static final Color SOFT = new Color(0xf6, 0xf7, 0xf9);

	private static final Color MUTED = new Color(0x5c, 0x63, 0x6a);

	private static volatile @Nullable BaseFont baseFont;

	private StatementPdf() {
	}

	/**
	 * @param number the statement's number when issued, absent for a preview
	 * @param issuedOn the day printed as the statement's date
	 */
	public static byte[] render(AccountStatement statement, StatementText text, String companyName,
			@Nullable String number, LocalDate issuedOn) {
		BaseFont base = font();
		Font title = new Font(base, 15, Font.BOLD);
		Font subtitle = new Font(base, 12, Font.BOLD);
		Font normal = new Font(base, 8.5f);
		Font bold = new Font(base, 8.5f, Font.BOLD);
		Font small = new Font(base, 7.5f, Font.NORMAL, MUTED);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 40, 40, 40, 48);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		String footer = companyName + " · " + (number != null ? number : text.get("draft")) + " · "
				+ statement.customerCode();
		writer.setPageEvent(new Footer(base, footer));
		document.addTitle(
				text.get("title") + " " + statement.customerName() + " " + statement.from() + " – " + statement.to());
		document.addCreator("Credence");
		document.open();

		Paragraph company = new Paragraph(companyName, title);
		company.setAlignment(Element.ALIGN_CENTER);
		document.add(company);
		Paragraph heading = new Paragraph(text.get("title"), subtitle);
		heading.setAlignment(Element.ALIGN_CENTER);
		heading.setSpacingBefore(2);
		heading.setSpacingAfter(10);
		document.add(heading);

		PdfPTable info = new PdfPTable(new float[] { 16, 44, 17, 23 });
		info.setWidthPercentage(100);
		infoRow(info, text.get("customer"), statement.customerName(), text.get("number"),
				number != null ? number : text.get("draft"), text.get("colon"), normal, bold);
		infoRow(info, text.get("customer-code"), statement.customerCode(), text.get("issued-on"), issuedOn.toString(),
				text.get("colon"), normal, bold);
		infoRow(info, text.get("period"), text.get("period.value", statement.from(), statement.to()),
				text.get("company-currency"), statement.companyCurrency(), text.get("colon"), normal, bold);
		info.setSpacingAfter(8);
		document.add(info);

		for (Section section : statement.sections()) {
			document.add(section(section, text, normal, bold));
		}
		if (statement.hasForeignCurrency()) {
			document.add(summary(statement, text, normal, bold));
		}

		Paragraph note = new Paragraph(text.get("balance-note", companyName), small);
		note.setSpacingBefore(2);
		document.add(note);
		Paragraph request = new Paragraph(text.get("request"), normal);
		request.setSpacingBefore(6);
		request.setSpacingAfter(10);
		request.setLeading(13);
		document.add(request);
		document.add(confirmation(text, companyName, normal, bold));
		document.close();
		return out.toByteArray();
	}

	private static PdfPTable section(Section section, StatementText text, Font normal, Font bold) {
		// the document number column takes a 20-digit fully digital invoice number
		// (全电发票号码) on one line
		PdfPTable table = new PdfPTable(new float[] { 5, 10.5f, 9.5f, 21.5f, 17.5f, 12, 12, 12 });
		table.setWidthPercentage(100);
		table.setHeaderRows(2);
		table.setSpacingAfter(8);
		PdfPCell caption = new PdfPCell(new Phrase(text.get("currency", section.currency()), bold));
		caption.setColspan(8);
		caption.setBorder(Rectangle.NO_BORDER);
		caption.setPaddingBottom(4);
		caption.setPaddingLeft(0);
		table.addCell(caption);
		for (String key : new String[] { "col.no", "col.date", "col.kind", "col.reference", "col.detail", "col.debit",
				"col.credit", "col.balance" }) {
			PdfPCell cell = cell(text.get(key), bold,
					key.equals("col.debit") || key.equals("col.credit") || key.equals("col.balance")
							? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
			cell.setBackgroundColor(HEAD);
			table.addCell(cell);
		}
		summaryRow(table, text.get("opening"), "", "", StatementText.money(section.opening()), bold, SOFT);
		if (section.lines().isEmpty()) {
			PdfPCell none = cell(text.get("no-movements"), normal, Element.ALIGN_CENTER);
			none.setColspan(8);
			none.setPaddingTop(6);
			none.setPaddingBottom(6);
			table.addCell(none);
		}
		for (Line line : section.lines()) {
			table.addCell(cell(Integer.toString(line.lineNo()), normal, Element.ALIGN_RIGHT));
			table.addCell(cell(line.date().toString(), normal, Element.ALIGN_LEFT));
			table.addCell(cell(text.kind(line.kind()), normal, Element.ALIGN_LEFT));
			table.addCell(cell(line.reference(), normal, Element.ALIGN_LEFT));
			table.addCell(cell(text.detail(line), normal, Element.ALIGN_LEFT));
			table.addCell(cell(StatementText.moneyOrBlank(line.debit()), normal, Element.ALIGN_RIGHT));
			table.addCell(cell(StatementText.moneyOrBlank(line.credit()), normal, Element.ALIGN_RIGHT));
			table.addCell(cell(StatementText.money(line.balance()), normal, Element.ALIGN_RIGHT));
		}
		summaryRow(table, text.get("total"), StatementText.money(section.totalDebit()),
				StatementText.money(section.totalCredit()), "", normal, null);
		summaryRow(table, text.get("closing"), "", "", StatementText.money(section.closing()), bold, SOFT);
		return table;
	}

	private static void summaryRow(PdfPTable table, String label, String debit, String credit, String balance,
			Font font, @Nullable Color background) {
		PdfPCell name = cell(label, font, Element.ALIGN_LEFT);
		name.setColspan(5);
		PdfPCell[] cells = { name, cell(debit, font, Element.ALIGN_RIGHT), cell(credit, font, Element.ALIGN_RIGHT),
				cell(balance, font, Element.ALIGN_RIGHT) };
		for (PdfPCell cell : cells) {
			if (background != null) {
				cell.setBackgroundColor(background);
			}
			table.addCell(cell);
		}
	}

	private static PdfPTable summary(AccountStatement statement, StatementText text, Font normal, Font bold) {
		PdfPTable table = new PdfPTable(new float[] { 12, 22, 22, 18, 26 });
		table.setWidthPercentage(100);
		table.setSpacingAfter(8);
		table.setKeepTogether(true);
		PdfPCell caption = new PdfPCell(
				new Phrase(text.get("company-summary", statement.companyCurrency(), statement.to()), bold));
		caption.setColspan(5);
		caption.setBorder(Rectangle.NO_BORDER);
		caption.setPaddingBottom(4);
		caption.setPaddingLeft(0);
		table.addCell(caption);
		String[] heads = { text.get("summary.currency"), text.get("opening"), text.get("closing"),
				text.get("summary.rate", statement.to()),
				text.get("summary.closing-company", statement.companyCurrency()) };
		for (int i = 0; i < heads.length; i++) {
			PdfPCell cell = cell(heads[i], bold, i == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
			cell.setBackgroundColor(HEAD);
			table.addCell(cell);
		}
		for (Section section : statement.sections()) {
			table.addCell(cell(section.currency(), normal, Element.ALIGN_LEFT));
			table.addCell(cell(StatementText.money(section.opening()), normal, Element.ALIGN_RIGHT));
			table.addCell(cell(StatementText.money(section.closing()), normal, Element.ALIGN_RIGHT));
			table
				.addCell(cell(section.closingRate().stripTrailingZeros().toPlainString(), normal, Element.ALIGN_RIGHT));
			table.addCell(cell(StatementText.money(section.companyClosing()), normal, Element.ALIGN_RIGHT));
		}
		PdfPCell total = cell(text.get("summary.total"), bold, Element.ALIGN_LEFT);
		total.setColspan(4);
		total.setBackgroundColor(SOFT);
		table.addCell(total);
		PdfPCell amount = cell(StatementText.money(statement.companyClosing()) + " " + statement.companyCurrency(),
				bold, Element.ALIGN_RIGHT);
		amount.setBackgroundColor(SOFT);
		table.addCell(amount);
		return table;
	}

	private static PdfPTable confirmation(StatementText text, String companyName, Font normal, Font bold) {
		PdfPTable table = new PdfPTable(2);
		table.setWidthPercentage(100);
		table.setKeepTogether(true);
		PdfPCell ours = new PdfPCell();
		ours.addElement(new Paragraph(text.get("issuer", companyName), bold));
		ours.addElement(spaced(text.get("issuer.sign"), normal, 36));
		ours.addElement(spaced(text.get("date") + text.get("colon"), normal, 30));
		PdfPCell theirs = new PdfPCell();
		theirs.addElement(new Paragraph(text.get("customer-confirmation"), bold));
		theirs.addElement(spaced(text.get("confirm.agree"), normal, 8));
		theirs.addElement(spaced(text.get("confirm.disagree"), normal, 4));
		theirs.addElement(spaced("", normal, 30));
		theirs.addElement(spaced(text.get("sign") + text.get("colon"), normal, 8));
		theirs.addElement(spaced(text.get("date") + text.get("colon"), normal, 20));
		for (PdfPCell cell : new PdfPCell[] { ours, theirs }) {
			cell.setBorderColor(RULE);
			cell.setPadding(8);
			cell.setMinimumHeight(150);
			table.addCell(cell);
		}
		return table;
	}

	private static Paragraph spaced(String content, Font font, float before) {
		Paragraph paragraph = new Paragraph(content.isEmpty() ? " " : content, font);
		paragraph.setSpacingBefore(before);
		return paragraph;
	}

	private static void infoRow(PdfPTable table, String label1, String value1, String label2, String value2,
			String colon, Font normal, Font bold) {
		for (String[] pair : new String[][] { { label1, value1 }, { label2, value2 } }) {
			PdfPCell label = new PdfPCell(new Phrase(pair[0] + colon, normal));
			label.setBorder(Rectangle.NO_BORDER);
			label.setPadding(2);
			table.addCell(label);
			PdfPCell value = new PdfPCell(new Phrase(pair[1], bold));
			value.setBorder(Rectangle.NO_BORDER);
			value.setPadding(2);
			table.addCell(value);
		}
	}

	private static PdfPCell cell(String content, Font font, int alignment) {
		PdfPCell cell = new PdfPCell(new Phrase(content, font));
		cell.setHorizontalAlignment(alignment);
		cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
		cell.setLeading(0, 1.3f);
		cell.setBorderColor(RULE);
		cell.setBorderWidth(0.5f);
		cell.setPaddingTop(3);
		cell.setPaddingBottom(4);
		cell.setPaddingLeft(4);
		cell.setPaddingRight(4);
		return cell;
	}

	static BaseFont font() {
		BaseFont font = baseFont;
		if (font == null) {
			synchronized (StatementPdf.class) {
				font = baseFont;
				if (font == null) {
					try (InputStream in = StatementPdf.class.getClassLoader().getResourceAsStream(FONT)) {
						if (in == null) {
							throw new IllegalStateException(FONT + " is missing from the application");
						}
						font = BaseFont.createFont("wqy-microhei.ttc,0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
								in.readAllBytes(), null);
						baseFont = font;
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}
			}
		}
		return font;
	}

	/**
	 * Company, statement number and customer on the left, "page / pages" on the right.
	 */
	private static final class Footer extends PdfPageEventHelper {

		private final BaseFont font;

		private final String left;

		private @Nullable PdfTemplate total;

		Footer(BaseFont font, String left) {
			this.font = font;
			this.left = left;
		}

		@Override
		public void onOpenDocument(PdfWriter writer, Document document) {
			this.total = writer.getDirectContent().createTemplate(30, 12);
		}

		@Override
		public void onEndPage(PdfWriter writer, Document document) {
			PdfContentByte canvas = writer.getDirectContent();
			float y = document.bottom() - 20;
			String page = writer.getPageNumber() + " / ";
			float pageWidth = this.font.getWidthPoint(page, 7.5f);
			canvas.saveState();
			canvas.setColorFill(MUTED);
			canvas.beginText();
			canvas.setFontAndSize(this.font, 7.5f);
			canvas.setTextMatrix(document.left(), y);
			canvas.showText(this.left);
			canvas.setTextMatrix(document.right() - 14 - pageWidth, y);
			canvas.showText(page);
			canvas.endText();
			canvas.restoreState();
			canvas.addTemplate(this.total, document.right() - 14, y);
		}

		@Override
		public void onCloseDocument(PdfWriter writer, Document document) {
			PdfTemplate template = this.total;
			template.beginText();
			template.setColorFill(MUTED);
			template.setFontAndSize(this.font, 7.5f);
			template.setTextMatrix(0, 0);
			template.showText(Integer.toString(writer.getPageNumber() - 1));
			template.endText();
		}

	}

}
