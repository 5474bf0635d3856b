package org.safesteps.support;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.safesteps.privacy.LearnerErasure;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** A stand-in for a feature that keeps learner-keyed data: DELETE /v1/me must reach it too. */
public class TestLearnerData implements LearnerErasure {

	public static final String COLLECTION = "test_learner_data";

	private final ReactiveMongoTemplate mongo;

	public TestLearnerData(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	public Mono<Void> store(String learnerKey) {
		return this.mongo.insert(new Document("learner", learnerKey), COLLECTION).then();
	}

	@Override
	public Mono<Void> eraseLearner(String learnerKey) {
		return this.mongo.remove(Query.query(Criteria.where("learner").is(learnerKey)), COLLECTION).then();
	}

}
