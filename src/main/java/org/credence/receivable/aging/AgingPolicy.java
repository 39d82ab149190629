package org.credence.receivable.aging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.credence.receivable.AgingBasis;
import org.credence.receivable.AgingBucket;
import org.credence.receivable.AgingReport;
import org.credence.receivable.OpenItem;
import org.jspecify.annotations.Nullable;

/**
 * Aging buckets (账龄分段): open amounts sorted by their age in days on the as-of day,
 * counted from the due date (the default) or the invoice date. The buckets are given by
 * their upper bounds; the default {@code 0, 30, 60, 90, 180, 365} makes "not yet due" (0
 * days or fewer), 1–30, 31–60, 61–90, 91–180, 181–365 and over 365 days, as Fineract's
 * delinquency buckets and the usual AR aging report do.
 */
public final class AgingPolicy {

	/** The default bucket bounds. */
	public static final List<Integer> STANDARD = List.of(0, 30, 60, 90, 180, 365);

	private final List<Integer> upperBounds;

	/**
	 * @param upperBounds the last day of every bucket but the open-ended last one,
	 * strictly ascending, the first zero or more
	 * @throws IllegalArgumentException when they are not
	 */
	public AgingPolicy(List<Integer> upperBounds) {
		if (upperBounds.isEmpty() || upperBounds.get(0) < 0) {
			throw new IllegalArgumentException("Aging bucket bounds must start at 0 or more: " + upperBounds);
		}
		for (int i = 1; i < upperBounds.size(); i++) {
			if (upperBounds.get(i) <= upperBounds.get(i - 1)) {
				throw new IllegalArgumentException("Aging bucket bounds must ascend: " + upperBounds);
			}
		}
		this.upperBounds = List.copyOf(upperBounds);
	}

	public static AgingPolicy standard() {
		return new AgingPolicy(STANDARD);
	}

	/** The index of the bucket a number of days falls in. */
	public int bucketOf(long days) {
		for (int i = 0; i < this.upperBounds.size(); i++) {
			if (days <= this.upperBounds.get(i)) {
				return i;
			}
		}
		return this.upperBounds.size();
	}

	/** The age of an item in days on a day. */
	public static long age(OpenItem item, LocalDate asOf, AgingBasis basis) {
		return ChronoUnit.DAYS.between(basis == AgingBasis.DUE ? item.dueDate() : item.issueDate(), asOf);
	}

	/**
	 * The items' company-currency open amounts in buckets, with the total and what is
	 * overdue.
	 */
	public AgingReport report(LocalDate asOf, AgingBasis basis, String currency, List<OpenItem> items) {
		BigDecimal[] amounts = new BigDecimal[this.upperBounds.size() + 1];
		java.util.Arrays.fill(amounts, BigDecimal.ZERO.setScale(2));
		BigDecimal total = BigDecimal.ZERO.setScale(2);
		BigDecimal overdue = BigDecimal.ZERO.setScale(2);
		for (OpenItem item : items) {
			int bucket = bucketOf(age(item, asOf, basis));
			amounts[bucket] = amounts[bucket].add(item.companyOpenAmount());
			total = total.add(item.companyOpenAmount());
			if (item.dueDate().isBefore(asOf)) {
				overdue = overdue.add(item.companyOpenAmount());
			}
		}
		List<AgingBucket> buckets = new ArrayList<>();
		for (int i = 0; i < amounts.length; i++) {
			Integer from = i == 0 ? null : this.upperBounds.get(i - 1) + 1;
			Integer to = i < this.upperBounds.size() ? this.upperBounds.get(i) : null;
			buckets.add(new AgingBucket(label(from, to, basis), from, to, amounts[i]));
		}
		return new AgingReport(asOf, basis, currency, List.copyOf(buckets), total, overdue, items.size());
	}

	/** Adds reports of the same day, basis and buckets, bucket by bucket. */
	public static AgingReport sum(LocalDate asOf, AgingBasis basis, String currency, List<AgingBucket> shape,
			List<AgingReport> reports) {
		List<AgingBucket> buckets = new ArrayList<>();
		for (int i = 0; i < shape.size(); i++) {
			BigDecimal amount = BigDecimal.ZERO.setScale(2);
			for (AgingReport report : reports) {
				amount = amount.add(report.buckets().get(i).amount());
			}
			AgingBucket bucket = shape.get(i);
			buckets.add(new AgingBucket(bucket.label(), bucket.fromDays(), bucket.toDays(), amount));
		}
		BigDecimal total = reports.stream()
			.map(AgingReport::total)
			.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
		BigDecimal overdue = reports.stream()
			.map(AgingReport::overdue)
			.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
		int items = reports.stream().mapToInt(AgingReport::items).sum();
		return new AgingReport(asOf, basis, currency, List.copyOf(buckets), total, overdue, items);
	}

	private static String label(@Nullable Integer from, @Nullable Integer to, AgingBasis basis) {
		if (from == null) {
			return basis == AgingBasis.DUE && to != null && to == 0 ? "not yet due" : "0-" + to;
		}
		if (to == null) {
			return "over " + (from - 1);
		}
		return from + "-" + to;
	}

}
