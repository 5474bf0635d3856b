package org.safesteps.localization;

import java.time.Duration;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class LocalesController {

	private final LocalizationCatalog catalog;

	private final TranslationCoverage coverage;

	LocalesController(LocalizationCatalog catalog, TranslationCoverage coverage) {
		this.catalog = catalog;
		this.coverage = coverage;
	}

	@GetMapping("/v1/locales")
	ResponseEntity<LocaleList> locales() {
		String source = this.catalog.sourceLocale();
		List<LocaleSummary> locales = this.catalog.locales().stream().map(locale -> {
			TranslationCoverage.Coverage content = this.coverage.coverage(locale.tag());
			LocalizationCatalog.UiStrings ui = this.catalog.uiStrings(locale.tag());
			int uiTotal = this.catalog.uiStrings(source).strings().size();
			int uiTranslated = ui.strings().size();
			int total = content.totalKeys() + uiTotal;
			int translated = content.translatedKeys() + uiTranslated;
			double completeness = (total == 0) ? 1.0 : Math.round(1000.0 * translated / total) / 1000.0;
			return new LocaleSummary(locale.tag(), locale.name(), locale.tag().equals(source), locale.scope(),
					completeness,
					total, translated, content.staleKeys() + ui.staleKeys().size(),
					content.draftItems() + (ui.status().equals("draft") ? 1 : 0),
					content.reviewedItems() + (ui.status().equals("reviewed") ? 1 : 0));
		}).toList();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(new LocaleList(source, locales));
	}

	record LocaleList(String source, List<LocaleSummary> locales) {
	}

	/**
	 * @param scope what the locale sets out to translate: {@code complete}, or {@code partial}
	 * (the UI, the help directory, the 9-12 child track and the parent lessons)
	 * @param completeness share of the source strings this locale translates, 0 to 1
	 * @param staleStrings translated strings whose English changed since they were translated
	 */
	record LocaleSummary(String tag, String name, boolean source, String scope, double completeness, int totalStrings,
			int translatedStrings, int staleStrings, int draftItems, int reviewedItems) {
	}

}
