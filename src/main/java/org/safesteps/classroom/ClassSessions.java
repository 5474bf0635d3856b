package org.safesteps.classroom;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.safesteps.content.ModuleDefinition;
import org.safesteps.platform.ApiProblem;
import org.safesteps.platform.Page;
import org.safesteps.platform.PageRequest;
import org.safesteps.platform.ProblemType;
import org.safesteps.platform.Writes;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Sessions as stored: started, found, moved on, ended, and added to by answers. */
@Component
class ClassSessions {

	private final ReactiveMongoTemplate mongo;

	private final JoinCodes codes;

	private final ClassroomProperties properties;

	private final Clock clock;

	ClassSessions(ReactiveMongoTemplate mongo, JoinCodes codes, ClassroomProperties properties, Clock clock) {
		this.mongo = mongo;
		this.codes = codes;
		this.properties = properties;
		this.clock = clock;
	}

	Instant now() {
		return this.clock.instant();
	}

	Mono<ClassSession> start(String teacher, ModuleDefinition module, ClassroomRequests.StartSession request) {
		String id = UUID.randomUUID().toString();
		Instant now = now();
		Instant until = now.plus(this.properties.codeValidity());
		return this.codes.claim(id, now, until).flatMap(code -> {
			Document session = new Document("_id", id).append("teacher", teacher)
				.append("moduleId", module.id())
				.append("locale", request.locale())
				.append("ageBand", request.ageBand())
				.append("country", request.country())
				.append("region", request.region())
				.append("code", code)
				.append("ended", false)
				.append("step", 0)
				.append("createdAt", Date.from(now))
				.append("expiresAt", Date.from(until))
				.append("participants", 0)
				.append("answerSteps", module.steps()
					.stream()
					.filter(step -> step.isQuiz() || step.isPoll())
					.map(ModuleDefinition.Step::key)
					.toList())
				.append("results", new Document())
				.append("version", 0L);
			return Writes.toCompletion(this.mongo.insert(session, ClassSession.COLLECTION)).map(ClassSession::from);
		});
	}

	Mono<ClassSession> find(String id) {
		return this.mongo.findById(id, Document.class, ClassSession.COLLECTION)
			.map(ClassSession::from)
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("session", id)));
	}

	/** The session, if this teacher runs it; another teacher's session is not found, as if it did not exist. */
	Mono<ClassSession> ofTeacher(String id, String teacher) {
		return find(id).filter(session -> session.teacher().equals(teacher))
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("session", id)));
	}

	/** A session children can still take part in. */
	Mono<ClassSession> running(String id) {
		return find(id).map(session -> {
			if (!session.isRunning(now())) {
				throw new ApiProblem(ProblemType.SESSION_ENDED, Map.of("session", id), Map.of());
			}
			return session;
		});
	}

	/** The teacher's sessions, newest first. */
	Mono<Page<ClassSession>> ofTeacher(String teacher, PageRequest paging) {
		Query mine = Query.query(Criteria.where("teacher").is(teacher));
		return this.mongo.count(mine, ClassSession.COLLECTION)
			.flatMap(total -> this.mongo
				.find(Query.of(mine).with(Sort.by(Sort.Direction.DESC, "createdAt")).skip(paging.skip())
					.limit(paging.size()), Document.class, ClassSession.COLLECTION)
				.map(ClassSession::from)
				.collectList()
				.map(items -> Page.of(items, paging, total)));
	}

	/** Moves to the next step; 409 on the last one, 410 once ended. */
	Mono<ClassSession> advance(ClassSession session, int steps) {
		if (!session.isRunning(now())) {
			return Mono.error(new ApiProblem(ProblemType.SESSION_ENDED, Map.of("session", session.id()), Map.of()));
		}
		if (session.step() + 1 >= steps) {
			return Mono.error(new ApiProblem(ProblemType.LAST_STEP, Map.of("session", session.id()), Map.of()));
		}
		Query current = Query.query(
				Criteria.where("_id").is(session.id()).and("step").is(session.step()).and("ended").is(false));
		return Writes.toCompletion(this.mongo.findAndModify(current, new Update().inc("step", 1).inc("version", 1),
				FindAndModifyOptions.options().returnNew(true), Document.class, ClassSession.COLLECTION))
			.map(ClassSession::from)
			// the teacher pressed twice: the first press moved it on
			.switchIfEmpty(Mono.defer(() -> find(session.id())));
	}

	/** Ends the session and frees its code; ending again changes nothing. True when this call ended it. */
	Mono<Boolean> end(ClassSession session) {
		Instant now = now();
		Query running = Query.query(Criteria.where("_id").is(session.id()).and("ended").is(false));
		return Writes.toCompletion(this.mongo
			.updateFirst(running, Update.update("ended", true).set("endedAt", Date.from(now)).inc("version", 1),
					ClassSession.COLLECTION)
			.map(result -> result.getModifiedCount() == 1)
			.flatMap(ended -> this.codes.release(session.code(), session.id(), now).thenReturn(ended)));
	}

	/** Adds to the session's totals. */
	Mono<Void> add(String id, Update increments) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id)), increments.inc("version", 1), ClassSession.COLLECTION)
			.then();
	}

	/** Sessions whose markers may still exist, for erasing a learner: those the retention job has not cleared. */
	Mono<List<ClassSession>> withMarkers() {
		return this.mongo
			.find(Query.query(Criteria.where("markersRemoved").ne(true)), Document.class, ClassSession.COLLECTION)
			.map(ClassSession::from)
			.collectList();
	}

}
