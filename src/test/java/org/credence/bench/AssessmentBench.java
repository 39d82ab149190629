package org.credence.bench;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Random;

import javax.sql.DataSource;

import org.credence.CredenceApplication;
import org.credence.assessment.rating.BatchRun;
import org.credence.assessment.rating.Reassessment;
import org.credence.identity.CurrentUser;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The batch re-assessment benchmark ({@code bench/assessment-bench.sh}): the whole
 * application on a throw-away embedded PostgreSQL, a generated portfolio, one batch run
 * with the real code against one plain SQL pass over the same inputs. Not a test.
 */
public final class AssessmentBench {

	private static final int COPY_ROWS = 20_000;

	private AssessmentBench() {
	}

	public static void main(String[] args) throws Exception {
		int customers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		int maxSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 900;
		Path data = Files.createTempDirectory("credence-bench");
		long booting = System.nanoTime();
		// system properties, so they win over application.yml
		System.setProperty("credence.db.ephemeral", "true");
		System.setProperty("credence.db.url", "");
		System.setProperty("credence.demo.enabled", "false");
		System.setProperty("credence.data-dir", data.toString());
		System.setProperty("credence.admin-password", "bench-admin-password-1");
		System.setProperty("server.port", "0");
		System.setProperty("logging.level.root", "warn");
		System.setProperty("logging.level.org.credence", "warn");
		System.setProperty("credence.assessment.nightly-cron", "-");
		ConfigurableApplicationContext app = new SpringApplicationBuilder(CredenceApplication.class).run();
		int code = 0;
		try {
			System.out.printf("Application started in %.1f s%n", seconds(booting));
			DataSource dataSource = app.getBean(DataSource.class);
			long generating = System.nanoTime();
			generate(dataSource, customers);
			System.out.printf("Generated %,d customers with %,d statements in %.1f s%n", customers, customers * 2,
					seconds(generating));

			long baselineStart = System.nanoTime();
			long baselineRows = baseline(dataSource);
			double baseline = seconds(baselineStart);

			Reassessment reassessment = app.getBean(Reassessment.class);
			CurrentUser currentUser = app.getBean(CurrentUser.class);
			long batchStart = System.nanoTime();
			BatchRun run = currentUser.asSystem(() -> reassessment.start(Reassessment.MANUAL, null)).run();
			BatchRun progress = run;
			boolean finished = false;
			while (seconds(batchStart) < maxSeconds) {
				Thread.sleep(1000);
				progress = reassessment.find(run.id()).orElseThrow();
				if (!progress.isRunning()) {
					finished = true;
					break;
				}
				if ((long) seconds(batchStart) % 15 == 0) {
					System.out.printf("  … %,d of %,d after %.0f s%n", progress.processed(), progress.total(),
							seconds(batchStart));
				}
			}
			double batch = seconds(batchStart);
			int rows = finished ? progress.done() : progress.processed();
			System.out.println();
			System.out.println("| pass | rows | seconds | rows/s |");
			System.out.println("| --- | ---: | ---: | ---: |");
			System.out.printf("| baseline: one SQL pass reading the inputs | %,d | %.1f | %,.0f |%n", baselineRows,
					baseline, baselineRows / baseline);
			System.out.printf("| batch re-assessment (real code)%s | %,d | %.1f | %,.0f |%n",
					finished ? "" : " — stopped at the time limit", rows, batch, rows / batch);
			double ratio = batch / Math.max(baseline, 0.001) * (finished ? 1 : (double) customers / Math.max(1, rows));
			System.out.printf("%nbatch / baseline = %.0f×%s; failed %d, skipped %d%n", ratio, finished ? "" : String
				.format(" (extrapolated to %,d customers: %.0f s)", customers, batch * customers / Math.max(1, rows)),
					progress.failed(), progress.skipped());
			if (!finished) {
				code = 2;
			}
		}
		finally {
			app.close();
		}
		System.exit(code);
	}

	private static void generate(DataSource dataSource, int customers) throws SQLException, IOException {
		Random random = new Random(20261124L);
		try (Connection connection = dataSource.getConnection()) {
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			String now = Instant.now().toString();
			StringBuilder customerRows = new StringBuilder();
			StringBuilder reviewRows = new StringBuilder();
			StringBuilder statementRows = new StringBuilder();
			for (int i = 1; i <= customers; i++) {
				String code = String.format("BN-%06d", i);
				long capital = (long) Math.pow(10, 6 + random.nextDouble() * 2.5);
				int employees = 10 + random.nextInt(2000);
				customerRows.append(code)
					.append(",基准测试企业")
					.append(i)
					.append("有限公司,CN,C,")
					.append(capital)
					.append(",CNY,")
					.append(employees)
					.append(",ACTIVE,")
					.append(now)
					.append(',')
					.append(now)
					.append('\n');
				reviewRows.append(code).append(",基准测试企业").append(i).append("有限公司,,ACTIVE\n");
				long revenue = Math.max(capital * (1 + random.nextInt(3)), employees * 600_000L);
				for (int year = 2024; year <= 2025; year++) {
					statementRows.append(statement(random, code, year, revenue, now));
					revenue = revenue * (90 + random.nextInt(30)) / 100;
				}
				if (i % COPY_ROWS == 0 || i == customers) {
					copy.copyIn("copy customer.customer (code, name, country, industry, registered_capital, "
							+ "registered_capital_currency, employees, status, created_at, updated_at) "
							+ "from stdin (format csv)", new StringReader(customerRows.toString()));
					copy.copyIn(
							"copy assessment.customer_review (customer_code, customer_name, owner_username, status) "
									+ "from stdin (format csv)",
							new StringReader(reviewRows.toString()));
					copy.copyIn(
							"copy assessment.financial_statement (customer_code, period_end, period_type, currency, "
									+ "unit, audited, cash, receivables, inventory, current_assets, total_assets, "
									+ "current_liabilities, total_liabilities, equity, revenue, cost_of_sales, operating_profit, "
									+ "net_profit, interest_expense, operating_cash_flow, retained_earnings, ebit, created_by, "
									+ "created_at) from stdin (format csv)",
							new StringReader(statementRows.toString()));
					customerRows.setLength(0);
					reviewRows.setLength(0);
					statementRows.setLength(0);
				}
			}
			try (var statement = connection.createStatement()) {
				statement.execute("analyze");
			}
		}
	}

	private static String statement(Random random, String code, int year, long revenue, String now) {
		long assets = revenue * (70 + random.nextInt(70)) / 100;
		long liabilities = assets * (30 + random.nextInt(65)) / 100;
		long currentLiabilities = liabilities * (60 + random.nextInt(25)) / 100;
		long currentAssets = Math.min(currentLiabilities * (80 + random.nextInt(150)) / 100, assets * 85 / 100);
		long netProfit = revenue * (random.nextInt(16) - 3) / 100;
		long interest = liabilities * (2 + random.nextInt(3)) / 100;
		long ebit = netProfit + interest + Math.max(0, netProfit / 3);
		long equity = assets - liabilities;
		return String.join(",", code, year + "-12-31", "ANNUAL", "CNY", "YUAN", "false",
				Long.toString(currentAssets / 6), Long.toString(currentAssets / 3), Long.toString(currentAssets / 4),
				Long.toString(currentAssets), Long.toString(assets), Long.toString(currentLiabilities),
				Long.toString(liabilities), Long.toString(equity), Long.toString(revenue),
				Long.toString(revenue * 8 / 10), Long.toString(ebit), Long.toString(netProfit), Long.toString(interest),
				Long.toString(netProfit + revenue / 100), Long.toString(equity / 3), Long.toString(ebit), "bench", now)
				+ "\n";
	}

	/** One streamed pass over every customer joined to its statements. */
	private static long baseline(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (PreparedStatement query = connection.prepareStatement("""
					select c.code, c.name, c.status, c.owner_username, s.period_end, s.total_assets,
					       s.total_liabilities, s.current_assets, s.current_liabilities, s.inventory, s.revenue,
					       s.net_profit, s.ebit, s.interest_expense, s.retained_earnings, s.operating_cash_flow
					from customer.customer c
					join assessment.financial_statement s on s.customer_code = c.code
					where c.code like 'BN-%'
					order by c.code, s.period_end desc
					""")) {
				query.setFetchSize(10_000);
				long rows = 0;
				BigDecimal sum = BigDecimal.ZERO;
				try (ResultSet rs = query.executeQuery()) {
					while (rs.next()) {
						rows++;
						sum = sum.add(rs.getBigDecimal("total_liabilities"));
					}
				}
				connection.commit();
				return sum.signum() >= 0 ? rows : rows;
			}
		}
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

}
