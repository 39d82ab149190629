package org.credence.receivable.web;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.credence.customer.CustomerQuery;
import org.credence.customer.Industry;
import org.credence.receivable.Aging;
import org.credence.receivable.AgingBasis;
import org.credence.receivable.AgingBucket;
import org.credence.receivable.AgingOrder;
import org.credence.receivable.AgingReport;
import org.credence.receivable.CustomerAging;
import org.credence.receivable.PortfolioAging;
import org.credence.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The portfolio aging page (应收账龄): every customer with something open as of a day, bucket
 * by bucket, filtered by owner and industry, sortable, each row leading to the customer's
 * Receivables tab; and the same as an XLSX file. Filters and order live in the URL.
 */
@Controller
@RequestMapping("/receivables/aging")
class PortfolioAgingController {

	private final Aging aging;

	private final AgingLabels labels;

	private final MessageSource messages;

	private final Clock clock;

	PortfolioAgingController(Aging aging, AgingLabels labels, MessageSource messages, Clock clock) {
		this.aging = aging;
		this.labels = labels;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String portfolio(@RequestParam(required = false) @Nullable String asOf,
			@RequestParam(required = false) @Nullable String basis,
			@RequestParam(required = false) @Nullable String owner,
			@RequestParam(required = false) @Nullable String industry,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false, defaultValue = "false") boolean desc,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size, HttpServletRequest request, Model model) {
		LocalDate day = ReceivablePages.asOf(asOf, LocalDate.now(this.clock));
		AgingBasis agingBasis = ReceivablePages.basis(basis);
		AgingOrder order = order(sort, desc);
		PortfolioAging portfolio = this.aging.portfolio(filter(owner, industry), day, agingBasis, order,
				Paging.of(page, size));
		model.addAttribute("asOf", day);
		model.addAttribute("basis", agingBasis.name().toLowerCase(Locale.ROOT));
		model.addAttribute("owner", owner == null ? "" : owner);
		model.addAttribute("industry", industry == null ? "" : industry);
		model.addAttribute("sort", order.key());
		model.addAttribute("desc", order.descending());
		model.addAttribute("portfolio", portfolio);
		model.addAttribute("rows", portfolio.customers());
		model.addAttribute("bucketLabels", this.labels.labels(portfolio.total().buckets(), agingBasis));
		model.addAttribute("chartData", ReceivablePages.chartData(portfolio.total(), this.labels,
				msg("receivable.portfolio.title") + " · " + day));
		model.addAttribute("sortUrls", sortUrls(request, portfolio.total().buckets().size(), order));
		model.addAttribute("pageUrls", pageUrls(request, portfolio));
		model.addAttribute("exportUrl",
				ServletUriComponentsBuilder.fromRequest(request)
					.replacePath(request.getContextPath() + "/receivables/aging/export.xlsx")
					.replaceQueryParam("page")
					.replaceQueryParam("size")
					.build()
					.toUriString());
		return "receivable/aging";
	}

	/**
	 * Every customer of the aging (not only one page) in the page's order, written out as
	 * the rows come, a few hundred at a time.
	 */
	@GetMapping("/export.xlsx")
	void export(@RequestParam(required = false) @Nullable String asOf,
			@RequestParam(required = false) @Nullable String basis,
			@RequestParam(required = false) @Nullable String owner,
			@RequestParam(required = false) @Nullable String industry,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false, defaultValue = "false") boolean desc, HttpServletResponse response)
			throws IOException {
		LocalDate day = ReceivablePages.asOf(asOf, LocalDate.now(this.clock));
		AgingBasis agingBasis = ReceivablePages.basis(basis);
		AgingOrder order = order(sort, desc);
		String title = msg("receivable.portfolio.title");
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"aging-" + day + ".xlsx\"; filename*=UTF-8''"
				+ UriUtils.encode(title + "-" + day + ".xlsx", "UTF-8"));
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); OutputStream out = response.getOutputStream()) {
			Sheet sheet = workbook.createSheet(title);
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle money = workbook.createCellStyle();
			money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
			Row caption = sheet.createRow(0);
			caption.createCell(0).setCellValue(title);
			caption.createCell(1).setCellValue(msg("receivable.as-of") + " " + day);
			caption.createCell(2).setCellValue(msg("receivable.basis." + agingBasis.name().toLowerCase(Locale.ROOT)));
			caption.createCell(3).setCellValue(this.aging.companyCurrency());
			List<String> headers = new ArrayList<>(
					List.of(msg("customer.field.code"), msg("customer.field.name"), msg("customer.field.owner")));
			headers.addAll(this.labels.labels(this.aging.buckets(agingBasis), agingBasis));
			headers.add(msg("receivable.aging.total"));
			headers.add(msg("receivable.aging.overdue"));
			Row header = sheet.createRow(2);
			for (int i = 0; i < headers.size(); i++) {
				Cell cell = header.createCell(i);
				cell.setCellValue(headers.get(i));
				cell.setCellStyle(bold);
			}
			int[] rowIndex = { 3 };
			AgingReport portfolio = this.aging.portfolio(filter(owner, industry), day, agingBasis, order,
					(CustomerAging c) -> {
						Row row = sheet.createRow(rowIndex[0]++);
						row.createCell(0).setCellValue(c.customerCode());
						row.createCell(1).setCellValue(c.customerName());
						row.createCell(2).setCellValue(c.ownerUsername() == null ? "" : c.ownerUsername());
						int col = 3;
						for (AgingBucket bucket : c.aging().buckets()) {
							amount(row, col++, bucket.amount(), money);
						}
						amount(row, col++, c.aging().total(), money);
						amount(row, col, c.aging().overdue(), money);
					});
			Row total = sheet.createRow(rowIndex[0]);
			Cell label = total.createCell(1);
			label.setCellValue(msg("receivable.aging.total"));
			label.setCellStyle(bold);
			int col = 3;
			for (AgingBucket bucket : portfolio.buckets()) {
				amount(total, col++, bucket.amount(), money);
			}
			amount(total, col++, portfolio.total(), money);
			amount(total, col, portfolio.overdue(), money);
			workbook.write(out);
			workbook.dispose();
		}
	}

	private static void amount(Row row, int column, BigDecimal amount, CellStyle style) {
		// POI stores numbers as IEEE doubles; two-decimal amounts below 10^13 round-trip
		// exactly as displayed
		Cell cell = row.createCell(column);
		cell.setCellValue(amount.doubleValue());
		cell.setCellStyle(style);
	}

	private static CustomerQuery filter(@Nullable String owner, @Nullable String industry) {
		Industry parsed = null;
		if (industry != null && !industry.isBlank()) {
			try {
				parsed = Industry.valueOf(industry.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				parsed = null;
			}
		}
		return new CustomerQuery(null, null, parsed, null, owner == null || owner.isBlank() ? null : owner, null, null,
				null, null, null, false);
	}

	/**
	 * The order a sort key and direction name; the default (largest total first) else.
	 */
	static AgingOrder order(@Nullable String sort, boolean desc) {
		if (sort == null || sort.isBlank()) {
			return AgingOrder.DEFAULT;
		}
		return AgingOrder.parse(sort, desc).orElse(AgingOrder.DEFAULT);
	}

	private static Map<String, String> sortUrls(HttpServletRequest request, int buckets, AgingOrder order) {
		List<String> columns = new ArrayList<>(List.of("code", "name", "owner", "total", "overdue"));
		for (int i = 0; i < buckets; i++) {
			columns.add("b" + i);
		}
		Map<String, String> urls = new LinkedHashMap<>();
		for (String c : columns) {
			boolean nextDescending = c.equals(order.key()) ? !order.descending()
					: !List.of("code", "name", "owner").contains(c);
			urls.put(c,
					ServletUriComponentsBuilder.fromRequest(request)
						.replaceQueryParam("sort", c)
						.replaceQueryParam("desc", nextDescending)
						.replaceQueryParam("page")
						.build()
						.toUriString());
		}
		return urls;
	}

	private static Map<String, String> pageUrls(HttpServletRequest request, PortfolioAging portfolio) {
		Map<String, String> urls = new LinkedHashMap<>();
		int last = Math.max(0, portfolio.totalPages() - 1);
		urls.put("first", pageUrl(request, 0));
		urls.put("previous", pageUrl(request, Math.max(0, portfolio.page() - 1)));
		urls.put("next", pageUrl(request, Math.min(last, portfolio.page() + 1)));
		urls.put("last", pageUrl(request, last));
		return urls;
	}

	private static String pageUrl(HttpServletRequest request, int page) {
		return ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("page", page).build().toUriString();
	}

	private String msg(String code) {
		return this.messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
	}

}
