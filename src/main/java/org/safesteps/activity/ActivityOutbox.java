package org.safesteps.activity;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Stores recorded activity in one collection until every listener has applied it, so that
 * nothing acknowledged is lost between a write and its counting. With no listener in the
 * application, nothing would ever read it, so nothing is stored.
 */
@Component
class ActivityOutbox implements ActivityRecorder {

	static final String COLLECTION = "activity_outbox";

	private final ReactiveMongoTemplate mongo;

	private final JsonMapper json;

	private final boolean anyListener;

	ActivityOutbox(ReactiveMongoTemplate mongo, JsonMapper json, List<ActivityListener> listeners) {
		this.mongo = mongo;
		this.json = json;
		this.anyListener = !listeners.isEmpty();
	}

	@Override
	public Mono<Void> record(String eventId, Activity activity) {
		if (!this.anyListener) {
			return Mono.empty();
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> fields = this.json.convertValue(activity, Map.class);
		Document document = new Document("_id", eventId).append("activity", new Document(fields));
		return this.mongo.insert(document, COLLECTION)
			.then()
			.onErrorResume(DuplicateKeyException.class, ex -> Mono.empty());
	}

	Activity read(Document document) {
		return this.json.convertValue(document.get("activity", Document.class), Activity.class);
	}

}
