package org.credence.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Where the machine's CPU goes while the benchmark runs (Linux only): samples, a few
 * times a second, the CPU time used so far by this JVM (the application, and the JDBC
 * floor's threads), by the PostgreSQL server (its postmaster and every process under it:
 * on the machine's server that includes other databases' sessions), by the load
 * generator's processes (Maven and the Gatling JVM it forks), and by the whole machine,
 * from {@code /proc}. Between two instants it tells how many cores each used, which shows
 * whether the two cores are saturated and by whom.
 */
final class CpuSampler implements AutoCloseable {

	private static final double TICKS_PER_SECOND = 100;

	private static final Path PROC = Path.of("/proc");

	private final long postmaster;

	private final List<Sample> samples = new ArrayList<>();

	private final Thread thread;

	private volatile Supplier<Stream<ProcessHandle>> loadGenerator = Stream::empty;

	private volatile boolean running = true;

	/**
	 * @param backend the process id of any session of the PostgreSQL server
	 */
	CpuSampler(long backend) {
		this.postmaster = parent(backend);
		this.thread = new Thread(this::sample, "cpu-sampler");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** The processes of the load generator from now on: this one and its descendants. */
	void loadGenerator(ProcessHandle process) {
		this.loadGenerator = () -> Stream.concat(Stream.of(process), process.descendants());
	}

	/** CPU time used so far, in seconds of one core, and the wall clock, in ms. */
	record Sample(long atMillis, double application, double postgres, double loadGenerator, double machineBusy) {
	}

	/** Cores in use on average between two instants (epoch milliseconds). */
	record Usage(double application, double postgres, double loadGenerator, double machine) {

		double other() {
			return Math.max(0, this.machine - this.application - this.postgres - this.loadGenerator);
		}

		String describe(double checksPerSecond) {
			return String.format(
					"%.2f cores busy: application JVM %.2f (%.2f ms CPU per check), PostgreSQL %.2f (%.2f ms), "
							+ "load generator %.2f (%.2f ms), other processes %.2f",
					this.machine, this.application, perCheck(this.application, checksPerSecond), this.postgres,
					perCheck(this.postgres, checksPerSecond), this.loadGenerator,
					perCheck(this.loadGenerator, checksPerSecond), other());
		}

		private static double perCheck(double cores, double checksPerSecond) {
			return checksPerSecond > 0 ? cores * 1000 / checksPerSecond : Double.NaN;
		}

	}

	Sample now() {
		long self = ProcessHandle.current().pid();
		double application = cpu(self);
		double postgres = ProcessHandle.of(this.postmaster)
			.map(p -> Stream.concat(Stream.of(p), p.descendants()).mapToDouble(d -> cpu(d.pid())).sum())
			.orElse(0.0);
		double generator = this.loadGenerator.get().mapToDouble(p -> cpu(p.pid())).sum();
		return new Sample(System.currentTimeMillis(), application, postgres, generator, machineBusy());
	}

	/** Average use between two instants, from the samples nearest inside them. */
	Optional<Usage> between(long fromMillis, long toMillis) {
		Sample first = null;
		Sample last = null;
		synchronized (this.samples) {
			for (Sample sample : this.samples) {
				if (sample.atMillis() >= fromMillis && first == null) {
					first = sample;
				}
				if (sample.atMillis() <= toMillis) {
					last = sample;
				}
			}
		}
		if (first == null || last == null || last.atMillis() - first.atMillis() < 500) {
			return Optional.empty();
		}
		return Optional.of(usage(first, last));
	}

	static Usage usage(Sample first, Sample last) {
		double seconds = (last.atMillis() - first.atMillis()) / 1000.0;
		return new Usage((last.application() - first.application()) / seconds,
				(last.postgres() - first.postgres()) / seconds,
				(last.loadGenerator() - first.loadGenerator()) / seconds,
				(last.machineBusy() - first.machineBusy()) / seconds);
	}

	private void sample() {
		while (this.running) {
			Sample sample = now();
			synchronized (this.samples) {
				this.samples.add(sample);
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.thread.interrupt();
	}

	private static long parent(long pid) {
		try {
			String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
			return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** User and system CPU time of a process so far, in seconds; 0 once it is gone. */
	private static double cpu(long pid) {
		try {
			String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
			// the command in parentheses may hold spaces: the fields start after it
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/** CPU time every core of the machine spent busy so far, in seconds. */
	private static double machineBusy() {
		try {
			String[] cpu = Files.readAllLines(PROC.resolve("stat")).get(0).trim().split("\\s+");
			long busy = 0;
			for (int i = 1; i < cpu.length && i <= 7; i++) {
				// user, nice, system, irq, softirq; not idle (4) or iowait (5), nor steal
				// (8,
				// time the hypervisor gave to others)
				if (i != 4 && i != 5) {
					busy += Long.parseLong(cpu[i]);
				}
			}
			return busy / TICKS_PER_SECOND;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

}
