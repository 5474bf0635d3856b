package org.safesteps.content;

import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import org.safesteps.localization.LocalizationCatalog;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Re-reads {@code content/} and {@code localization/}, imports them into MongoDB and puts them
 * in service. Imports run one at a time. If any file is invalid, or the import cannot be stored,
 * the content in service is left untouched.
 */
@Component
class ContentImport implements DisposableBean {

	private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(2);

	private final ContentLoader loader;

	private final ContentImporter importer;

	private final ContentCatalog catalog;

	private final LocalizationCatalog localization;

	private final Scheduler oneAtATime = Schedulers.newBoundedElastic(1, 16, "content-import");

	private final Timer imports;

	ContentImport(ContentLoader loader, ContentImporter importer, ContentCatalog catalog,
			LocalizationCatalog localization, MeterRegistry meters) {
		this.loader = loader;
		this.importer = importer;
		this.catalog = catalog;
		this.localization = localization;
		this.imports = Timer.builder("safesteps.content.import")
			.description("Time to read, check and import content/ and localization/")
			.register(meters);
		Gauge.builder("safesteps.content.version", catalog, ContentImport::versionInService)
			.description("The content version in service (0 while served unversioned)")
			.register(meters);
	}

	private static double versionInService(ContentCatalog catalog) {
		return catalog.isLoaded() ? catalog.contentVersion() : -1;
	}

	/** Loads, imports and activates; fails with an {@code InvalidContentException} naming the bad file. */
	public Mono<ImportReport> reimport() {
		return Mono.fromCallable(() -> this.imports.recordCallable(() -> {
			LocalizationCatalog.State locales = this.localization.prepare();
			ContentSnapshot snapshot = this.loader.load(locales);
			ContentImporter.Result result = this.importer.importSnapshot(snapshot)
				.retryWhen(Retry.max(2).filter(DuplicateKeyException.class::isInstance))
				.block(IMPORT_TIMEOUT);
			this.localization.activate(locales);
			this.catalog.activate(snapshot, result.versions());
			return result.report();
		})).subscribeOn(this.oneAtATime);
	}

	/** Puts the files in service without MongoDB, for when it cannot be reached at start-up. */
	Mono<Void> serveWithoutImport() {
		return Mono.<Void>fromRunnable(() -> {
			LocalizationCatalog.State locales = this.localization.prepare();
			ContentSnapshot snapshot = this.loader.load(locales);
			this.localization.activate(locales);
			this.catalog.activate(snapshot, ContentVersions.unversioned(snapshot));
		}).subscribeOn(this.oneAtATime);
	}

	@Override
	public void destroy() {
		this.oneAtATime.dispose();
	}

}
