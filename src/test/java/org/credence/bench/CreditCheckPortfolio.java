package org.credence.bench;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The portfolio the credit-check benchmark works on, written with {@code COPY} straight
 * into the owning modules' tables (as the other benchmarks do): customers (and the
 * aging's copy of them), one active credit line each (one GRANTED version, valid for
 * another half year), and a few open invoices each in company currency, a fifth of them a
 * few days overdue, so that a small order is approved. Every fiftieth customer has
 * 250,000 more than 15 days overdue, which the default rules answer with a warning
 * ({@code OVERDUE_AMOUNT}). The first {@code hot} customers, those the hot scenario
 * concentrates on, have a line of 5,000,000 and no such invoice.
 */
final class CreditCheckPortfolio {

	static final String CODE_FORMAT = "CC-%05d";

	private static final int BATCH = 2_000;

	private CreditCheckPortfolio() {
	}

	record Generated(int customers, long invoices, long overdueInvoices, int warned, BigDecimal limits,
			BigDecimal open) {
	}

	static String code(int customer) {
		return String.format(CODE_FORMAT, customer);
	}

	static List<String> codes(int customers) {
		List<String> codes = new ArrayList<>(customers);
		for (int c = 1; c <= customers; c++) {
			codes.add(code(c));
		}
		return codes;
	}

	static Generated generate(DataSource dataSource, int customers, int hot, LocalDate today)
			throws SQLException, IOException {
		Random random = new Random(20261124L);
		String now = Instant.now().toString();
		long invoices = 0;
		long overdue = 0;
		int warned = 0;
		BigDecimal limits = BigDecimal.ZERO;
		long openCents = 0;
		try (Connection connection = dataSource.getConnection()) {
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			try (Statement statement = connection.createStatement()) {
				statement.execute("create temporary table bench_line (customer_code varchar(64), "
						+ "limit_amount numeric(19, 2))");
			}
			StringBuilder customerRows = new StringBuilder();
			StringBuilder agingRows = new StringBuilder();
			StringBuilder lineRows = new StringBuilder();
			StringBuilder limitRows = new StringBuilder();
			StringBuilder invoiceRows = new StringBuilder();
			StringBuilder assessmentRows = new StringBuilder();
			StringBuilder reviewRows = new StringBuilder();
			LocalDate assessed = today.minusDays(60);
			LocalDate review = assessed.plusMonths(12);
			for (int c = 1; c <= customers; c++) {
				String code = code(c);
				boolean isHot = c <= hot;
				String name = "基准客户" + code + "有限公司";
				customerRows.append(code)
					.append(',')
					.append(name)
					.append(",CN,上海,C,ACTIVE,BBB,MEDIUM,")
					.append(now)
					.append(',')
					.append(now)
					.append('\n');
				agingRows.append(code).append(',').append(name).append(",C,true\n");
				assessmentRows.append(code)
					.append(",STANDARD,1,65.00,BBB,BBB,0.001500,MEDIUM,")
					.append(review)
					.append(",APPROVED,{},{},[],[],")
					.append(assessed)
					.append(',')
					.append(now)
					.append(",bench\n");
				reviewRows.append(code)
					.append(',')
					.append(name)
					.append(",ACTIVE,STANDARD,BBB,65.00,")
					.append(assessed)
					.append(',')
					.append(review)
					.append('\n');
				long limit = isHot ? 5_000_000 : 1_000_000 + 100_000L * random.nextInt(41);
				limits = limits.add(BigDecimal.valueOf(limit));
				lineRows.append(code).append(',').append(now).append(",bench\n");
				limitRows.append(code).append(',').append(limit).append('\n');
				int count = 2 + random.nextInt(4);
				for (int n = 0; n < count; n++) {
					// 2–10 % of the limit each, due between 12 days ago and 55 days ahead
					long cents = limit * (2 + random.nextInt(9));
					LocalDate due = today.plusDays(random.nextInt(68) - 12);
					if (due.isBefore(today)) {
						overdue++;
					}
					invoice(invoiceRows, code, n, cents, due, now);
					invoices++;
					openCents += cents;
				}
				if (c % 50 == 0 && !isHot) {
					invoice(invoiceRows, code, count, 25_000_000, today.minusDays(30), now);
					invoices++;
					overdue++;
					warned++;
					openCents += 25_000_000;
				}
				if (c % BATCH == 0 || c == customers) {
					copy.copyIn(
							"copy customer.customer (code, name, country, region, industry, status, grade, "
									+ "risk_class, created_at, updated_at) from stdin (format csv)",
							new StringReader(customerRows.toString()));
					copy.copyIn("copy assessment.assessment (customer_code, model_code, model_version, score, "
							+ "model_grade, grade, pd, risk_class, next_review_date, status, facts, qualitative, factors, "
							+ "reasons, assessed_on, assessed_at, assessed_by) from stdin (format csv)",
							new StringReader(assessmentRows.toString()));
					copy.copyIn(
							"copy assessment.customer_review (customer_code, customer_name, status, model_code, "
									+ "grade, score, assessed_on, next_review_date) from stdin (format csv)",
							new StringReader(reviewRows.toString()));
					copy.copyIn("copy receivable.aging_customer (customer_code, customer_name, industry, synced) "
							+ "from stdin (format csv)", new StringReader(agingRows.toString()));
					copy.copyIn("copy credit_limit.credit_line (customer_code, created_at, created_by) "
							+ "from stdin (format csv)", new StringReader(lineRows.toString()));
					copy.copyIn("copy bench_line (customer_code, limit_amount) from stdin (format csv)",
							new StringReader(limitRows.toString()));
					copy.copyIn("copy receivable.invoice (external_id, customer_code, number, amount, currency, "
							+ "fx_rate, company_amount, issue_date, due_date, recorded_by, recorded_at) "
							+ "from stdin (format csv)", new StringReader(invoiceRows.toString()));
					customerRows.setLength(0);
					agingRows.setLength(0);
					lineRows.setLength(0);
					limitRows.setLength(0);
					invoiceRows.setLength(0);
					assessmentRows.setLength(0);
					reviewRows.setLength(0);
				}
			}
			try (Statement statement = connection.createStatement()) {
				// one GRANTED version per line, as a finally approved NEW application
				// writes it
				statement.execute("""
						insert into credit_limit.credit_line_version (line_id, effective_from, recorded_at, recorded_by,
						  change, limit_amount, currency, terms_days, valid_from, valid_to, suspended)
						select l.id, date '%1$s' - 180, now(), 'bench', 'GRANTED', b.limit_amount, 'CNY', 60,
						  date '%1$s' - 180, date '%1$s' + 185, false
						from credit_limit.credit_line l join bench_line b on b.customer_code = l.customer_code
						""".formatted(today));
				statement.execute("drop table bench_line");
				// the review queue links each customer to its latest assessment
				statement.execute("""
						update assessment.customer_review r set assessment_id = a.id
						from assessment.assessment a where a.customer_code = r.customer_code
						""");
				for (String table : List.of("customer.customer", "receivable.aging_customer", "assessment.assessment",
						"assessment.customer_review", "credit_limit.credit_line", "credit_limit.credit_line_version",
						"receivable.invoice")) {
					statement.execute("vacuum analyze " + table);
				}
			}
		}
		return new Generated(customers, invoices, overdue, warned, limits, BigDecimal.valueOf(openCents, 2));
	}

	private static void invoice(StringBuilder rows, String code, int n, long cents, LocalDate due, String now) {
		String amount = cents / 100 + "." + String.format("%02d", cents % 100);
		rows.append("bench-")
			.append(code)
			.append('-')
			.append(n)
			.append(',')
			.append(code)
			.append(",INV-")
			.append(code)
			.append('-')
			.append(n)
			.append(',')
			.append(amount)
			.append(",CNY,1,")
			.append(amount)
			.append(',')
			.append(due.minusDays(60))
			.append(',')
			.append(due)
			.append(",bench,")
			.append(now)
			.append('\n');
	}

}
