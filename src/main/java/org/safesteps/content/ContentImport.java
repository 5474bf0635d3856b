package org.safesteps.content;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * the content in service is left untouched. At start-up the files are read and checked on a
 * thread of their own while the rest of the application starts.
 */
@Component
class ContentImport implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ContentImport.class);

	private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(2);

	private final ContentLoader loader;

	private final ContentImporter importer;

	private final ContentCatalog catalog;

	private final LocalizationCatalog localization;

	private final Scheduler oneAtATime = Schedulers.newBoundedElastic(1, 16, "content-import");

	/** The files, read while the rest of the application starts; taken by the first import. */
	private final AtomicReference<CompletableFuture<Files>> preloaded;

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
		Executor preloader = task -> {
			Thread thread = new Thread(task, "content-preload");
			thread.setDaemon(true);
			thread.start();
		};
		this.preloaded = new AtomicReference<>(CompletableFuture.supplyAsync(this::readFiles, preloader));
	}

	private static long millis(long from, long to) {
		return (to - from) / 1_000_000;
	}

	private static double versionInService(ContentCatalog catalog) {
		return catalog.isLoaded() ? catalog.contentVersion() : -1;
	}

	/** Loads, imports and activates; fails with an {@code InvalidContentException} naming the bad file. */
	public Mono<ImportReport> reimport() {
		return Mono.fromCallable(() -> this.imports.recordCallable(() -> {
			long start = System.nanoTime();
			Files files = files();
			long loaded = System.nanoTime();
			ContentImporter.Result result = this.importer.importSnapshot(files.snapshot())
				.retryWhen(Retry.max(2).filter(DuplicateKeyException.class::isInstance))
				.block(IMPORT_TIMEOUT);
			long imported = System.nanoTime();
			this.localization.activate(files.locales());
			this.catalog.activate(files.snapshot(), result.versions());
			log.debug("Content import took {} ms: waiting for the files {} ms (read and checked in {} ms), MongoDB {} ms",
					millis(start, System.nanoTime()), millis(start, loaded), files.readMillis(),
					millis(loaded, imported));
			return result.report();
		})).subscribeOn(this.oneAtATime);
	}

	/** Puts the files in service without MongoDB, for when it cannot be reached at start-up. */
	Mono<Void> serveWithoutImport() {
		return Mono.<Void>fromRunnable(() -> {
			Files files = files();
			this.localization.activate(files.locales());
			this.catalog.activate(files.snapshot(), ContentVersions.unversioned(files.snapshot()));
		}).subscribeOn(this.oneAtATime);
	}

	/** The files read at start-up, the first time; then read anew. */
	private Files files() {
		CompletableFuture<Files> early = this.preloaded.getAndSet(null);
		if (early == null) {
			return readFiles();
		}
		try {
			return early.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	private Files readFiles() {
		long start = System.nanoTime();
		LocalizationCatalog.State locales = this.localization.prepare();
		ContentSnapshot snapshot = this.loader.load(locales);
		return new Files(locales, snapshot, millis(start, System.nanoTime()));
	}

	private record Files(LocalizationCatalog.State locales, ContentSnapshot snapshot, long readMillis) {
	}

	@Override
	public void destroy() {
		this.oneAtATime.dispose();
	}

}
