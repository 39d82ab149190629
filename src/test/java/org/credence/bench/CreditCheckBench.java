package org.credence.bench;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.credence.CredenceApplication;
import org.credence.bench.CreditCheckFloor.Latencies;
import org.credence.exposure.Exposures;
import org.credence.identity.CurrentUser;
import org.credence.identity.IssuedToken;
import org.credence.identity.NewUser;
import org.credence.identity.Role;
import org.credence.identity.Users;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The order-path credit check benchmark ({@code bench/credit-check-bench.sh}): the whole
 * application started in this JVM on a throw-away database (embedded PostgreSQL, or a
 * fresh database on the machine's server), a generated portfolio
 * ({@link CreditCheckPortfolio}) whose positions are built by the real code
 * ({@link Exposures#rebuild}), an order-system user with an API token; then, with the
 * same number of clients, the Gatling simulation ({@code bench/gatling}, run by
 * {@code gatling-maven-plugin} in its own JVM) against the running application over
 * loopback, and after it the JDBC floor ({@link CreditCheckFloor}) on the same database,
 * each spread over every customer and concentrated on a few hot ones. Prints one table of
 * both. Not a test.
 */
public final class CreditCheckBench {

	private static final String MACHINE_DATABASE = "credence_bench";

	private static final String USER = "bench.orders";

	private static final String PASSWORD = "bench-orders-password-1";

	private static final int MIN_CENTS = 100;

	private static final int MAX_CENTS = 2_000;

	private CreditCheckBench() {
	}

	/**
	 * What a run is asked to do: the script's arguments and {@code bench.*} properties.
	 */
	record Settings(int seconds, int customers, int clients, int hot, int warmUp, long maxChecks, boolean basicAuth,
			boolean machineDatabase, boolean release, boolean floor, boolean statements, List<String> phases) {

		static Settings of(String[] args) {
			return new Settings(args.length > 0 ? Integer.parseInt(args[0]) : 30,
					args.length > 1 ? Integer.parseInt(args[1]) : 10_000,
					args.length > 2 ? Integer.parseInt(args[2]) : 32, Integer.getInteger("bench.hot", 5),
					Integer.getInteger("bench.warmup", 60), Long.getLong("bench.max-checks", 1_000_000),
					"basic".equals(System.getProperty("bench.auth")),
					"machine".equals(System.getProperty("bench.db", "embedded")), Boolean.getBoolean("bench.release"),
					!"false".equals(System.getProperty("bench.floor")), Boolean.getBoolean("bench.pg-stat-statements"),
					List.of(System.getProperty("bench.phases", "spread,hot").split(",")));
		}

		String describe() {
			return String.format(
					"Credit checks, %d s per scenario after a %d s warm-up, %,d customers (%d hot), amounts %.2f–%.2f "
							+ "CNY, %s%s, %s PostgreSQL",
					this.seconds, this.warmUp, this.customers, this.hot, MIN_CENTS / 100.0, MAX_CENTS / 100.0,
					this.basicAuth ? "HTTP Basic" : "API token (Bearer)",
					this.release ? ", each check released (DELETE) after" : "", this.machineDatabase ? "the machine's"
							: this.statements ? "embedded (with pg_stat_statements)" : "embedded");
		}

	}

	public static void main(String[] args) throws Exception {
		Settings settings = Settings.of(args);
		Path work = Path.of("target", "credit-check-bench").toAbsolutePath();
		Files.createDirectories(work);
		EmbeddedPostgres profiled = configure(settings);
		long booting = System.nanoTime();
		ConfigurableApplicationContext app = new SpringApplicationBuilder(CredenceApplication.class).run();
		int code;
		try {
			code = run(settings, app, work, booting);
		}
		finally {
			app.close();
			if (settings.machineDatabase()) {
				MachineDatabase.drop(MACHINE_DATABASE);
			}
			if (profiled != null) {
				profiled.close();
			}
		}
		System.exit(code);
	}

	/**
	 * The application's settings, as system properties so that they win over
	 * application.yml; the embedded server with pg_stat_statements when asked for.
	 */
	private static @Nullable EmbeddedPostgres configure(Settings settings) throws IOException, SQLException {
		EmbeddedPostgres profiled = null;
		if (settings.machineDatabase()) {
			System.setProperty("credence.db.url", MachineDatabase.recreate(MACHINE_DATABASE));
			System.setProperty("credence.db.username", "postgres");
			System.setProperty("credence.db.password", "");
		}
		else if (settings.statements()) {
			// a throw-away server like the application's own, with pg_stat_statements
			// loaded
			profiled = EmbeddedPostgres.builder()
				.setServerConfig("shared_preload_libraries", "pg_stat_statements")
				.setServerConfig("pg_stat_statements.track", "all")
				.start();
			try (Connection connection = profiled.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("create database credence encoding 'UTF8' template template0");
			}
			System.setProperty("credence.db.url", profiled.getJdbcUrl("postgres", "credence"));
			System.setProperty("credence.db.username", "postgres");
			System.setProperty("credence.db.password", "");
		}
		else {
			System.setProperty("credence.db.ephemeral", "true");
			System.setProperty("credence.db.url", "");
		}
		System.setProperty("credence.demo.enabled", "false");
		System.setProperty("credence.data-dir", Files.createTempDirectory("credence-bench").toString());
		System.setProperty("credence.admin-password", "bench-admin-password-1");
		System.setProperty("server.port", System.getProperty("bench.port", "0"));
		System.setProperty("logging.level.root", "warn");
		System.setProperty("logging.level.org.credence", "warn");
		// the schemas each module's first migration creates, the generated key, springdoc
		System.setProperty("logging.level.org.flywaydb", "error");
		System.setProperty("logging.level.org.credence.identity.crypto", "error");
		System.setProperty("logging.level.org.springdoc", "error");
		System.setProperty("credence.assessment.nightly-cron", "-");
		return profiled;
	}

	/** Everything between the application's start and its close; the exit code. */
	private static int run(Settings settings, ConfigurableApplicationContext app, Path work, long booting)
			throws Exception {
		String baseUrl = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
		HikariDataSource dataSource = app.getBean(HikariDataSource.class);
		System.out.printf("Application started in %.1f s on %s (database %s, pool of %d connections)%n",
				seconds(booting), baseUrl, dataSource.getJdbcUrl(), dataSource.getMaximumPoolSize());
		LocalDate today = LocalDate.now(app.getBean(Clock.class));
		CurrentUser currentUser = app.getBean(CurrentUser.class);

		long generating = System.nanoTime();
		CreditCheckPortfolio.Generated portfolio = CreditCheckPortfolio.generate(dataSource, settings.customers(),
				settings.hot(), today);
		System.out.printf(
				"Generated %,d customers with a credit line each (%s CNY in all), %,d open invoices (%,d overdue, "
						+ "%s CNY open) in %.1f s%n",
				portfolio.customers(), portfolio.limits().toPlainString(), portfolio.invoices(),
				portfolio.overdueInvoices(), portfolio.open().toPlainString(), seconds(generating));
		long rebuilding = System.nanoTime();
		Exposures exposures = app.getBean(Exposures.class);
		int rebuilt = currentUser.asSystem(() -> exposures.rebuild(null));
		System.out.printf("Exposures.rebuild(null): %,d positions in %.1f s%n", rebuilt, seconds(rebuilding));
		execute(dataSource, "vacuum analyze exposure.position");

		Users users = app.getBean(Users.class);
		IssuedToken token = currentUser.asSystem(() -> {
			users.create(new NewUser(USER, "Benchmark order system", null, Set.of(Role.ORDER_SYSTEM), PASSWORD));
			return users.issueToken(USER, "credit-check benchmark", null);
		});
		String bearer = "Bearer " + token.token();
		String basic = "Basic "
				+ Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		List<String> codes = CreditCheckPortfolio.codes(settings.customers());
		List<String> hotCodes = codes.subList(0, settings.hot());

		String probe = probe(baseUrl, bearer, basic, codes.get(codes.size() - 1));
		System.out.println(probe);

		try (CpuSampler cpu = new CpuSampler(backendPid(dataSource))) {
			Map<String, Latencies> floors = new LinkedHashMap<>();
			Map<String, CpuSampler.Usage> floorCpu = new LinkedHashMap<>();
			String runId = Long.toString(System.currentTimeMillis(), 36);
			Path gatlingSettings = work.resolve("gatling.properties");
			Path resultsFile = work.resolve("gatling-results.properties");
			Files.deleteIfExists(resultsFile);
			writeGatlingSettings(settings, gatlingSettings, work.resolve("customers.txt"), resultsFile, baseUrl,
					settings.basicAuth() ? basic : bearer, codes, hotCodes, runId);
			if (settings.statements()) {
				execute(dataSource, "create extension if not exists pg_stat_statements");
				execute(dataSource, "select pg_stat_statements_reset()");
			}
			Path report = runGatling(gatlingSettings, work.resolve("gatling.log"),
					settings.warmUp() + (long) settings.seconds() * settings.phases().size() + 300, cpu);
			Properties measured = new Properties();
			if (Files.exists(resultsFile)) {
				try (var reader = Files.newBufferedReader(resultsFile)) {
					measured.load(reader);
				}
			}
			// after the application: run before it, the floor cost the application's run
			// about a fifth of its rate (its JVM and tables used by another load first)
			if (settings.floor()) {
				compact(dataSource);
				floors(settings, dataSource, codes, hotCodes, today, cpu, floors, floorCpu);
			}
			return report(settings, dataSource, work, measured, runId, floors, floorCpu, cpu, probe, report);
		}
	}

	/** The JDBC floor, after a short warm-up, each scenario in turn. */
	private static void floors(Settings settings, DataSource dataSource, List<String> codes, List<String> hotCodes,
			LocalDate today, CpuSampler cpu, Map<String, Latencies> floors, Map<String, CpuSampler.Usage> floorCpu)
			throws SQLException, InterruptedException {
		HikariConfig config = new HikariConfig();
		config.setPoolName("floor");
		HikariDataSource app = (HikariDataSource) dataSource;
		config.setJdbcUrl(app.getJdbcUrl());
		config.setUsername(app.getUsername());
		config.setPassword(app.getPassword());
		config.setMaximumPoolSize(settings.clients());
		try (HikariDataSource floorSource = new HikariDataSource(config)) {
			// the driver's and the server's plans warmed up, not counted
			CreditCheckFloor.run(floorSource, codes, settings.clients(), Math.min(5, settings.warmUp()),
					settings.maxChecks(), MIN_CENTS, MAX_CENTS, "floor-warm-up-", today);
			for (String phase : settings.phases()) {
				CpuSampler.Sample before = cpu.now();
				Latencies result = CreditCheckFloor.run(floorSource, "hot".equals(phase) ? hotCodes : codes,
						settings.clients(), settings.seconds(), settings.maxChecks(), MIN_CENTS, MAX_CENTS,
						"floor-" + phase + "-", today);
				floors.put(phase, result);
				floorCpu.put(phase, CpuSampler.usage(before, cpu.now()));
				System.out.printf(
						"Floor %s: %,d checks in %.1f s, %,.0f checks/s, p50 %.2f ms, p95 %.2f ms, " + "p99 %.2f ms%n",
						phase, result.count(), result.seconds(), result.perSecond(), result.p50(), result.p95(),
						result.p99());
			}
		}
	}

	private static void writeGatlingSettings(Settings settings, Path file, Path customerFile, Path resultsFile,
			String baseUrl, String authorization, List<String> codes, List<String> hotCodes, String runId)
			throws IOException {
		Files.write(customerFile, codes);
		Properties gatling = new Properties();
		gatling.setProperty("baseUrl", baseUrl);
		gatling.setProperty("authorization", authorization);
		gatling.setProperty("customersFile", customerFile.toString());
		gatling.setProperty("hotCustomers", String.join(",", hotCodes));
		gatling.setProperty("clients", Integer.toString(settings.clients()));
		gatling.setProperty("warmUpSeconds", Integer.toString(settings.warmUp()));
		gatling.setProperty("seconds", Integer.toString(settings.seconds()));
		gatling.setProperty("phases", String.join(",", settings.phases()));
		gatling.setProperty("maxChecks", Long.toString(settings.maxChecks()));
		gatling.setProperty("amountMinCents", Integer.toString(MIN_CENTS));
		gatling.setProperty("amountMaxCents", Integer.toString(MAX_CENTS));
		gatling.setProperty("release", Boolean.toString(settings.release()));
		gatling.setProperty("runId", runId);
		gatling.setProperty("resultsFile", resultsFile.toString());
		try (Writer writer = Files.newBufferedWriter(file)) {
			gatling.store(writer, "written by CreditCheckBench for CreditCheckSimulation");
		}
	}

	/**
	 * Prints the table (and writes it to {@code result.md}): per scenario the application
	 * as Gatling measured it beside the floor, then the decisions stored, where the CPU
	 * went, and whether the target is met. Returns 1 when a check failed or Gatling's
	 * count differs from the checks stored.
	 */
	private static int report(Settings settings, DataSource dataSource, Path work, Properties measured, String runId,
			Map<String, Latencies> floors, Map<String, CpuSampler.Usage> floorCpu, CpuSampler cpu, String probe,
			@Nullable Path report) throws IOException, SQLException {
		List<String> rows = new ArrayList<>();
		rows.add("| scenario (" + settings.clients() + " clients) | checks | checks/s | p50 ms | p95 ms | p99 ms "
				+ "| floor checks/s | app ÷ floor |");
		rows.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
		List<String> notes = new ArrayList<>();
		boolean failed = false;
		for (String phase : settings.phases()) {
			if (measured.getProperty(phase + ".ok") == null) {
				notes.add(phase + ": no figures from Gatling (see " + work.resolve("gatling.log") + ")");
				failed = true;
				continue;
			}
			long ok = Long.parseLong(measured.getProperty(phase + ".ok"));
			long ko = Long.parseLong(measured.getProperty(phase + ".ko"));
			double window = Double.parseDouble(measured.getProperty(phase + ".seconds"));
			double rate = window > 0 ? ok / window : 0;
			int p99 = Integer.parseInt(measured.getProperty(phase + ".p99"));
			Latencies floor = floors.get(phase);
			rows.add(String.format("| %s: application over HTTP (Gatling) | %,d | %,.0f | %s | %s | %d | %s | %s |",
					phase, ok, rate, measured.getProperty(phase + ".p50"), measured.getProperty(phase + ".p95"), p99,
					floor == null ? "—" : String.format("%,.0f", floor.perSecond()),
					floor == null ? "—" : String.format("%.2f", rate / floor.perSecond())));
			if (floor != null) {
				rows.add(String.format("| %s: JDBC floor | %,d | %,.0f | %.1f | %.1f | %.1f | | |", phase,
						floor.count(), floor.perSecond(), floor.p50(), floor.p95(), floor.p99()));
			}
			Map<String, Long> decisions = decisions(dataSource, "g-" + phase + "-" + runId + "-");
			notes.add(String.format(
					"%s: %,d checks answered, %,d failed, in %.1f s (first sent to last answered, Gatling); "
							+ "stored checks by decision %s; slowest %s ms",
					phase, ok, ko, window, decisions, measured.getProperty(phase + ".max")));
			long stored = decisions.values().stream().mapToLong(Long::longValue).sum();
			if (ko > 0 || stored != ok) {
				failed = true;
			}
			cpu.between(Long.parseLong(measured.getProperty(phase + ".from")),
					Long.parseLong(measured.getProperty(phase + ".to")))
				.ifPresent(usage -> notes.add(String.format("%s, application: %s", phase, usage.describe(rate))));
			if (floor != null) {
				notes.add(String.format("%s, JDBC floor: %s", phase,
						floorCpu.get(phase).describe(floor.perSecond()).replace("application JVM", "floor's JVM")));
			}
			boolean met = rate >= 1000 && p99 <= 50 && (floor == null || rate >= floor.perSecond() / 2);
			notes.add(String.format("%s target (≥ 1,000 checks/s, p99 ≤ 50 ms, ≥ half the floor): %s", phase,
					met ? "met" : "NOT met"));
		}
		if (settings.statements()) {
			long checks = 0;
			for (String phase : settings.phases()) {
				checks += Long.parseLong(measured.getProperty(phase + ".ok", "0"))
						+ Long.parseLong(measured.getProperty(phase + ".ko", "0"));
			}
			checks += Long.parseLong(measured.getProperty("warm-up.ok", "0"))
					+ Long.parseLong(measured.getProperty("warm-up.ko", "0"));
			notes.addAll(topStatements(dataSource, checks));
		}
		StringBuilder out = new StringBuilder();
		out.append('\n').append(settings.describe()).append(":\n\n");
		rows.forEach(row -> out.append(row).append('\n'));
		out.append('\n');
		notes.forEach(note -> out.append(note).append('\n'));
		out.append(probe).append('\n');
		if (report != null) {
			out.append("Gatling report: ").append(report.resolve("index.html")).append('\n');
		}
		System.out.print(out);
		Files.writeString(work.resolve("result.md"), out.toString());
		return failed ? 1 : 0;
	}

	private static void execute(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/**
	 * One client, one check at a time, 100 times with each way of authenticating: what
	 * one check costs with an API token and with HTTP Basic (a BCrypt hash per request).
	 */
	private static String probe(String baseUrl, String bearer, String basic, String customer)
			throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		Map<String, Latencies> results = new LinkedHashMap<>();
		for (int round = 0; round < 2; round++) {
			for (String auth : List.of(bearer, basic)) {
				int count = 100;
				long[] nanos = new long[count];
				long start = System.nanoTime();
				for (int i = 0; i < count; i++) {
					String orderRef = "probe-" + round + "-" + auth.substring(0, 5) + "-" + i;
					HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/credit-checks"))
						.header("Authorization", auth)
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("{\"customerCode\":\"" + customer
								+ "\",\"orderRef\":\"" + orderRef + "\",\"amount\":1.00,\"currency\":\"CNY\"}"))
						.build();
					long began = System.nanoTime();
					HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
					nanos[i] = System.nanoTime() - began;
					if (response.statusCode() != 200) {
						throw new IllegalStateException(
								"Credit check answered " + response.statusCode() + ": " + response.body());
					}
				}
				// the first round warms up; the second is kept
				results.put(auth.substring(0, auth.indexOf(' ')), Latencies.of(nanos, seconds(start)));
			}
		}
		Latencies token = results.get("Bearer");
		Latencies password = results.get("Basic");
		return String.format(
				"One client, one check at a time (100 each): API token p50 %.1f ms (%,.0f checks/s), HTTP Basic "
						+ "p50 %.1f ms (%,.0f checks/s)",
				token.p50(), token.perSecond(), password.p50(), password.perSecond());
	}

	/**
	 * Rewrites the tables a check writes, so that the floor starts from compact tables as
	 * the application did, not from the dead rows its run left.
	 */
	private static void compact(DataSource dataSource) throws SQLException {
		execute(dataSource, "vacuum full analyze exposure.position");
		execute(dataSource, "vacuum full analyze exposure.credit_check");
	}

	/**
	 * The statements that took the server's time during the Gatling run (warm-up
	 * included), per check sent.
	 */
	private static List<String> topStatements(DataSource dataSource, long checks) throws SQLException {
		List<String> lines = new ArrayList<>();
		lines.add(String.format("%npg_stat_statements over the Gatling run (%,d checks, warm-up included):%n", checks));
		lines.add("| statement | calls per check | mean ms | total s |");
		lines.add("| --- | ---: | ---: | ---: |");
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(
						"""
								select regexp_replace(query, '\\s+', ' ', 'g') as query, calls, mean_exec_time, total_exec_time
								from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
								order by total_exec_time desc limit 15
								""")) {
			while (rs.next()) {
				String query = rs.getString("query");
				lines.add(String.format("| `%s` | %.2f | %.3f | %.1f |",
						query.length() > 140 ? query.substring(0, 140) + "…" : query,
						rs.getLong("calls") / (double) Math.max(1, checks), rs.getDouble("mean_exec_time"),
						rs.getDouble("total_exec_time") / 1000));
			}
		}
		return lines;
	}

	private static long backendPid(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select pg_backend_pid()")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static Map<String, Long> decisions(DataSource dataSource, String prefix) throws SQLException {
		Map<String, Long> decisions = new LinkedHashMap<>();
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement("""
						select decision, count(*) from exposure.credit_check
						where starts_with(order_ref, ?) group by decision order by decision
						""")) {
			statement.setString(1, prefix);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					decisions.put(rs.getString(1), rs.getLong(2));
				}
			}
		}
		return decisions;
	}

	/**
	 * Runs the simulation with the Gatling Maven plugin in its own JVM (this JVM runs
	 * under Maven's lock already), waits for it at most {@code timeoutSeconds}, and
	 * returns its report folder (absent when it wrote none).
	 */
	private static @Nullable Path runGatling(Path settings, Path log, long timeoutSeconds, CpuSampler cpu)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("./mvnw", "-B", "-q"));
		if (!"false".equals(System.getProperty("bench.offline"))) {
			command.add("-o");
		}
		command.addAll(List.of("-Pbench", "gatling:test",
				"-Dgatling.simulationClass=org.credence.bench.CreditCheckSimulation"));
		System.out.printf("Running Gatling (%s), output in %s%n", String.join(" ", command), log);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("CREDENCE_BENCH_GATLING", settings.toString());
		Process gatling = builder.start();
		cpu.loadGenerator(gatling.toHandle());
		if (!gatling.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
			gatling.descendants().forEach(ProcessHandle::destroy);
			gatling.destroy();
			throw new IllegalStateException("Gatling ran longer than " + timeoutSeconds + " s; see " + log);
		}
		if (gatling.exitValue() != 0) {
			System.out.println("Gatling exited with " + gatling.exitValue() + "; the end of " + log + ":");
			List<String> lines = Files.readAllLines(log);
			lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.out::println);
		}
		// the newest report
		try (var reports = Files.list(Path.of("target", "gatling").toAbsolutePath())) {
			return reports.filter(path -> path.getFileName().toString().startsWith("creditchecksimulation-"))
				.max(Comparator.comparing(path -> path.getFileName().toString()))
				.orElse(null);
		}
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

}
