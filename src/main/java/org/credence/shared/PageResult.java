package org.credence.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, as the public API returns lists: {@code items}, {@code page},
 * {@code size} and the {@code total} number of matches.
 */
public record PageResult<T>(List<T> items, int page, int size, long total) {

	public int totalPages() {
		return this.size == 0 ? 0 : (int) ((this.total + this.size - 1) / this.size);
	}

	public boolean hasNext() {
		return this.page + 1 < totalPages();
	}

	public boolean hasPrevious() {
		return this.page > 0;
	}

	public <R> PageResult<R> map(Function<T, R> mapper) {
		return new PageResult<>(this.items.stream().map(mapper).toList(), this.page, this.size, this.total);
	}

}
