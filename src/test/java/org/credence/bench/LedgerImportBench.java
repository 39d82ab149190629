package org.credence.bench;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import org.credence.CredenceApplication;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.integration.imports.FileImports;
import org.credence.integration.imports.ImportMode;
import org.credence.integration.imports.ImportResult;
import org.credence.receivable.ledger.InvoiceStaging;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The ledger import benchmark ({@code bench/ledger-import-bench.sh}): the whole
 * application on a throw-away embedded PostgreSQL with a generated portfolio of
 * customers, a generated CSV of invoices imported through the real import path
 * ({@link FileImports#importFile}: reading, parsing, the receivable module's bulk write
 * with its checks, audit entry and event, as finance), against PostgreSQL's own
 * {@code COPY} of the same file into a plain table with the same column types in the same
 * run. Not a test.
 */
public final class LedgerImportBench {

	private static final int COPY_ROWS = 20_000;

	private static final String MACHINE_DATABASE = "credence_bench_import";

	private LedgerImportBench() {
	}

	public static void main(String[] args) throws Exception {
		int invoices = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		int customers = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
		Path data = Files.createTempDirectory("credence-bench");
		long booting = System.nanoTime();
		boolean machine = "machine".equals(System.getProperty("bench.db", "embedded"));
		// system properties, so they win over application.yml
		if (machine) {
			System.setProperty("credence.db.url", MachineDatabase.recreate(MACHINE_DATABASE));
			System.setProperty("credence.db.username", "postgres");
			System.setProperty("credence.db.password", "");
		}
		else {
			System.setProperty("credence.db.ephemeral", "true");
			System.setProperty("credence.db.url", "");
		}
		System.setProperty("credence.demo.enabled", "false");
		// the file is a first load: the invoice table's indexes built after it
		System.setProperty("credence.receivable.bulk-load-rows", "100000");
		System.setProperty("credence.data-dir", data.toString());
		System.setProperty("credence.admin-password", "bench-admin-password-1");
		System.setProperty("server.port", "0");
		System.setProperty("logging.level.root", "warn");
		System.setProperty("logging.level.org.credence", "warn");
		System.setProperty("logging.level.org.credence.receivable", System.getProperty("bench.log", "warn"));
		System.setProperty("credence.assessment.nightly-cron", "-");
		ConfigurableApplicationContext app = new SpringApplicationBuilder(CredenceApplication.class).run();
		int code = 0;
		try {
			System.out.printf("Application started in %.1f s%n", seconds(booting));
			DataSource dataSource = app.getBean(DataSource.class);
			long generating = System.nanoTime();
			generateCustomers(dataSource, customers);
			Path csv = data.resolve("invoices.csv");
			writeInvoices(csv, invoices, customers);
			byte[] file = Files.readAllBytes(csv);
			System.out.printf("Generated %,d customers and a CSV of %,d invoices (%,.1f MB) in %.1f s%n", customers,
					invoices, file.length / 1e6, seconds(generating));

			long copyStart = System.nanoTime();
			long copied = copy(dataSource, file);
			double copySeconds = seconds(copyStart);

			FileImports imports = app.getBean(FileImports.class);
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("bench-finance", null,
						CurrentUser.Authorities.of(List.of(Role.FINANCE))));
			long importStart = System.nanoTime();
			ImportResult result = imports.importFile("invoices", file, ImportMode.ALL);
			double importSeconds = seconds(importStart);

			long againStart = System.nanoTime();
			ImportResult again = imports.importFile("invoices", file, ImportMode.ALL);
			double againSeconds = seconds(againStart);

			// the same file into an empty ledger once more, first-load mode off: the
			// indexes kept row by row, as for any file into a ledger larger than it
			long stored = count(dataSource, "select count(*) from receivable.invoice");
			emptyLedger(dataSource);
			InvoiceStaging staging = AopTestUtils.getTargetObject(app.getBean(InvoiceStaging.class));
			ReflectionTestUtils.setField(staging, "bulkLoadRows", 0);
			long rowByRowStart = System.nanoTime();
			ImportResult rowByRow = imports.importFile("invoices", file, ImportMode.ALL);
			double rowByRowSeconds = seconds(rowByRowStart);

			System.out.println();
			System.out.println("| pass | rows | seconds | rows/s |");
			System.out.println("| --- | ---: | ---: | ---: |");
			System.out.printf("| PostgreSQL COPY of the file into a plain table | %,d | %.1f | %,.0f |%n", copied,
					copySeconds, copied / copySeconds);
			System.out.printf(
					"| import of the file (real path, all or nothing; first-load mode) | %,d | %.1f | %,.0f |%n",
					result.accepted(), importSeconds, result.accepted() / importSeconds);
			System.out.printf(
					"| the same into an empty ledger, first-load mode off (indexes kept row by row) | %,d | %.1f | %,.0f |%n",
					rowByRow.accepted(), rowByRowSeconds, rowByRow.accepted() / rowByRowSeconds);
			System.out.printf("| the same file again (every row unchanged) | %,d | %.1f | %,.0f |%n", again.unchanged(),
					againSeconds, again.rows() / againSeconds);
			System.out.printf("%nimport rows/s ÷ COPY rows/s = %.2f (import takes %.1f× as long as COPY)%n",
					(result.accepted() / importSeconds) / (copied / copySeconds), importSeconds / copySeconds);
			System.out.printf("accepted %,d, rejected %,d, invoices stored %,d; again: unchanged %,d, rejected %,d%n",
					result.accepted(), result.rejected(), stored, again.unchanged(), again.rejected());
			if (result.accepted() != invoices || stored != invoices || again.unchanged() != invoices
					|| rowByRow.accepted() != invoices) {
				System.out.println("UNEXPECTED: not every invoice was imported once; first errors: "
						+ result.errors().stream().limit(5).toList());
				code = 1;
			}
		}
		finally {
			app.close();
			if (machine) {
				MachineDatabase.drop(MACHINE_DATABASE);
			}
		}
		System.exit(code);
	}

	private static void emptyLedger(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("truncate receivable.invoice cascade");
			statement.execute("delete from receivable.aging_customer");
		}
	}

	private static void generateCustomers(DataSource dataSource, int customers) throws SQLException, IOException {
		try (Connection connection = dataSource.getConnection()) {
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			String now = Instant.now().toString();
			StringBuilder rows = new StringBuilder();
			for (int i = 1; i <= customers; i++) {
				rows.append(customer(i)).append(",基准测试企业").append(i).append("有限公司,CN,C,ACTIVE,");
				rows.append(now).append(',').append(now).append('\n');
				if (i % COPY_ROWS == 0 || i == customers) {
					copy.copyIn(
							"copy customer.customer (code, name, country, industry, status, created_at, updated_at) "
									+ "from stdin (format csv)",
							new StringReader(rows.toString()));
					rows.setLength(0);
				}
			}
			// a USD rate on the first of every month: one invoice in ten is in USD
			StringBuilder rates = new StringBuilder();
			for (LocalDate day = LocalDate.parse("2024-01-01"); day
				.isBefore(LocalDate.parse("2027-01-01")); day = day.plusMonths(1)) {
				rates.append(day)
					.append(",USD,7.")
					.append(1000 + day.getMonthValue() * 37)
					.append("5,bench,")
					.append(now)
					.append('\n');
			}
			copy.copyIn("copy receivable.fx_rate (rate_date, currency, rate, entered_by, entered_at) "
					+ "from stdin (format csv)", new StringReader(rates.toString()));
			try (var statement = connection.createStatement()) {
				statement.execute("analyze");
			}
		}
	}

	private static String customer(int i) {
		return String.format("BN-%06d", i);
	}

	private static void writeInvoices(Path csv, int invoices, int customers) throws IOException {
		Random random = new Random(20261124L);
		LocalDate first = LocalDate.parse("2025-01-01");
		try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
			out.write("externalId,customerCode,number,amount,currency,issueDate,dueDate,orderNumber\n");
			for (int i = 1; i <= invoices; i++) {
				LocalDate issued = first.plusDays(random.nextInt(700));
				long cents = 10_000 + (long) (random.nextDouble() * random.nextDouble() * 50_000_000L);
				out.write("ERP-INV-" + i);
				out.write(',');
				out.write(customer(1 + random.nextInt(customers)));
				out.write(",FP");
				out.write(Integer.toString(20_000_000 + i));
				out.write(',');
				out.write(Long.toString(cents / 100));
				out.write('.');
				long fen = cents % 100;
				out.write(fen < 10 ? "0" + fen : Long.toString(fen));
				out.write(random.nextInt(10) == 0 ? ",USD," : ",CNY,");
				out.write(issued.toString());
				out.write(',');
				out.write(issued.plusDays(30 + 30 * random.nextInt(3)).toString());
				out.write(",\n");
			}
		}
	}

	/** {@code COPY} of the file into a plain table of the same column types. */
	private static long copy(DataSource dataSource, byte[] file) throws SQLException, IOException {
		try (Connection connection = dataSource.getConnection()) {
			try (var statement = connection.createStatement()) {
				statement.execute("""
						create table public.bench_invoice (external_id varchar(100), customer_code varchar(64),
						  number varchar(64), amount numeric(19, 2), currency char(3), issue_date date, due_date date,
						  order_number varchar(64))
						""");
			}
			return connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy public.bench_invoice from stdin (format csv, header true)",
						new ByteArrayInputStream(file));
		}
	}

	private static long count(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				var statement = connection.createStatement();
				var rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

}
