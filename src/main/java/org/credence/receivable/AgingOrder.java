package org.credence.receivable;

import java.util.Locale;
import java.util.Optional;

/**
 * The order of the customers of a portfolio aging: by code, name, owner, total, overdue
 * or the amount in one bucket, then by code, so that pages do not overlap.
 *
 * @param bucket the bucket's index when {@code column} is {@link Column#BUCKET}
 */
public record AgingOrder(Column column, int bucket, boolean descending) {

	/** Largest total first: the default. */
	public static final AgingOrder DEFAULT = new AgingOrder(Column.TOTAL, 0, true);

	/** What the customers are ordered by. */
	public enum Column {

		CODE, NAME, OWNER, TOTAL, OVERDUE, BUCKET

	}

	/**
	 * The order a key names: {@code code}, {@code name}, {@code owner}, {@code total},
	 * {@code overdue} or {@code b0}, {@code b1} … (a bucket, counted from the first);
	 * empty when it names none of them.
	 */
	public static Optional<AgingOrder> parse(String key, boolean descending) {
		String k = key.strip().toLowerCase(Locale.ROOT);
		if (k.matches("b\\d{1,2}")) {
			return Optional.of(new AgingOrder(Column.BUCKET, Integer.parseInt(k.substring(1)), descending));
		}
		for (Column column : Column.values()) {
			if (column != Column.BUCKET && column.name().toLowerCase(Locale.ROOT).equals(k)) {
				return Optional.of(new AgingOrder(column, 0, descending));
			}
		}
		return Optional.empty();
	}

	/** The key {@link #parse} reads: {@code total}, {@code b2} … */
	public String key() {
		return this.column == Column.BUCKET ? "b" + this.bucket : this.column.name().toLowerCase(Locale.ROOT);
	}

}
