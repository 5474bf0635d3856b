package org.safesteps.platform;

import java.util.List;
import java.util.Optional;

/**
 * The {@code page} (from 0) and {@code size} query parameters every list endpoint takes.
 */
public record PageRequest(int page, int size) {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 100;

	static final int MAX_PAGE = 10_000;

	/** Reads the parameters, adding a field error for each invalid one to {@code errors}. */
	public static PageRequest parse(Optional<String> page, Optional<String> size, List<ApiProblem.FieldError> errors) {
		return new PageRequest(QueryParameters.integer("page", page, 0, 0, MAX_PAGE, errors),
				QueryParameters.integer("size", size, DEFAULT_SIZE, 1, MAX_SIZE, errors));
	}

	public long skip() {
		return (long) this.page * this.size;
	}

}
