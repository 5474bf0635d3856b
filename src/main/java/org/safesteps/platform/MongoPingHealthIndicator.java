package org.safesteps.platform;

import java.time.Duration;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Replaces Boot's Mongo health indicator, which sends {@code hello}: mongo-java-server lacks that
 * command and would always report DOWN. {@code ping} works on both the embedded and a real server.
 */
@Component("mongoHealthIndicator")
class MongoPingHealthIndicator implements ReactiveHealthIndicator {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private final ReactiveMongoTemplate mongo;

	MongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Mono<Health> health() {
		return this.mongo.executeCommand(new Document("ping", 1))
			.then(this.mongo.getMongoDatabase())
			.timeout(TIMEOUT)
			.map(db -> Health.up().withDetail("database", db.getName()).build())
			.onErrorResume(ex -> Mono.just(Health.down().withDetail("error", ex.getClass().getSimpleName()).build()));
	}

}
