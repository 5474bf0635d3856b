package org.safesteps.platform;

import java.util.List;

/**
 * One page of a list, the shape every list endpoint answers with.
 *
 * @param page the page number, from 0
 * @param size the most items a page holds
 */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

	/** The requested page of an already sorted list. */
	public static <T> Page<T> of(List<T> all, PageRequest request) {
		int from = (int) Math.min((long) request.page() * request.size(), all.size());
		int to = Math.min(from + request.size(), all.size());
		return new Page<>(List.copyOf(all.subList(from, to)), request.page(), request.size(), all.size(),
				(all.size() + request.size() - 1) / request.size());
	}

	/** A page whose items were fetched by the caller (for example with skip and limit) out of {@code totalItems}. */
	public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
		return new Page<>(List.copyOf(items), request.page(), request.size(), totalItems,
				(int) ((totalItems + request.size() - 1) / request.size()));
	}

}
