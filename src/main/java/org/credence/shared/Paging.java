package org.credence.shared;

/**
 * Which page of a list to return: zero-based {@code page}, {@code size} from 1 to 500
 * (the public API's limit). Out-of-range values are brought into range rather than
 * refused.
 */
public record Paging(int page, int size) {

	public static final int MAX_SIZE = 500;

	public static final int DEFAULT_SIZE = 50;

	public Paging {
		page = Math.max(page, 0);
		size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
	}

	public static Paging of(Integer page, Integer size) {
		return new Paging(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
	}

	public long offset() {
		return (long) this.page * this.size;
	}

}
