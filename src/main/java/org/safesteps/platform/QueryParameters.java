package org.safesteps.platform;

import java.util.List;
import java.util.Optional;

/** Parses query parameters, collecting a field error for each invalid one instead of failing on the first. */
public final class QueryParameters {

	private QueryParameters() {
	}

	/** A whole number within bounds, or {@code fallback} when the parameter is absent. */
	public static int integer(String name, Optional<String> value, int fallback, int min, int max,
			List<ApiProblem.FieldError> errors) {
		if (value.isEmpty()) {
			return fallback;
		}
		try {
			int number = Integer.parseInt(value.get());
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		errors.add(new ApiProblem.FieldError(name, "must be a whole number from " + min + " to " + max));
		return fallback;
	}

	/** Throws a 400 naming every invalid field, if there is any. */
	public static void rejectIfAny(List<ApiProblem.FieldError> errors) {
		if (!errors.isEmpty()) {
			throw ApiProblem.invalidFields(errors);
		}
	}

}
