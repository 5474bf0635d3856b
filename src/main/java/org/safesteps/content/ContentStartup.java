package org.safesteps.content;

import java.time.Duration;

import com.mongodb.MongoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.safesteps.platform.InvalidContentException;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Imports the content before the web server starts taking requests. Invalid content stops the
 * start with the file, the place in it and the reason. If MongoDB cannot be reached, the files
 * are served unversioned so that children still get lessons.
 */
@Component
class ContentStartup implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ContentStartup.class);

	private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

	/**
	 * Before the web server (phase {@code Integer.MAX_VALUE - 2048}), so that the port opens
	 * only once content is in service.
	 */
	private static final int PHASE = Integer.MAX_VALUE - 4096;

	private final ContentImport contentImport;

	private final ContentProperties properties;

	private volatile boolean running;

	ContentStartup(ContentImport contentImport, ContentProperties properties) {
		this.contentImport = contentImport;
		this.properties = properties;
	}

	@Override
	public void start() {
		this.running = true;
		if (!this.properties.importOnStartup()) {
			this.contentImport.serveWithoutImport().block(STARTUP_TIMEOUT);
			return;
		}
		try {
			ImportReport report = this.contentImport.reimport().block(STARTUP_TIMEOUT);
			log.info("Content version {} is in service ({} added, {} changed, {} removed, {} unchanged)",
					report.version(), report.added().size(), report.changed().size(), report.removed().size(),
					report.unchanged());
		}
		catch (InvalidContentException ex) {
			log.error("Content is invalid: {}", ex.getMessage());
			throw ex;
		}
		catch (DataAccessException | MongoException | IllegalStateException ex) {
			// IllegalStateException: Reactor's timeout while waiting for an unreachable MongoDB.
			log.warn("MongoDB could not be reached at start-up ({}); serving content from files, unversioned",
					ex.getClass().getSimpleName());
			this.contentImport.serveWithoutImport().block(STARTUP_TIMEOUT);
		}
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
