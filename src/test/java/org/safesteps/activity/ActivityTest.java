package org.safesteps.activity;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.safesteps.support.ApiTest;
import org.safesteps.support.RecordingActivityListener;
import org.safesteps.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Activity is told once, without the learner key, and reaches listeners exactly once, even after a failure. */
@ApiTest
class ActivityTest {

	@Autowired
	WebTestClient http;

	@Autowired
	ActivityRecorder recorder;

	@Autowired
	RecordingActivityListener listener;

	@Autowired
	ReactiveMongoTemplate mongo;

	/** A stored quiz attempt reaches listeners with coarse dimensions only, and the outbox holds no learner key. */
	@Test
	void quizAttemptIsToldWithCoarseDimensionsOnly() {
		String learner = TestTokens.newLearner();
		this.http.post()
			.uri("/v1/quizzes/quiz-child-privacy-9-12/attempts?locale=th")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + learner)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"answers":[{"question":"private-info","selected":["address"]}],
					 "context":{"country":"TH","region":"TH-57","ageBand":"9-12"}}""")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody();
		this.mongo.findAll(Document.class, "activity_outbox")
			.map(Document::toJson)
			.as(StepVerifier::create)
			.thenConsumeWhile(json -> !json.contains(TestTokens.subjectKey(learner)))
			.verifyComplete();

		Activity.QuizAttempted attempt = await().atMost(Duration.ofSeconds(10))
			.until(() -> delivered(Activity.QuizAttempted.class, a -> "TH-57".equals(a.region())),
					list -> list.size() == 1)
			.get(0);
		assertThat(attempt).isEqualTo(new Activity.QuizAttempted("quiz-child-privacy-9-12", "child-privacy-9-12",
				"privacy", "child", "9-12", "TH", "TH-57", "th", 20, true, LocalDate.now(ZoneOffset.UTC)));
	}

	/** An unknown country or region in the child's context is a 400 naming the field, and nothing is counted. */
	@Test
	void contextMustUseKnownCodes() {
		String learner = TestTokens.newLearner();
		for (String context : List.of("{\"country\":\"XX\",\"ageBand\":\"9-12\"}",
				"{\"country\":\"TH\",\"region\":\"VN-01\",\"ageBand\":\"9-12\"}",
				"{\"country\":\"TH\",\"ageBand\":\"18-25\"}")) {
			this.http.post()
				.uri("/v1/quizzes/quiz-child-privacy-9-12/attempts")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + learner)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"answers\":[{\"question\":\"private-info\",\"selected\":[\"address\"]}],\"context\":"
						+ context + "}")
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.value(field -> assertThat((String) field).startsWith("context."));
		}
	}

	/** A listener that fails gets the same batch, with the same activities, again; then no more. */
	@Test
	void aFailedBatchIsDeliveredAgainUntilApplied() {
		this.listener.failNext(2);
		String marker = "LK-" + (1 + (int) (Math.random() * 9));
		this.recorder.record(UUID.randomUUID().toString(), attempt(marker, "quiz-x")).block(Duration.ofSeconds(5));

		List<RecordingActivityListener.Delivery> deliveries = await().atMost(Duration.ofSeconds(10))
			.until(() -> deliveriesWith(marker), list -> list.stream().anyMatch(d -> !d.failed()));
		assertThat(deliveries).hasSizeGreaterThanOrEqualTo(3);
		assertThat(deliveries).extracting(RecordingActivityListener.Delivery::batchId).containsOnly(deliveries.get(0).batchId());
		assertThat(deliveries).extracting(RecordingActivityListener.Delivery::activities)
			.containsOnly(deliveries.get(0).activities());
		assertThat(deliveries.stream().filter(d -> !d.failed())).hasSize(1);
	}

	/** Recording the same event id twice, as a client's retry does, delivers it once. */
	@Test
	void aRetriedEventIsDeliveredOnce() {
		String eventId = UUID.randomUUID().toString();
		String marker = "JP-" + (10 + (int) (Math.random() * 37));
		this.recorder.record(eventId, attempt(marker, eventId)).block(Duration.ofSeconds(5));
		this.recorder.record(eventId, attempt(marker, eventId)).block(Duration.ofSeconds(5));
		await().atMost(Duration.ofSeconds(10)).until(() -> !delivered(Activity.QuizAttempted.class,
				a -> a.region().equals(marker) && a.quizId().equals(eventId)).isEmpty());
		await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
			.until(() -> delivered(Activity.QuizAttempted.class,
					a -> a.region().equals(marker) && a.quizId().equals(eventId)).size() == 1);
	}

	private static Activity.QuizAttempted attempt(String region, String quizId) {
		return new Activity.QuizAttempted(quizId, null, "privacy", "child", "9-12",
				region.substring(0, 2), region, "en", 100, false, LocalDate.now(ZoneOffset.UTC));
	}

	private List<RecordingActivityListener.Delivery> deliveriesWith(String region) {
		return this.listener.deliveries()
			.stream()
			.filter(delivery -> delivery.activities()
				.stream()
				.anyMatch(a -> a instanceof Activity.QuizAttempted q && region.equals(q.region())))
			.toList();
	}

	private <T extends Activity> List<T> delivered(Class<T> type, java.util.function.Predicate<T> which) {
		return this.listener.deliveries()
			.stream()
			.filter(delivery -> !delivery.failed())
			.flatMap(delivery -> delivery.activities().stream())
			.filter(type::isInstance)
			.map(type::cast)
			.filter(which)
			.toList();
	}

}
