package org.credence.receivable.statement;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.credence.receivable.AccountStatement;
import org.credence.receivable.AccountStatement.Kind;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class StatementPdfTests {

	static StatementText text(Locale locale) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages/receivable-statement");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new StatementText(messages, locale);
	}

	@Test
	void repeatsTheColumnHeadingsOnEveryPageAndNumbersThePages() throws IOException {
		List<Movement> movements = new ArrayList<>();
		for (int day = 0; day < 90; day++) {
			movements.add(new Movement(LocalDate.parse("2026-01-01").plusDays(day), Kind.INVOICE, "CNY",
					"INV-%04d".formatted(day), "2026-04-30", new BigDecimal("1000.00"), BigDecimal.ZERO));
		}
		AccountStatement statement = StatementPolicy.statement("C1", "华东精密建材有限公司", "CN", LocalDate.parse("2026-01-01"),
				LocalDate.parse("2026-03-31"), "CNY", Map.of(), movements, (currency, day) -> BigDecimal.ONE);

		byte[] pdf = StatementPdf.render(statement, text(Locale.SIMPLIFIED_CHINESE), "示例贸易有限公司", "AS-000042",
				LocalDate.parse("2026-04-02"));

		PdfReader reader = new PdfReader(pdf);
		try {
			int pages = reader.getNumberOfPages();
			assertThat(pages).isGreaterThan(1);
			PdfTextExtractor extractor = new PdfTextExtractor(reader);
			String last = extractor.getTextFromPage(pages);
			assertThat(last).contains("序号", "余额", "期末余额", "90,000.00", "客户确认", "AS-000042", pages + " / " + pages);
			assertThat(extractor.getTextFromPage(2)).contains("序号", "单据号码");
		}
		finally {
			reader.close();
		}
		Path dir = Path.of("target", "statements");
		Files.createDirectories(dir);
		Files.write(dir.resolve("statement-long.pdf"), pdf);
	}

	@Test
	void keepsATwentyDigitInvoiceNumberOnOneLine() throws IOException {
		String number = "25312000000123456789";
		List<Movement> movements = List.of(new Movement(LocalDate.parse("2026-01-05"), Kind.INVOICE, "CNY", number,
				"2026-03-05", new BigDecimal("1234567.89"), BigDecimal.ZERO));
		AccountStatement statement = StatementPolicy.statement("C1", "华东精密建材有限公司", "CN", LocalDate.parse("2026-01-01"),
				LocalDate.parse("2026-01-31"), "CNY", Map.of(), movements, (currency, day) -> BigDecimal.ONE);

		byte[] pdf = StatementPdf.render(statement, text(Locale.SIMPLIFIED_CHINESE), "示例贸易有限公司", "AS-000043",
				LocalDate.parse("2026-02-02"));

		PdfReader reader = new PdfReader(pdf);
		try {
			assertThat(new PdfTextExtractor(reader).getTextFromPage(1)).contains(number, "1,234,567.89");
		}
		finally {
			reader.close();
		}
		Path dir = Path.of("target", "statements");
		Files.createDirectories(dir);
		Files.write(dir.resolve("statement-digital-invoice.pdf"), pdf);
	}

}
