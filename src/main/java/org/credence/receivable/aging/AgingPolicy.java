package org.credence.receivable.aging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.credence.receivable.AgingBasis;
import org.credence.receivable.AgingBucket;
import org.credence.receivable.AgingReport;
import org.credence.receivable.CurrencyAging;
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

	private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	private final List<Integer> upperBounds;

	/** The buckets of each basis with their labels, amounts zero. */
	private final Map<AgingBasis, List<AgingBucket>> shapes = new EnumMap<>(AgingBasis.class);

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
		for (AgingBasis basis : AgingBasis.values()) {
			List<AgingBucket> buckets = new ArrayList<>();
			for (int i = 0; i <= this.upperBounds.size(); i++) {
				Integer from = i == 0 ? null : this.upperBounds.get(i - 1) + 1;
				Integer to = i < this.upperBounds.size() ? this.upperBounds.get(i) : null;
				buckets.add(new AgingBucket(label(from, to, basis), from, to, ZERO));
			}
			this.shapes.put(basis, List.copyOf(buckets));
		}
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

	/** The upper bounds of every bucket but the last, ascending. */
	public List<Integer> upperBounds() {
		return this.upperBounds;
	}

	/** The buckets of a basis with their labels and bounds, amounts zero. */
	public List<AgingBucket> shape(AgingBasis basis) {
		return this.shapes.get(basis);
	}

	/** How many buckets there are: one more than bounds. */
	public int buckets() {
		return this.upperBounds.size() + 1;
	}

	/**
	 * The items' open amounts in buckets, with the total and what is overdue: in company
	 * currency and per document currency.
	 */
	public AgingReport report(LocalDate asOf, AgingBasis basis, String currency, List<OpenItem> items) {
		Map<String, Amounts> byCurrency = new TreeMap<>();
		for (OpenItem item : items) {
			int bucket = bucketOf(age(item, asOf, basis));
			byCurrency.computeIfAbsent(item.currency(), c -> new Amounts(buckets()))
				.add(bucket, item.openAmount(), item.companyOpenAmount(), item.dueDate().isBefore(asOf), 1);
		}
		return report(asOf, basis, currency, byCurrency);
	}

	/**
	 * Adds up rows of the same day and basis, bucketed by this policy (one or many
	 * customers), into one report.
	 */
	public AgingReport summarise(LocalDate asOf, AgingBasis basis, String currency, Collection<AgingRow> rows) {
		Map<String, Amounts> byCurrency = new TreeMap<>();
		for (AgingRow row : rows) {
			Amounts amounts = byCurrency.computeIfAbsent(row.currency(), c -> new Amounts(buckets()));
			List<BigDecimal> document = row.documentBuckets();
			List<BigDecimal> company = row.companyBuckets();
			for (int i = 0; i < document.size(); i++) {
				// most of a customer's buckets are empty: no addition for them
				if (document.get(i).signum() != 0 || company.get(i).signum() != 0) {
					amounts.add(i, document.get(i), company.get(i), false, 0);
				}
			}
			amounts.documentOverdue = amounts.documentOverdue.add(row.documentOverdue());
			amounts.companyOverdue = amounts.companyOverdue.add(row.companyOverdue());
			amounts.items += row.items();
		}
		return report(asOf, basis, currency, byCurrency);
	}

	private AgingReport report(LocalDate asOf, AgingBasis basis, String currency, Map<String, Amounts> byCurrency) {
		Amounts company = new Amounts(buckets());
		List<CurrencyAging> currencies = new ArrayList<>();
		byCurrency.forEach((code, amounts) -> {
			for (int i = 0; i < buckets(); i++) {
				company.company[i] = company.company[i].add(amounts.company[i]);
			}
			company.companyOverdue = company.companyOverdue.add(amounts.companyOverdue);
			company.items += amounts.items;
			currencies.add(new CurrencyAging(code, shape(basis, amounts.document), sum(amounts.document),
					amounts.documentOverdue, amounts.items));
		});
		return new AgingReport(asOf, basis, currency, shape(basis, company.company), sum(company.company),
				company.companyOverdue, company.items, List.copyOf(currencies));
	}

	private List<AgingBucket> shape(AgingBasis basis, BigDecimal[] amounts) {
		List<AgingBucket> empty = this.shapes.get(basis);
		List<AgingBucket> buckets = new ArrayList<>(amounts.length);
		for (int i = 0; i < amounts.length; i++) {
			AgingBucket bucket = empty.get(i);
			buckets.add(new AgingBucket(bucket.label(), bucket.fromDays(), bucket.toDays(), amounts[i]));
		}
		return List.copyOf(buckets);
	}

	private static BigDecimal sum(BigDecimal[] amounts) {
		BigDecimal total = ZERO;
		for (BigDecimal amount : amounts) {
			total = total.add(amount);
		}
		return total;
	}

	/** Running sums of one currency. */
	private static final class Amounts {

		final BigDecimal[] document;

		final BigDecimal[] company;

		BigDecimal documentOverdue = ZERO;

		BigDecimal companyOverdue = ZERO;

		int items;

		Amounts(int buckets) {
			this.document = new BigDecimal[buckets];
			this.company = new BigDecimal[buckets];
			Arrays.fill(this.document, ZERO);
			Arrays.fill(this.company, ZERO);
		}

		void add(int bucket, BigDecimal documentAmount, BigDecimal companyAmount, boolean overdue, int count) {
			this.document[bucket] = this.document[bucket].add(documentAmount);
			this.company[bucket] = this.company[bucket].add(companyAmount);
			if (overdue) {
				this.documentOverdue = this.documentOverdue.add(documentAmount);
				this.companyOverdue = this.companyOverdue.add(companyAmount);
			}
			this.items += count;
		}

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
