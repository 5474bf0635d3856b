package org.safesteps.participation;

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
 * What stops a learner answering the same poll, or rating the same lesson, twice: a marker whose id
 * is an HMAC of (what was answered, the learner's key) under a secret of its own. A marker holds
 * that id and what was answered, nothing else: no time, no answer. Without the secret a marker
 * cannot be computed from a learner key, and the markers of one learner for two polls share
 * nothing, so they cannot be linked to each other.
 */
@Component
class Markers {

	static final String POLL_MARKERS = "poll_markers";

	static final String FEEDBACK_MARKERS = "feedback_markers";

	private final ReactiveMongoTemplate mongo;

	private final KeyedMarkerIds ids;

	Markers(ReactiveMongoTemplate mongo, ParticipationProperties properties) {
		this.mongo = mongo;
		String secret = properties.markerSecret();
		if (secret == null || secret.length() < 32) {
			throw new IllegalStateException(
					"Set safesteps.participation.marker-secret (SAFESTEPS_MARKER_SECRET) to at least 32 characters");
		}
		this.ids = new KeyedMarkerIds(secret);
	}

	/** Leaves the marker; false when the learner already has one for this poll or lesson. */
	Mono<Boolean> place(Kind kind, String target, String learnerKey) {
		Document marker = new Document("_id", id(kind, target, learnerKey)).append(kind.field(), target);
		return this.mongo.insert(marker, kind.collection())
			.thenReturn(true)
			.onErrorResume(DuplicateKeyException.class, ex -> Mono.just(false));
	}

	/** Takes a marker away again, when what it marked could not be stored. */
	Mono<Void> remove(Kind kind, String target, String learnerKey) {
		return this.mongo
			.remove(Query.query(Criteria.where("_id").is(id(kind, target, learnerKey))), kind.collection())
			.then();
	}

	/** Every marker of the learner, for every poll or lesson there is. */
	Mono<Void> removeAll(Kind kind, List<String> targets, String learnerKey) {
		List<String> ids = targets.stream().map(target -> id(kind, target, learnerKey)).toList();
		return this.mongo.remove(Query.query(Criteria.where("_id").in(ids)), kind.collection()).then();
	}

	String id(Kind kind, String target, String learnerKey) {
		return this.ids.of(learnerKey, kind.field(), target);
	}

	enum Kind {

		POLL(POLL_MARKERS, "pollId"), LESSON_FEEDBACK(FEEDBACK_MARKERS, "lessonId");

		private final String collection;

		private final String field;

		Kind(String collection, String field) {
			this.collection = collection;
			this.field = field;
		}

		String collection() {
			return this.collection;
		}

		String field() {
			return this.field;
		}

	}

}
