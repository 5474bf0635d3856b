package org.safesteps.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoClient;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The embedded server keeps an oplog (for change streams) that nothing caps: every write, with
 * its whole document, would stay in {@code local.oplog.rs} for ever, the progress of erased
 * learners and children's deleted free text included, and the store would only grow. It is
 * trimmed to {@code safesteps.embedded-mongo.oplog-retention}. The entries carry the server's wall
 * clock, so the system clock is used here, not the application's.
 */
@Component
@ConditionalOnExpression("'${spring.mongodb.uri:}'.isEmpty()")
class EmbeddedOplogTrim implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedOplogTrim.class);

	private final MongoClient client;

	private final EmbeddedMongoProperties properties;

	private final Clock wallClock = Clock.systemUTC();

	private volatile Disposable running;

	EmbeddedOplogTrim(MongoClient client, EmbeddedMongoProperties properties) {
		this.client = client;
		this.properties = properties;
	}

	@Override
	public void start() {
		this.running = Flux.interval(this.properties.oplogTrimInterval())
			.onBackpressureDrop()
			.concatMap(tick -> trim(this.properties.oplogRetention()).onErrorResume(ex -> {
				log.debug("Oplog trim could not run ({}); it will run again", ex.getClass().getSimpleName());
				return Mono.empty();
			}), 1)
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable current = this.running;
		if (current != null) {
			current.dispose();
		}
		this.running = null;
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}

	/** Deletes the entries older than {@code retention}; how many. */
	Mono<Long> trim(Duration retention) {
		Date before = Date.from(this.wallClock.instant().minus(retention));
		return Mono.from(this.client.getDatabase("local")
			.getCollection("oplog.rs", Document.class)
			.deleteMany(Filters.lt("wall", before))).map(result -> result.getDeletedCount());
	}

}
