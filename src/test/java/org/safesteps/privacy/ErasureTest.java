package org.safesteps.privacy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.safesteps.support.ApiTest;
import org.safesteps.support.TestLearnerData;
import org.safesteps.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/** DELETE /v1/me reaches every feature, and erasure wins over writes in flight. */
@ApiTest
class ErasureTest {

	static final String ATTEMPT = "{\"answers\":[{\"question\":\"private-info\",\"selected\":[\"address\"]}]}";

	@Autowired
	WebTestClient http;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	TestLearnerData otherFeature;

	@Autowired
	Erasure erasure;

	@LocalServerPort
	int port;

	/** Every feature's learner-keyed data goes, not only quiz progress. */
	@Test
	void erasureReachesEveryFeature() {
		String learner = TestTokens.newLearner();
		this.otherFeature.store(TestTokens.subjectKey(learner)).block(Duration.ofSeconds(5));
		attempt(learner).expectStatus().isCreated().expectBody();
		erase(learner);
		assertNothingLeftOf(learner);
	}

	/**
	 * 50 rounds: a learner sends quiz attempts while DELETE /v1/me runs at the same moment; every
	 * attempt is either stored before the erasure removes it or refused with 410, and nothing is left.
	 */
	@Test
	void erasureWinsOverAttemptsInFlight() {
		WebClient client = WebClient.create("http://127.0.0.1:" + this.port);
		List<Integer> statuses = new ArrayList<>();
		for (int round = 0; round < 50; round++) {
			String learner = TestTokens.newLearner();
			Flux<Integer> attempts = Flux.range(0, 4)
				.flatMap(i -> client.post()
					.uri("/v1/quizzes/quiz-child-privacy-9-12/attempts")
					.header(HttpHeaders.AUTHORIZATION, "Bearer " + learner)
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(ATTEMPT)
					.exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())));
			Mono<Integer> deletion = client.delete()
				.uri("/v1/me")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + learner)
				.exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()));
			List<Integer> round1 = Flux.merge(attempts, deletion).collectList().block(Duration.ofSeconds(30));
			statuses.addAll(round1);
			assertNothingLeftOf(learner);
		}
		assertThat(statuses).containsOnly(201, 204, 410).contains(204);
	}

	/** Just after an erasure, a write is refused with 410 and nothing is kept. */
	@Test
	void writesJustAfterErasureAreRefused() {
		String learner = TestTokens.newLearner();
		erase(learner);
		attempt(learner).expectStatus()
			.isEqualTo(410)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://safesteps.org/problems/learner-erased");
		assertNothingLeftOf(learner);
	}

	/** Expired tombstones are removed by the clean-up job; live ones stay. */
	@Test
	void expiredTombstonesAreRemoved() {
		this.mongo.insert(new Document("_id", "expired-test").append("until", new Date(0)), Erasure.TOMBSTONES)
			.then(this.mongo.insert(new Document("_id", "live-test").append("until",
					new Date(System.currentTimeMillis() + 60_000)), Erasure.TOMBSTONES))
			.block(Duration.ofSeconds(5));
		this.erasure.removeExpiredTombstones().block(Duration.ofSeconds(5));
		this.mongo.find(Query.query(Criteria.where("_id").in("expired-test", "live-test")), Document.class,
				Erasure.TOMBSTONES)
			.map(document -> document.getString("_id"))
			.as(StepVerifier::create)
			.expectNext("live-test")
			.verifyComplete();
	}

	private WebTestClient.ResponseSpec attempt(String learner) {
		return this.http.post()
			.uri("/v1/quizzes/quiz-child-privacy-9-12/attempts")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + learner)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(ATTEMPT)
			.exchange();
	}

	private void erase(String learner) {
		this.http.delete()
			.uri("/v1/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + learner)
			.exchange()
			.expectStatus()
			.isNoContent()
			.expectBody()
			.isEmpty();
	}

	/** No document in any collection holds the learner's key (tombstones hold only a hash of it). */
	private void assertNothingLeftOf(String learner) {
		String key = TestTokens.subjectKey(learner);
		this.mongo.getCollectionNames()
			.flatMap(collection -> this.mongo.findAll(Document.class, collection))
			.map(Document::toJson)
			.filter(json -> json.contains(key))
			.as(StepVerifier::create)
			.verifyComplete();
	}

}
