package org.credence.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The order system's load on {@code POST /api/v1/credit-checks}, run by
 * {@code bench/credit-check-bench.sh} through {@link CreditCheckBench} against the
 * application it started: a warm-up, then checks spread over every customer, then checks
 * concentrated on a few hot customers, one after the other. Closed model: a fixed number
 * of clients, each virtual user one check of a small amount for a fresh order, all on
 * loopback. Bounded in time (each phase, and the whole run) and in count (a phase stops
 * the run once it has sent its maximum). The settings come from the properties file named
 * by {@code CREDENCE_BENCH_GATLING} (written by {@link CreditCheckBench}); the figures of
 * each phase (checks answered 200 with a decision, failures, the time from the first
 * check sent to the last answer received, response time percentiles) are written to
 * {@code resultsFile} at the end, as the report of Gatling 3.15 keeps them only in HTML.
 */
public class CreditCheckSimulation extends Simulation {

	private final Properties settings = settings();

	private final List<String> customers = customers(Path.of(this.settings.getProperty("customersFile")));

	private final List<String> hot = Arrays.asList(this.settings.getProperty("hotCustomers").split(","));

	private final int clients = Integer.parseInt(this.settings.getProperty("clients", "32"));

	private final long maxChecks = Long.parseLong(this.settings.getProperty("maxChecks", "1000000"));

	private final int minCents = Integer.parseInt(this.settings.getProperty("amountMinCents", "100"));

	private final int maxCents = Integer.parseInt(this.settings.getProperty("amountMaxCents", "2000"));

	private final boolean release = Boolean.parseBoolean(this.settings.getProperty("release", "false"));

	private final String runId = this.settings.getProperty("runId");

	private final Map<String, Figures> figures = new LinkedHashMap<>();

	{
		HttpProtocolBuilder protocol = http.baseUrl(this.settings.getProperty("baseUrl"))
			.header("Authorization", this.settings.getProperty("authorization"))
			.acceptHeader("application/json")
			.contentTypeHeader("application/json")
			// an order system's client keeps a pool of connections; it does not connect
			// anew for every order
			.shareConnections()
			// the default warm-up calls a public web site
			.disableWarmUp();
		int warmUp = Integer.parseInt(this.settings.getProperty("warmUpSeconds", "15"));
		int seconds = Integer.parseInt(this.settings.getProperty("seconds", "30"));
		List<PopulationBuilder> phases = new ArrayList<>();
		for (String phase : this.settings.getProperty("phases", "spread,hot").split(",")) {
			List<String> chosen = "hot".equals(phase) ? this.hot : this.customers;
			phases.add(checks(phase, chosen).injectClosed(constantConcurrentUsers(this.clients).during(seconds)));
		}
		PopulationBuilder run = checks("warm-up", this.customers)
			.injectClosed(constantConcurrentUsers(this.clients).during(warmUp));
		for (int i = phases.size() - 1; i > 0; i--) {
			phases.set(i - 1, phases.get(i - 1).andThen(phases.get(i)));
		}
		if (!phases.isEmpty()) {
			run = run.andThen(phases.get(0));
		}
		setUp(run).protocols(protocol).maxDuration(Duration.ofSeconds(warmUp + (long) seconds * phases.size() + 120));
	}

	/**
	 * One virtual user: one credit check for a random customer of those given, a fresh
	 * order reference and an amount between the minimum and maximum; the order
	 * cancelled (its reservation released) afterwards when {@code release} is set.
	 */
	private ScenarioBuilder checks(String phase, List<String> chosen) {
		AtomicLong sent = new AtomicLong();
		Figures phaseFigures = new Figures();
		this.figures.put(phase, phaseFigures);
		String prefix = "g-" + phase + "-" + this.runId + "-";
		ChainBuilder check = exec(session -> {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			long cents = this.minCents + random.nextInt(this.maxCents - this.minCents + 1);
			phaseFigures.started();
			return session.set("customer", chosen.get(random.nextInt(chosen.size())))
				.set("orderRef", prefix + sent.incrementAndGet())
				.set("amount", cents / 100 + "." + String.format("%02d", cents % 100));
		}).exec(stopLoadGeneratorIf(session -> phase + ": more than " + this.maxChecks + " checks",
				session -> sent.get() > this.maxChecks))
			.exec(http("check " + phase).post("/api/v1/credit-checks")
				.body(StringBody("{\"customerCode\":\"#{customer}\",\"orderRef\":\"#{orderRef}\","
						+ "\"amount\":#{amount},\"currency\":\"CNY\"}"))
				.check(responseTimeInMillis().saveAs("ms"), status().is(200), jsonPath("$.decision").exists()))
			.exec(session -> {
				phaseFigures.answered(session.isFailed() ? -1 : session.getInt("ms"));
				return session;
			});
		if (this.release) {
			check = check.exec(doIf(session -> !session.isFailed())
				.then(exec(http("release " + phase).delete("/api/v1/credit-checks/#{orderRef}")
					.check(status().in(200, 204)))));
		}
		return scenario(phase).exec(check);
	}

	@Override
	public void after() {
		Properties results = new Properties();
		this.figures.forEach((phase, f) -> f.into(phase, results));
		try (Writer writer = Files.newBufferedWriter(Path.of(this.settings.getProperty("resultsFile")))) {
			results.store(writer, "written by CreditCheckSimulation");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What one phase measured: a histogram of response times in whole milliseconds. */
	static final class Figures {

		private static final int MAX_MS = 60_000;

		private final AtomicLongArray histogram = new AtomicLongArray(MAX_MS + 1);

		private final AtomicLong failed = new AtomicLong();

		private final AtomicLong first = new AtomicLong(Long.MAX_VALUE);

		private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);

		private final AtomicLong firstMillis = new AtomicLong(Long.MAX_VALUE);

		private final AtomicLong lastMillis = new AtomicLong(Long.MIN_VALUE);

		void started() {
			this.first.accumulateAndGet(System.nanoTime(), Math::min);
			this.firstMillis.accumulateAndGet(System.currentTimeMillis(), Math::min);
		}

		/** A check answered after {@code ms}, or failed when negative. */
		void answered(int ms) {
			this.last.accumulateAndGet(System.nanoTime(), Math::max);
			this.lastMillis.accumulateAndGet(System.currentTimeMillis(), Math::max);
			if (ms < 0) {
				this.failed.incrementAndGet();
			}
			else {
				this.histogram.incrementAndGet(Math.min(ms, MAX_MS));
			}
		}

		void into(String phase, Properties results) {
			long ok = 0;
			for (int i = 0; i <= MAX_MS; i++) {
				ok += this.histogram.get(i);
			}
			results.setProperty(phase + ".ok", Long.toString(ok));
			results.setProperty(phase + ".ko", Long.toString(this.failed.get()));
			double seconds = ok == 0 ? 0 : (this.last.get() - this.first.get()) / 1e9;
			results.setProperty(phase + ".seconds", Double.toString(seconds));
			// the wall clock, for the CPU figures another process sampled meanwhile
			results.setProperty(phase + ".from", Long.toString(this.firstMillis.get()));
			results.setProperty(phase + ".to", Long.toString(this.lastMillis.get()));
			for (int percent : new int[] { 50, 95, 99 }) {
				results.setProperty(phase + ".p" + percent, Integer.toString(percentile(ok, percent)));
			}
			results.setProperty(phase + ".max", Integer.toString(percentile(ok, 100)));
		}

		private int percentile(long count, int percent) {
			long rank = Math.max(1, (long) Math.ceil(count * percent / 100.0));
			long seen = 0;
			for (int i = 0; i <= MAX_MS; i++) {
				seen += this.histogram.get(i);
				if (seen >= rank) {
					return i;
				}
			}
			return -1;
		}

	}

	private static Properties settings() {
		String file = System.getenv("CREDENCE_BENCH_GATLING");
		if (file == null) {
			throw new IllegalStateException("CREDENCE_BENCH_GATLING names no settings file: run bench/credit-check-bench.sh");
		}
		Properties settings = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of(file))) {
			settings.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return settings;
	}

	private static List<String> customers(Path file) {
		try {
			return Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
