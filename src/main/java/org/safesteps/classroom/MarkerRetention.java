package org.safesteps.classroom;

import java.time.Clock;
import java.util.Date;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A session's markers are needed only while it may run: once it is twice its validity old, they
 * are deleted (its totals stay). Every instance may run it: it is idempotent.
 */
@Component
class MarkerRetention {

	private static final Logger log = LoggerFactory.getLogger(MarkerRetention.class);

	private final ReactiveMongoTemplate mongo;

	private final ClassroomProperties properties;

	private final Clock clock;

	MarkerRetention(ReactiveMongoTemplate mongo, ClassroomProperties properties, Clock clock) {
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${safesteps.classroom.retention-interval:1h}")
	Mono<Void> scheduled() {
		return removeOldMarkers().onErrorResume(ex -> {
			log.warn("Classroom marker retention could not run ({}); it will run again", ex.getClass().getSimpleName());
			return Mono.empty();
		}).then();
	}

	/** Deletes the markers of old sessions; how many sessions were cleared. */
	Mono<Long> removeOldMarkers() {
		Date before = Date.from(this.clock.instant().minus(this.properties.codeValidity().multipliedBy(2)));
		Query old = Query.query(Criteria.where("createdAt").lt(before).and("markersRemoved").ne(true));
		old.fields().include("_id");
		return this.mongo.find(old, Document.class, ClassSession.COLLECTION)
			.map(session -> session.getString("_id"))
			.collectList()
			.filter(ids -> !ids.isEmpty())
			.flatMap(ids -> this.mongo.remove(Query.query(Criteria.where("session").in(ids)), ClassMarkers.COLLECTION)
				.then(this.mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)),
						Update.update("markersRemoved", true), ClassSession.COLLECTION))
				.thenReturn((long) ids.size()))
			.defaultIfEmpty(0L);
	}

}
