package org.safesteps.statistics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.safesteps.platform.ApiProblem;
import org.safesteps.platform.QueryParameters;
import org.safesteps.security.Caller;

/**
 * What an analyst asked for, checked: the country (one their token covers), the period widened
 * to whole periods of the granularity, and a grouping that one cube can answer.
 *
 * @param grouping the dimensions to group by, in the order asked
 * @param filter a category each of some dimensions must have (the learning table's topic)
 */
record TableQuery(String country, LocalDate from, LocalDate to, Granularity granularity, List<Dimension> grouping,
		Cube cube, Map<Dimension, String> filter) {

	static final int MAX_YEARS = 5;

	/**
	 * @param defaultCube the cube asked when the grouping does not choose one
	 * @throws ApiProblem 400 naming each invalid parameter; 403 for a country the caller may not see
	 */
	static TableQuery parse(Caller caller, Optional<String> country, Optional<String> from, Optional<String> to,
			Optional<String> granularity, Optional<String> groupBy, Map<Dimension, Optional<String>> filters,
			Cube defaultCube, LocalDate today, Vocabulary vocabulary) {
		List<ApiProblem.FieldError> errors = new ArrayList<>();
		String chosenCountry = country(caller, country, errors, vocabulary);
		Granularity chosenGranularity = granularity.isPresent() ? Granularity.of(granularity.get()) : Granularity.MONTH;
		if (chosenGranularity == null) {
			errors.add(new ApiProblem.FieldError("granularity", "must be week, month, quarter or year"));
			chosenGranularity = Granularity.MONTH;
		}
		LocalDate last = date("to", to, errors).orElse(today);
		LocalDate first = date("from", from, errors).orElse(chosenGranularity.start(last.minusYears(1).plusDays(1)));
		if (first.isAfter(last)) {
			errors.add(new ApiProblem.FieldError("from", "must not be after to (" + last + ")"));
		}
		else if (first.plusYears(MAX_YEARS).isBefore(last.plusDays(1))) {
			errors.add(new ApiProblem.FieldError("to",
					"the period from " + first + " to " + last + " is longer than " + MAX_YEARS + " years"));
		}
		List<Dimension> grouping = grouping(groupBy, errors);
		Map<Dimension, String> filter = new LinkedHashMap<>();
		filters.forEach((dimension, value) -> value.ifPresent(category -> filter.put(dimension, category)));
		Set<Dimension> needed = new LinkedHashSet<>(grouping);
		needed.addAll(filter.keySet());
		Cube cube = needed.isEmpty() ? defaultCube
				: Set.of(defaultCube.rows(), defaultCube.columns()).containsAll(needed) ? defaultCube
						: Cube.covering(needed).orElse(null);
		if (cube == null && errors.stream().noneMatch(error -> error.field().equals("groupBy"))) {
			errors.add(new ApiProblem.FieldError("groupBy", "cannot group " + names(needed)
					+ " together; these can be: " + Cube.pairs() + " (or any one of them alone)"));
		}
		if (chosenCountry != null) {
			filter.forEach((dimension, category) -> {
				if (!dimension.categories(chosenCountry, vocabulary).contains(category)) {
					errors.add(new ApiProblem.FieldError(dimension.parameter(), "'" + category + "' is not a "
							+ dimension.parameter() + "; one of " + String.join(", ", dimension.categories(chosenCountry, vocabulary))));
				}
			});
		}
		QueryParameters.rejectIfAny(errors);
		caller.requireMayRead(chosenCountry);
		return new TableQuery(chosenCountry, chosenGranularity.start(first), chosenGranularity.end(last),
				chosenGranularity, grouping, cube, filter);
	}


	/** The country asked, or the only one of the token when none is. */
	static String country(Caller caller, Optional<String> country, List<ApiProblem.FieldError> errors,
			Vocabulary vocabulary) {
		if (country.isEmpty()) {
			if (caller.countries().size() == 1) {
				return caller.countries().iterator().next();
			}
			errors.add(new ApiProblem.FieldError("country", "is required: an ISO 3166-1 alpha-2 code such as TH"));
			return null;
		}
		if (!vocabulary.isServed(country.get())) {
			errors.add(new ApiProblem.FieldError("country",
					"must be a country SafeSteps serves: " + String.join(", ", vocabulary.countries())));
			return null;
		}
		return country.get();
	}

	private static Optional<LocalDate> date(String name, Optional<String> value, List<ApiProblem.FieldError> errors) {
		if (value.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(value.get()));
		}
		catch (DateTimeParseException ex) {
			errors.add(new ApiProblem.FieldError(name, "must be a date such as 2026-01-31"));
			return Optional.empty();
		}
	}

	private static List<Dimension> grouping(Optional<String> groupBy, List<ApiProblem.FieldError> errors) {
		List<Dimension> grouping = new ArrayList<>();
		if (groupBy.isEmpty() || groupBy.get().isBlank()) {
			return grouping;
		}
		for (String name : groupBy.get().split(",", -1)) {
			Dimension dimension = Dimension.of(name.strip());
			if (dimension == null) {
				errors.add(new ApiProblem.FieldError("groupBy", "'" + name.strip()
						+ "' is not a dimension; dimensions are region, ageBand, gender, locale, audience and topic"));
			}
			else if (grouping.contains(dimension)) {
				errors.add(new ApiProblem.FieldError("groupBy", "names " + name.strip() + " twice"));
			}
			else {
				grouping.add(dimension);
			}
		}
		if (grouping.size() > 2) {
			errors.add(new ApiProblem.FieldError("groupBy", "takes at most two dimensions"));
		}
		return grouping;
	}

	private static String names(Set<Dimension> dimensions) {
		return String.join(" and ", dimensions.stream().map(Dimension::parameter).toList());
	}

}
