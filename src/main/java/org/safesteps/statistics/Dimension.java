package org.safesteps.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What participation can be grouped by. Every table lists every category of its dimensions, with
 * {@code unknown} for activity that did not say (an adult lesson has no age band; an app need not
 * send a region), so that which categories appear says nothing by itself.
 */
enum Dimension {

	REGION("region"), AGE_BAND("ageBand"), GENDER("gender"), LOCALE("locale"), AUDIENCE("audience"), TOPIC("topic");

	static final String UNKNOWN = "unknown";

	private final String parameter;

	Dimension(String parameter) {
		this.parameter = parameter;
	}

	/** Its name in {@code groupBy} and in the tables. */
	String parameter() {
		return this.parameter;
	}

	static Dimension of(String parameter) {
		for (Dimension dimension : values()) {
			if (dimension.parameter.equals(parameter)) {
				return dimension;
			}
		}
		return null;
	}

	/** Every category, in the order tables list them. */
	List<String> categories(String country, Vocabulary vocabulary) {
		List<String> categories = new ArrayList<>(switch (this) {
			case REGION -> vocabulary.regions(country);
			case AGE_BAND -> vocabulary.ageBands();
			case GENDER -> List.of("girl", "boy", "other", "prefer-not-to-say");
			case LOCALE -> vocabulary.locales();
			case AUDIENCE -> vocabulary.audiences();
			case TOPIC -> vocabulary.topics();
		});
		categories.add(UNKNOWN);
		return categories;
	}

	@Override
	public String toString() {
		return this.parameter.toLowerCase(Locale.ROOT);
	}

}
