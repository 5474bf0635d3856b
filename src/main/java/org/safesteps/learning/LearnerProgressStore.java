package org.safesteps.learning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.safesteps.privacy.LearnerErasure;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One document per learner, under the keyed hash of the token's subject: no uid, no device, no
 * IP. Each attempt is recorded with a single atomic update, so it is stored whole or not at all.
 */
@Component
class LearnerProgressStore implements LearnerErasure {

	static final String COLLECTION = "learner_progress";

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	LearnerProgressStore(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** @return whether the attempt completed its lesson for the learner for the first time */
	Mono<Boolean> recordAttempt(String learnerKey, String quizId, String lessonId, int scorePercent) {
		Update update = new Update().inc("attempts", 1)
			.max("bestScores." + quizId, scorePercent)
			.set("lastActiveDay", LocalDate.now(this.clock).toString());
		if (lessonId != null) {
			update.addToSet("lessonsCompleted", lessonId);
		}
		return this.mongo
			.findAndModify(byLearner(learnerKey), update, FindAndModifyOptions.options().upsert(true).returnNew(false),
					Document.class, COLLECTION)
			.map(before -> lessonId != null && !before.getList("lessonsCompleted", String.class, List.of()).contains(lessonId))
			.defaultIfEmpty(lessonId != null);
	}

	Mono<Progress> progress(String learnerKey) {
		return this.mongo.findOne(byLearner(learnerKey), Document.class, COLLECTION)
			.map(LearnerProgressStore::toProgress)
			.defaultIfEmpty(new Progress(List.of(), List.of(), 0));
	}

	@Override
	public Mono<Void> eraseLearner(String learnerKey) {
		return this.mongo.remove(byLearner(learnerKey), COLLECTION).then();
	}

	private static Query byLearner(String learnerKey) {
		return Query.query(Criteria.where("_id").is(learnerKey));
	}

	private static Progress toProgress(Document document) {
		List<String> lessons = document.getList("lessonsCompleted", String.class, List.of()).stream().sorted().toList();
		Document best = document.get("bestScores", Document.class);
		List<Progress.BestScore> scores = (best == null) ? List.of()
				: best.entrySet()
					.stream()
					.map((Map.Entry<String, Object> entry) -> new Progress.BestScore(entry.getKey(),
							((Number) entry.getValue()).intValue()))
					.sorted(java.util.Comparator.comparing(Progress.BestScore::quizId))
					.toList();
		return new Progress(lessons, scores, document.getInteger("attempts", 0));
	}

	/**
	 * @param lessonsCompleted lessons whose quiz the learner has taken
	 */
	record Progress(List<String> lessonsCompleted, List<BestScore> bestQuizScores, int attempts) {

		record BestScore(String quizId, int bestScorePercent) {
		}

	}

}
