package org.credence.bench;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.credence.CredenceApplication;
import org.credence.customer.CustomerQuery;
import org.credence.identity.CurrentUser;
import org.credence.receivable.Aging;
import org.credence.receivable.AgingBasis;
import org.credence.receivable.AgingOrder;
import org.credence.receivable.PortfolioAging;
import org.credence.shared.Paging;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The portfolio aging benchmark ({@code bench/aging-bench.sh}): the whole application on
 * a throw-away embedded PostgreSQL, a generated ledger loaded with {@code COPY}, the
 * portfolio aging of the real code ({@link Aging#portfolio}) against plain SQL GROUP BYs
 * over the same invoice table, each warmed up and then timed several times; the medians
 * are printed. Not a test.
 */
public final class AgingBench {

	private static final LocalDate AS_OF = LocalDate.parse("2026-11-24");

	private AgingBench() {
	}

	public static void main(String[] args) throws Exception {
		int customers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		int openItems = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
		int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
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
		try {
			System.out.printf("Application started in %.1f s%n", seconds(booting));
			DataSource dataSource = app.getBean(DataSource.class);
			long generating = System.nanoTime();
			Ledger ledger = generate(dataSource, customers, openItems);
			System.out.printf(
					"Generated %,d customers: %,d open invoices (%,d of them part paid, %,d in USD or EUR), "
							+ "%,d settled invoices, %,d allocations in %.1f s%n",
					customers, ledger.open, ledger.partPaid, ledger.foreign, ledger.settled, ledger.allocations,
					seconds(generating));

			if (Boolean.getBoolean("bench.hold")) {
				try (Connection connection = dataSource.getConnection()) {
					System.out.println("Holding the database at " + connection.getMetaData().getURL() + " as "
							+ connection.getMetaData().getUserName());
				}
				Thread.sleep(Long.getLong("bench.hold.seconds", 3600) * 1000);
			}
			Aging aging = app.getBean(Aging.class);
			CurrentUser currentUser = app.getBean(CurrentUser.class);
			// what the aging page and GET /api/v1/aging ask for: the portfolio's total
			// and
			// its first page of 50 customers, largest total first
			Paging firstPage = new Paging(0, 50);
			Supplier<PortfolioAging> portfolio = () -> currentUser.asSystem(
					() -> aging.portfolio(CustomerQuery.all(), AS_OF, AgingBasis.DUE, AgingOrder.DEFAULT, firstPage));
			PortfolioAging result = portfolio.get();
			System.out.printf(
					"Portfolio aging: %,d customers (page of %d), %,d open items, total %s %s, overdue %s, largest %s%n",
					result.customerCount(), result.customers().size(), result.total().items(),
					result.total().total().toPlainString(), result.total().currency(),
					result.total().overdue().toPlainString(), result.customers().get(0).aging().total());

			String plain = """
					select customer_code, currency, sum(amount) as amount, count(*) as items
					from receivable.invoice group by customer_code, currency
					""";
			String buckets = """
					select customer_code, currency,
					       width_bucket(? - due_date - 1, array[0, 30, 60, 90, 180, 365]) as bucket, due_date < ? as overdue,
					       sum(amount) as amount, sum(company_amount) as company, count(*) as items
					from receivable.invoice
					group by 1, 2, 3, 4
					""";
			if (Boolean.getBoolean("bench.profile")) {
				var repository = app.getBean(org.credence.receivable.aging.AgingRepository.class);
				var tx = new org.springframework.transaction.support.TransactionTemplate(
						app.getBean(org.springframework.transaction.PlatformTransactionManager.class));
				tx.setReadOnly(true);
				double repo = median(runs,
						() -> tx.execute(
								status -> repository
									.aging(AS_OF, AgingBasis.DUE, org.credence.receivable.aging.AgingPolicy.standard(),
											new org.credence.receivable.aging.AgingSelection(null, null, null, null,
													null))
									.size()));
				System.out.printf("profile: AgingRepository.aging %.3f s%n", repo);
				String kept = """
						select i.customer_code, i.currency, width_bucket(? - i.due_date - 1, array[0, 30, 60, 90, 180, 365]) as bucket,
						       sum(i.open_cents) as amount, sum(i.company_open_cents) as company, count(*) as items
						from receivable.invoice i
						where i.settled_on is null and i.issue_date <= ?
						  and (i.settlement_changed_on is null or i.settlement_changed_on <= ?)
						group by 1, 2, 3
						""";
				System.out.printf("profile: kept SQL %.3f s%n", median(runs, () -> query(dataSource, kept, true)));
				System.out.printf("profile: kept SQL serial %.3f s%n",
						median(runs, () -> query(dataSource, "/*serial*/" + kept, true)));
				try (Connection connection = dataSource.getConnection();
						PreparedStatement statement = connection.prepareStatement("explain (analyze) " + kept)) {
					statement.setObject(1, AS_OF);
					statement.setObject(2, AS_OF);
					statement.setObject(3, AS_OF);
					try (ResultSet rs = statement.executeQuery()) {
						while (rs.next()) {
							System.out.println("profile: " + rs.getString(1));
						}
					}
				}
			}
			double plainSeconds = median(runs, () -> query(dataSource, plain, false));
			double bucketSeconds = median(runs, () -> query(dataSource, buckets, true));
			double agingSeconds = median(runs, () -> portfolio.get().customers().size());
			double pastSeconds = median(runs,
					() -> currentUser
						.asSystem(() -> aging.portfolio(CustomerQuery.all(), AS_OF.minusMonths(6), AgingBasis.DUE,
								AgingOrder.DEFAULT, firstPage))
						.customers()
						.size());
			double overdueSeconds = median(runs,
					() -> currentUser
						.asSystem(() -> aging.portfolio(CustomerQuery.all(), AS_OF, AgingBasis.DUE,
								new AgingOrder(AgingOrder.Column.BUCKET, 6, true), new Paging(100, 50)))
						.customers()
						.size());
			double allSeconds = median(Math.min(runs, 3),
					() -> currentUser.asSystem(() -> aging.portfolio(CustomerQuery.all(), AS_OF, AgingBasis.DUE))
						.customers()
						.size());
			long rows = ledger.open + ledger.settled;
			System.out.println();
			System.out.printf("Median of %d warm runs over %,d invoices (%,d open) of %,d customers:%n%n", runs, rows,
					ledger.open, customers);
			System.out.println("| pass | seconds | × plain GROUP BY |");
			System.out.println("| --- | ---: | ---: |");
			row("plain SQL: `sum(amount) … group by customer, currency` over the invoice table", plainSeconds,
					plainSeconds);
			row("plain SQL: the same per aging bucket (no allocations, no customers)", bucketSeconds, plainSeconds);
			row("portfolio aging today, real code (`Aging.portfolio`: total and first page of 50)", agingSeconds,
					plainSeconds);
			row("portfolio aging six months ago, real code (total and first page)", pastSeconds, plainSeconds);
			row("portfolio aging today, sorted by the oldest bucket, page 101", overdueSeconds, plainSeconds);
			row("portfolio aging today, every customer's report (what the export reads)", allSeconds, plainSeconds);
			System.out.printf("%nportfolio aging / plain GROUP BY = %.2f× (target ≤ 2×), %.2f s (target ≤ 1 s)%n",
					agingSeconds / plainSeconds, agingSeconds);
		}
		finally {
			app.close();
		}
		System.exit(0);
	}

	private static void row(String pass, double seconds, double plain) {
		System.out.printf("| %s | %.3f | %.2f |%n", pass, seconds, seconds / plain);
	}

	private static int query(DataSource dataSource, String sql, boolean asOf) {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			try (Statement settings = connection.createStatement()) {
				settings.execute("set max_parallel_workers_per_gather = " + (sql.startsWith("/*serial*/") ? 0 : 2));
			}
			if (asOf) {
				for (int i = 1; i <= statement.getParameterMetaData().getParameterCount(); i++) {
					statement.setObject(i, AS_OF);
				}
			}
			int rows = 0;
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					rs.getBigDecimal("amount");
					rows++;
				}
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Two warm-up runs, then the median of {@code runs} timed ones, in seconds. */
	private static double median(int runs, Supplier<Integer> work) {
		work.get();
		work.get();
		List<Double> times = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			work.get();
			times.add(seconds(start));
		}
		Collections.sort(times);
		return times.get(runs / 2);
	}

	record Ledger(long open, long partPaid, long foreign, long settled, long allocations) {
	}

	/**
	 * Per customer: open invoices issued over the last two years (a tenth part paid, a
	 * tenth in USD or EUR) and settled ones, each settled invoice paid by the customer's
	 * one payment. The aging's copy of the customers is written directly (in production
	 * the customer module's events fill it).
	 */
	private static Ledger generate(DataSource dataSource, int customers, int openItems)
			throws SQLException, IOException {
		Random random = new Random(20261124L);
		String now = Instant.now().toString();
		long open = 0;
		long partPaid = 0;
		long foreign = 0;
		long settled = 0;
		long allocations = 0;
		try (Connection connection = dataSource.getConnection()) {
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			try (Statement statement = connection.createStatement()) {
				statement.execute("insert into receivable.fx_rate values ('2020-01-01', 'USD', 7.1, 'bench', now()),"
						+ " ('2020-01-01', 'EUR', 7.8, 'bench', now())");
			}
			StringBuilder customerRows = new StringBuilder();
			StringBuilder invoiceRows = new StringBuilder();
			StringBuilder paymentRows = new StringBuilder();
			StringBuilder allocationRows = new StringBuilder();
			long invoiceId = 0;
			int perCustomer = openItems / customers;
			for (int c = 1; c <= customers; c++) {
				String code = String.format("BN-%06d", c);
				customerRows.append(code)
					.append(",基准测试企业")
					.append(c)
					.append("有限公司,sales")
					.append(c % 50)
					.append(",C,true\n");
				int openHere = perCustomer + (c <= openItems % customers ? 1 : 0);
				int settledHere = openHere / 4;
				long paid = 0;
				StringBuilder customerAllocations = new StringBuilder();
				for (int n = 0; n < openHere + settledHere; n++) {
					invoiceId++;
					boolean isOpen = n < openHere;
					LocalDate issued = AS_OF.minusDays(random.nextInt(isOpen ? 730 : 700) + (isOpen ? 0 : 30));
					LocalDate due = issued.plusDays(30 + 30 * random.nextInt(3));
					long amount = 1_000 + random.nextInt(500_000);
					String currency = "CNY";
					String rate = "1";
					if (isOpen && random.nextInt(10) == 0) {
						currency = random.nextBoolean() ? "USD" : "EUR";
						rate = "USD".equals(currency) ? "7.1" : "7.8";
						foreign++;
					}
					long company = "CNY".equals(currency) ? amount * 100
							: Math.round(amount * 100 * Double.parseDouble(rate));
					invoiceRows.append("x-")
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
						.append(',')
						.append(currency)
						.append(',')
						.append(rate)
						.append(',')
						.append(company / 100)
						.append('.')
						.append(String.format("%02d", company % 100))
						.append(',')
						.append(issued)
						.append(',')
						.append(due)
						.append(",bench,")
						.append(now)
						.append('\n');
					long allocated = 0;
					if (!isOpen) {
						allocated = amount;
						settled++;
					}
					else if ("CNY".equals(currency) && random.nextInt(10) == 0) {
						allocated = amount / 2;
						partPaid++;
						open++;
					}
					else {
						open++;
					}
					if (allocated > 0) {
						LocalDate effective = due.minusDays(10).plusDays(random.nextInt(40));
						if (effective.isAfter(AS_OF)) {
							effective = AS_OF;
						}
						if (effective.isBefore(issued)) {
							effective = issued;
						}
						customerAllocations.append(invoiceId)
							.append(',')
							.append(c)
							.append(',')
							.append(allocated)
							.append(',')
							.append(effective)
							.append('\n');
						paid += allocated;
						allocations++;
					}
				}
				paymentRows.append("p-")
					.append(code)
					.append(',')
					.append(code)
					.append(',')
					.append(Math.max(paid, 1))
					.append(",CNY,1,")
					.append(Math.max(paid, 1))
					.append(',')
					.append(AS_OF.minusDays(1))
					.append(",bench,")
					.append(now)
					.append('\n');
				allocationRows.append(customerAllocations);
				if (c % 5_000 == 0 || c == customers) {
					copy.copyIn(
							"copy receivable.aging_customer (customer_code, customer_name, owner_username, "
									+ "industry, synced) from stdin (format csv)",
							new StringReader(customerRows.toString()));
					copy.copyIn("copy receivable.invoice (external_id, customer_code, number, amount, currency, "
							+ "fx_rate, company_amount, issue_date, due_date, recorded_by, recorded_at) "
							+ "from stdin (format csv)", new StringReader(invoiceRows.toString()));
					copy.copyIn("copy receivable.payment (external_id, customer_code, amount, currency, fx_rate, "
							+ "company_amount, received_date, recorded_by, recorded_at) from stdin (format csv)",
							new StringReader(paymentRows.toString()));
					copy.copyIn("copy receivable.allocation (invoice_id, payment_id, amount, effective_on) "
							+ "from stdin (format csv)", new StringReader(allocationRows.toString()));
					customerRows.setLength(0);
					invoiceRows.setLength(0);
					paymentRows.setLength(0);
					allocationRows.setLength(0);
				}
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("vacuum analyze receivable.invoice");
				statement.execute("vacuum analyze receivable.allocation");
				statement.execute("vacuum analyze receivable.aging_customer");
			}
		}
		return new Ledger(open, partPaid, foreign, settled, allocations);
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

}
