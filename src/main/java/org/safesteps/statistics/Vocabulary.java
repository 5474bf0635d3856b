package org.safesteps.statistics;

import java.util.List;

import org.safesteps.content.ContentCatalog;
import org.safesteps.content.ServedCountries;
import org.safesteps.localization.LocalizationCatalog;
import org.springframework.stereotype.Component;

/** The categories of each dimension, from the content, the locales and the regions served. */
@Component
class Vocabulary {

	private final ServedCountries countries;

	private final ContentCatalog content;

	private final LocalizationCatalog localization;

	Vocabulary(ServedCountries countries, ContentCatalog content, LocalizationCatalog localization) {
		this.countries = countries;
		this.content = content;
		this.localization = localization;
	}

	List<String> regions(String country) {
		return this.countries.regions(country);
	}

	List<String> ageBands() {
		return ContentCatalog.ageBands();
	}

	List<String> audiences() {
		return ContentCatalog.audiences();
	}

	List<String> topics() {
		return this.content.topicIds();
	}

	List<String> locales() {
		return this.localization.supportedTags();
	}

	boolean isServed(String country) {
		return this.countries.isServed(country);
	}

	List<String> countries() {
		return this.countries.countries().stream().sorted().toList();
	}

}
