package dev.baton.platform;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list answer: {@code ?page=0&size=50}, numbered from zero.
 */
public record Page<T>(List<T> items, int page, int size, long totalItems) {

	public static final int MAX_SIZE = 200;

	public Page {
		items = List.copyOf(items);
	}

	public int totalPages() {
		return size == 0 ? 0 : (int) ((totalItems + size - 1) / size);
	}

	public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
		return new Page<>(items.stream().<R>map(mapper).toList(), page, size, totalItems);
	}

	/** A checked page request. */
	public record Request(int page, int size) {

		public Request {
			if (page < 0) {
				throw BatonException.invalid("page", "must be 0 or more");
			}
			if (size < 1 || size > MAX_SIZE) {
				throw BatonException.invalid("size", "must be between 1 and " + MAX_SIZE);
			}
		}

		public long offset() {
			return (long) page * size;
		}
	}
}
