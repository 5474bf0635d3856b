package org.safesteps.statistics;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A two-way table of counters kept per country and day. Each activity is counted once in every
 * cube, so the totals by a dimension are the same in every cube that has it; a query may group
 * by any part of one cube's dimensions.
 */
enum Cube {

	GEO("geo", Dimension.REGION, Dimension.AGE_BAND), GENDER("gender", Dimension.GENDER, Dimension.AGE_BAND),
	LOCALE("locale", Dimension.LOCALE, Dimension.AGE_BAND), AUDIENCE("audience", Dimension.AUDIENCE, Dimension.REGION),
	TOPIC("topic", Dimension.TOPIC, Dimension.AGE_BAND);

	private final String key;

	private final Dimension rows;

	private final Dimension columns;

	Cube(String key, Dimension rows, Dimension columns) {
		this.key = key;
		this.rows = rows;
		this.columns = columns;
	}

	String key() {
		return this.key;
	}

	Dimension rows() {
		return this.rows;
	}

	Dimension columns() {
		return this.columns;
	}

	/** The first cube that has every dimension of the grouping. */
	static Optional<Cube> covering(Set<Dimension> grouping) {
		return Arrays.stream(values()).filter(cube -> Set.of(cube.rows, cube.columns).containsAll(grouping)).findFirst();
	}

	/** The groupings of two dimensions there are, for error messages: "region,ageBand; ...". */
	static String pairs() {
		return Arrays.stream(values())
			.map(cube -> cube.rows.parameter() + "," + cube.columns.parameter())
			.collect(Collectors.joining("; "));
	}

	/** The counter document of a cube for a country and day. */
	String documentId(String country, java.time.LocalDate day) {
		return this.key + "|" + country + "|" + day;
	}

	/** The cell of an activity: its row and column category, joined. */
	String cell(Counted counted) {
		return counted.category(this.rows) + "|" + counted.category(this.columns);
	}

	static List<Cube> all() {
		return List.of(values());
	}

}
