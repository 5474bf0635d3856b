package org.safesteps.classroom;

import java.util.List;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.safesteps.platform.KeyedMarkerIds;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * That a learner joined a session, or answered one of its steps: a marker whose id is an HMAC of
 * (the session, what was done, the learner's key) under a secret of its own. A marker holds that
 * id and the session id, nothing else: without the secret nobody can tell whose it is, and a
 * learner's markers in two sessions share nothing. They go with the session's data.
 */
@Component
class ClassMarkers {

	static final String COLLECTION = "classroom_markers";

	static final String JOINED = "joined";

	/** What a marker of an answered step names. */
	static String step(String stepKey) {
		return "step:" + stepKey;
	}

	record Marker(String sessionId, String what) {
	}

	private final ReactiveMongoTemplate mongo;

	private final KeyedMarkerIds ids;

	ClassMarkers(ReactiveMongoTemplate mongo, ClassroomProperties properties) {
		this.mongo = mongo;
		this.ids = new KeyedMarkerIds(properties.markerSecret());
	}

	/** Leaves the marker; false when it was there already. */
	Mono<Boolean> place(String sessionId, String what, String learnerKey) {
		return this.mongo.insert(new Document("_id", id(sessionId, what, learnerKey)).append("session", sessionId),
				COLLECTION)
			.thenReturn(true)
			.onErrorResume(DuplicateKeyException.class, ex -> Mono.just(false));
	}

	Mono<Boolean> exists(String sessionId, String what, String learnerKey) {
		return this.mongo.exists(Query.query(Criteria.where("_id").is(id(sessionId, what, learnerKey))), COLLECTION);
	}

	Mono<Void> remove(String sessionId, String what, String learnerKey) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(id(sessionId, what, learnerKey))), COLLECTION)
			.then();
	}

	/** The learner's markers among these, wherever they exist. */
	Mono<Void> removeAll(List<Marker> markers, String learnerKey) {
		List<String> ids = markers.stream().map(marker -> id(marker.sessionId(), marker.what(), learnerKey)).toList();
		return ids.isEmpty() ? Mono.empty()
				: this.mongo.remove(Query.query(Criteria.where("_id").in(ids)), COLLECTION).then();
	}

	private String id(String sessionId, String what, String learnerKey) {
		return this.ids.of(learnerKey, sessionId, what);
	}

}
