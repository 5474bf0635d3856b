package org.safesteps.participation;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.safesteps.activity.Activity;
import org.safesteps.activity.ActivityRecorder;
import org.safesteps.platform.ApiProblem;
import org.safesteps.platform.ProblemType;
import org.safesteps.platform.Writes;
import org.safesteps.privacy.Erasure;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Stores a poll response or a lesson feedback once per learner: a retry with the same id gets the
 * first result and stores nothing new; a second submission from the same learner (the marker is
 * there) gets a 409. Marker, document and activity record are written to the end once begun, and
 * if the document cannot be stored, or the learner was erased meanwhile, neither it nor the marker
 * is kept.
 */
@Component
class AnonymousStore {

	/** The ids of submissions whose activity was reported (see {@link #report}). */
	static final String REPORTED = "participation_reported";

	private final ReactiveMongoTemplate mongo;

	private final Markers markers;

	private final Erasure erasure;

	private final ActivityRecorder activity;

	AnonymousStore(ReactiveMongoTemplate mongo, Markers markers, Erasure erasure, ActivityRecorder activity) {
		this.mongo = mongo;
		this.markers = markers;
		this.erasure = erasure;
		this.activity = activity;
	}

	/**
	 * @param submission the document to store, its {@code _id} the id the app made for it
	 * @param idField the request field that carried that id, named in a 400
	 */
	<T> Mono<T> storeOnce(Markers.Kind kind, String target, String learnerKey, String collection, Document submission,
			String idField, Activity counted, T receipt) {
		String id = submission.getString("_id");
		return Writes.toCompletion(this.markers.place(kind, target, learnerKey)
			.flatMap(placed -> placed ? store(kind, target, learnerKey, collection, submission, idField)
					: earlierSubmission(kind, target, collection, id, idField))
			.flatMap(fresh -> fresh ? report(id, counted) : reportIfNotYet(id, counted))
			.thenReturn(receipt));
	}

	/**
	 * The learner's marker is already there: a retry of the stored submission (same id, same poll
	 * or lesson) gets its result again; anything else is a second answer. The marker is placed
	 * first, and the id looked up only then, because nearly every submission is a first one.
	 * @return false: the submission was stored before
	 */
	private Mono<Boolean> earlierSubmission(Markers.Kind kind, String target, String collection, String id,
			String idField) {
		return storedTarget(kind, collection, id)
			.flatMap(stored -> stored.equals(target) ? Mono.just(false) : Mono.<Boolean>error(idTaken(idField)))
			.switchIfEmpty(Mono.error(() -> new ApiProblem(ProblemType.ALREADY_ANSWERED, Map.of(), Map.of())));
	}

	/**
	 * Reports the submission's activity, then notes its id as reported. The activity port drops a
	 * repeated event id only while the first is waiting to be counted, so a retry that comes later
	 * must not report again; one that follows a crash between storing and reporting must. The note
	 * holds the submission's random id alone, apart from the submission.
	 */
	private Mono<Void> report(String id, Activity counted) {
		return this.activity.record(id, counted)
			.then(this.mongo.insert(new Document("_id", id), REPORTED))
			.onErrorResume(DuplicateKeyException.class, ex -> Mono.empty())
			.then();
	}

	private Mono<Void> reportIfNotYet(String id, Activity counted) {
		return this.mongo.exists(Query.query(Criteria.where("_id").is(id)), REPORTED)
			.flatMap(reported -> reported ? Mono.empty() : report(id, counted));
	}

	/**
	 * What the document stored under this id was for, if there is one. The query names the id
	 * alone, so that the embedded MongoDB answers it from the id index rather than a scan.
	 */
	private Mono<String> storedTarget(Markers.Kind kind, String collection, String id) {
		Query byId = Query.query(Criteria.where("_id").is(id));
		byId.fields().include(kind.field());
		return this.mongo.findOne(byId, Document.class, collection).mapNotNull(stored -> stored.getString(kind.field()));
	}

	/**
	 * Stores the submission under the marker just placed. An id already stored for the same poll or
	 * lesson is this submission, stored by an earlier attempt whose answer never arrived: the
	 * marker stays and the result is the same. Any other failure takes the marker away again.
	 * @return true when stored now, false when an earlier attempt had stored it
	 */
	private Mono<Boolean> store(Markers.Kind kind, String target, String learnerKey, String collection,
			Document submission, String idField) {
		return this.mongo.insert(submission, collection)
			.thenReturn(true)
			.onErrorResume(DuplicateKeyException.class, taken -> storedTarget(kind, collection, submission.getString("_id"))
				.filter(target::equals)
				.map(same -> false)
				.switchIfEmpty(Mono.defer(() -> this.markers.remove(kind, target, learnerKey)
					.then(Mono.<Boolean>error(idTaken(idField))))))
			.onErrorResume(ex -> !(ex instanceof ApiProblem), ex -> this.markers.remove(kind, target, learnerKey)
				.then(Mono.error(ex)))
			.flatMap(fresh -> this.erasure.confirmNotErased(learnerKey)
				.onErrorResume(ApiProblem.class, erased -> this.mongo
					.remove(Query.query(Criteria.where("_id").is(submission.getString("_id"))), collection)
					.then(Mono.error(erased)))
				.thenReturn(fresh));
	}

	private static ApiProblem idTaken(String idField) {
		return ApiProblem.invalidFields(List.of(new ApiProblem.FieldError(idField,
				"is the id of something else already stored; make a new random UUID for each submission")));
	}

}
