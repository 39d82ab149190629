package org.credence.bench;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

/**
 * The floor of a credit check: the least work any implementation must do, done directly
 * on the same database with plain JDBC, by as many threads as the load has clients, each
 * on its own connection. Per check, in one transaction: lock the customer's
 * {@code exposure.position} row ({@code SELECT … FOR UPDATE}), read its figures, decide
 * (the limit less open invoices, open orders and reservations against the amount), insert
 * the check into {@code exposure.credit_check}, add the amount to {@code reserved},
 * commit. No HTTP, no JSON, no security, no rules beyond the limit.
 */
final class CreditCheckFloor {

	private static final String LOCK = """
			select line_limit, due_amounts, order_amounts, unapplied_cash, reserved
			from exposure.position where customer_code = ? for update
			""";

	private static final String INSERT = """
			insert into exposure.credit_check (order_ref, customer_code, amount, currency, company_amount, decision,
			  reasons, exposure, limit_amount, available, reserved, reservation, expires_on, checked_at, checked_by)
			values (?, ?, ?, 'CNY', ?, ?, '[]'::jsonb, ?, ?, ?, ?, ?, ?, now(), 'bench.floor')
			""";

	private static final String RESERVE = "update exposure.position set reserved = reserved + ? where customer_code = ?";

	private CreditCheckFloor() {
	}

	/**
	 * Runs checks from {@code clients} threads for {@code seconds} (or until
	 * {@code maxChecks} were made), each for a random customer of those given and an
	 * amount between {@code minCents} and {@code maxCents}, with order references
	 * starting with {@code prefix}.
	 */
	static Latencies run(DataSource dataSource, List<String> customers, int clients, int seconds, long maxChecks,
			int minCents, int maxCents, String prefix, LocalDate today) throws InterruptedException {
		AtomicLong sequence = new AtomicLong();
		long[][] perThread = new long[clients][];
		int[] counts = new int[clients];
		List<Thread> threads = new ArrayList<>();
		List<Throwable> failures = new CopyOnWriteArrayList<>();
		long start = System.nanoTime();
		long end = start + seconds * 1_000_000_000L;
		for (int t = 0; t < clients; t++) {
			int index = t;
			Thread thread = new Thread(() -> {
				long[] times = new long[1 << 14];
				int n = 0;
				ThreadLocalRandom random = ThreadLocalRandom.current();
				try (Connection connection = dataSource.getConnection();
						PreparedStatement lock = connection.prepareStatement(LOCK);
						PreparedStatement insert = connection.prepareStatement(INSERT);
						PreparedStatement reserve = connection.prepareStatement(RESERVE)) {
					connection.setAutoCommit(false);
					while (System.nanoTime() < end) {
						long number = sequence.incrementAndGet();
						if (number > maxChecks) {
							break;
						}
						String customer = customers.get(random.nextInt(customers.size()));
						BigDecimal amount = BigDecimal.valueOf(minCents + random.nextInt(maxCents - minCents + 1), 2);
						long began = System.nanoTime();
						check(connection, lock, insert, reserve, prefix + number, customer, amount, today);
						if (n == times.length) {
							times = Arrays.copyOf(times, n * 2);
						}
						times[n++] = System.nanoTime() - began;
					}
				}
				catch (SQLException | RuntimeException ex) {
					failures.add(ex);
				}
				perThread[index] = times;
				counts[index] = n;
			}, "floor-" + t);
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		if (!failures.isEmpty()) {
			throw new IllegalStateException("The floor failed", failures.get(0));
		}
		int total = Arrays.stream(counts).sum();
		long[] all = new long[total];
		int at = 0;
		for (int t = 0; t < clients; t++) {
			System.arraycopy(perThread[t], 0, all, at, counts[t]);
			at += counts[t];
		}
		return Latencies.of(all, elapsed);
	}

	private static void check(Connection connection, PreparedStatement lock, PreparedStatement insert,
			PreparedStatement reserve, String orderRef, String customer, BigDecimal amount, LocalDate today)
			throws SQLException {
		BigDecimal limit;
		BigDecimal exposure;
		lock.setString(1, customer);
		try (ResultSet rs = lock.executeQuery()) {
			if (!rs.next()) {
				throw new IllegalStateException("No position for " + customer);
			}
			limit = rs.getBigDecimal("line_limit");
			exposure = sum(rs.getArray("due_amounts")).add(sum(rs.getArray("order_amounts")))
				.subtract(rs.getBigDecimal("unapplied_cash"))
				.add(rs.getBigDecimal("reserved"));
		}
		BigDecimal available = limit == null ? null : limit.subtract(exposure);
		boolean approved = available != null && amount.compareTo(available) <= 0;
		BigDecimal reserved = approved ? amount : BigDecimal.ZERO.setScale(2);
		insert.setString(1, orderRef);
		insert.setString(2, customer);
		insert.setBigDecimal(3, amount);
		insert.setBigDecimal(4, amount);
		insert.setString(5, approved ? "APPROVED" : "BLOCKED");
		insert.setBigDecimal(6, exposure);
		insert.setBigDecimal(7, limit);
		insert.setBigDecimal(8, available);
		insert.setBigDecimal(9, reserved);
		insert.setString(10, approved ? "ACTIVE" : "NONE");
		insert.setDate(11, approved ? Date.valueOf(today.plusDays(14)) : null);
		insert.executeUpdate();
		reserve.setBigDecimal(1, reserved);
		reserve.setString(2, customer);
		reserve.executeUpdate();
		connection.commit();
	}

	private static BigDecimal sum(Array array) throws SQLException {
		BigDecimal sum = BigDecimal.ZERO;
		for (Object value : (Object[]) array.getArray()) {
			sum = sum.add((BigDecimal) value);
		}
		return sum;
	}

	/** Checks made, the seconds they took, and their latency percentiles. */
	record Latencies(long count, double seconds, double p50, double p95, double p99) {

		double perSecond() {
			return this.count / this.seconds;
		}

		/** From each check's duration in nanoseconds; percentiles in milliseconds. */
		static Latencies of(long[] nanos, double seconds) {
			Arrays.sort(nanos);
			return new Latencies(nanos.length, seconds, percentile(nanos, 50), percentile(nanos, 95),
					percentile(nanos, 99));
		}

		private static double percentile(long[] sorted, double percent) {
			if (sorted.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
			return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
		}

	}

}
