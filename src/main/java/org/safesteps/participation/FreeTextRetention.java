package org.safesteps.participation;

import java.time.Clock;
import java.time.LocalDate;

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
 * Children's free text is kept for {@code safesteps.participation.free-text-retention} (180
 * days), then deleted; the rest of each response, and every count, stays. Every instance may run
 * it: it is idempotent.
 */
@Component
class FreeTextRetention {

	private static final Logger log = LoggerFactory.getLogger(FreeTextRetention.class);

	private final ReactiveMongoTemplate mongo;

	private final ParticipationProperties properties;

	private final Clock clock;

	FreeTextRetention(ReactiveMongoTemplate mongo, ParticipationProperties properties, Clock clock) {
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${safesteps.participation.retention-interval:6h}")
	Mono<Void> scheduled() {
		return removeFreeText().onErrorResume(ex -> {
			log.warn("Free-text retention could not run ({}); it will run again", ex.getClass().getSimpleName());
			return Mono.empty();
		}).then();
	}

	/** Deletes free text stored on or before the cutoff day; the number of documents changed. */
	Mono<Long> removeFreeText() {
		String cutoff = LocalDate.now(this.clock).minusDays(this.properties.freeTextRetention().toDays()).toString();
		Mono<Long> responses = this.mongo
			.updateMulti(Query.query(Criteria.where("day").lte(cutoff).and("answers.text").exists(true)),
					new Update().pull("answers", Query.query(Criteria.where("text").exists(true)).getQueryObject()),
					PollResponses.COLLECTION)
			.map(result -> result.getModifiedCount());
		Mono<Long> feedback = this.mongo
			.updateMulti(Query.query(Criteria.where("day").lte(cutoff).and("text").exists(true)),
					new Update().unset("text"), LessonFeedbacks.COLLECTION)
			.map(result -> result.getModifiedCount());
		return responses.zipWith(feedback, Long::sum).doOnNext(changed -> {
			if (changed > 0) {
				log.info("Free text older than {} days deleted from {} responses", this.properties.freeTextRetention().toDays(),
						changed);
			}
		});
	}

}
