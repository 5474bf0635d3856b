package org.safesteps.classroom;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.safesteps.activity.Activity;
import org.safesteps.support.ApiTest;
import org.safesteps.support.RecordingActivityListener;
import org.safesteps.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A teacher runs a module, children join by code and answer, and the results stream back as totals. */
@ApiTest
class ClassroomTest {

	static final String MODULE = "module-9-12-my-information";

	static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENTS = new ParameterizedTypeReference<>() {
	};

	@Autowired
	WebTestClient http;

	@LocalServerPort
	int port;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	RecordingActivityListener activity;

	final String teacher = TestTokens.staffAs("teacher-" + UUID.randomUUID(), "TEACHER");

	@Test
	void modulesAreListedInTheTeachersLanguage() {
		this.http.get()
			.uri("/v1/classroom/modules?locale=th")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.teacher)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[?(@.id == '" + MODULE + "')].steps[2].kind")
			.isEqualTo("quiz")
			.jsonPath("$.items[?(@.id == '" + MODULE + "')].localization.locale")
			.isEqualTo("th")
			.jsonPath("$.totalItems")
			.isEqualTo(3);
	}

	/**
	 * 30 children join at once with their own tokens and answer the quiz and the poll; the
	 * teacher's stream converges on the true counts, and ends when the session ends.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void aWholeClass() {
		Map<?, ?> session = start();
		String id = (String) session.get("id");
		String code = (String) session.get("joinCode");
		assertThat(code).matches("[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{6}");
		Flux<Map<String, Object>> stream = WebClient.create("http://127.0.0.1:" + this.port)
			.get()
			.uri("/v1/classroom/sessions/{id}/events", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.teacher)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(EVENTS)
			.map(ServerSentEvent::data)
			.filter(Objects::nonNull)
			.replay()
			.autoConnect(0);

		List<String> children = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			children.add(TestTokens.newLearner());
		}
		List<Integer> joined = Flux.fromIterable(children)
			.flatMap(child -> join(child, code.toLowerCase()), 30)
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(joined).hasSize(30).containsOnly(200);
		post(children.get(0), "/v1/classroom/sessions/" + id + "/quiz-attempts", quizAnswer()).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://safesteps.org/problems/step-not-open");

		advance(id);
		advance(id);
		// the children answer: 20 pick the right option, 10 a wrong one
		List<Integer> answered = Flux.range(0, 30)
			.flatMap(i -> status(() -> post(children.get(i), "/v1/classroom/sessions/" + id + "/quiz-attempts",
					Map.of("step", "quiz", "answers", List.of(Map.of("question", "private-info", "selected",
							List.of((i < 20) ? "address" : "pet")))))), 30)
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(answered).hasSize(30).containsOnly(201);
		post(children.get(0), "/v1/classroom/sessions/" + id + "/quiz-attempts", quizAnswer()).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://safesteps.org/problems/already-answered");

		StepVerifier.create(stream.filter(results -> answered(results, "quiz") == 30).take(1))
			.assertNext(results -> assertThat(results.get("participants")).isEqualTo(30))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		// while the quiz is the class's step, what the options show changes only by 5 answers or more
		List<Integer> shown = stream.take(Duration.ofMillis(300))
			.filter(results -> "quiz".equals(results.get("stepKey")))
			.mapNotNull(results -> question(results, "quiz", "private-info").get("options"))
			.map(options -> ((Map<String, Integer>) options).values().stream().mapToInt(Integer::intValue).sum())
			.distinctUntilChanged()
			.collectList()
			.block(Duration.ofSeconds(5));
		assertThat(shown).isNotEmpty();
		for (int i = 0; i < shown.size(); i++) {
			assertThat(shown.get(i) - ((i == 0) ? 0 : shown.get(i - 1))).isGreaterThanOrEqualTo(5);
		}

		// once the class moves on, the quiz shows its totals
		advance(id);
		StepVerifier.create(stream.filter(results -> "sort-it".equals(results.get("stepKey"))).take(1))
			.assertNext(results -> {
				Map<?, ?> question = question(results, "quiz", "private-info");
				assertThat(question.get("correctShare")).isEqualTo(67);
				assertThat((Map<Object, Object>) question.get("options")).containsEntry("address", 20)
					.containsEntry("pet", 10)
					.containsEntry("colour", 0);
			})
			.expectComplete()
			.verify(Duration.ofSeconds(10));

		advance(id);
		List<Integer> polled = Flux.range(0, 30)
			.flatMap(i -> status(() -> post(children.get(i), "/v1/classroom/sessions/" + id + "/poll-responses",
					Map.of("step", "poll", "answers",
							List.of(Map.of("question", "how-useful", "selected", List.of((i % 3 == 0) ? "quite" : "very")),
									Map.of("question", "know-who", "selected", List.of("yes")),
									Map.of("question", "how-sure", "selected", List.of("very")))))), 30)
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(polled).hasSize(30).containsOnly(201);
		StepVerifier.create(stream.filter(results -> answered(results, "poll") == 30).take(1))
			.expectNextCount(1)
			.expectComplete()
			.verify(Duration.ofSeconds(10));

		this.http.post()
			.uri("/v1/classroom/sessions/{id}/end", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.teacher)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("ended");
		// the stream ends with the session, and its last event shows every total
		StepVerifier.create(stream.filter(results -> "ended".equals(results.get("status"))))
			.assertNext(results -> assertThat((Map<Object, Object>) question(results, "poll", "how-useful").get("options"))
				.containsEntry("very", 20)
				.containsEntry("quite", 10)
				.containsEntry("not", 0))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		assertThat(join(TestTokens.newLearner(), code).block()).isEqualTo(410);

		this.http.get()
			.uri("/v1/classroom/sessions/{id}/report", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.teacher)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.participants")
			.isEqualTo(30)
			.jsonPath("$.steps[0].questions[0].options.address")
			.isEqualTo(20);
		String csv = this.http.get()
			.uri("/v1/classroom/sessions/{id}/report", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.teacher)
			.accept(MediaType.parseMediaType("text/csv"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(csv).contains("step,kind,question,answered,correctShare,option,count")
			.contains("quiz,quiz,private-info,30,67,address,20");

		// counted once toward the statistics, with the children it reached
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.activity.deliveries()
				.stream()
				.flatMap(delivery -> delivery.activities().stream())
				.anyMatch(a -> a instanceof Activity.ClassroomSessionRun run && run.participants() == 30
						&& run.moduleId().equals(MODULE)));
	}

	/** Before 5 children answered a question, only how many answered shows. */
	@Test
	void fewAnswersShowNoDistribution() {
		Map<?, ?> session = start();
		String id = (String) session.get("id");
		advance(id);
		advance(id);
		for (int i = 0; i < 3; i++) {
			String child = TestTokens.newLearner();
			assertThat(join(child, (String) session.get("joinCode")).block()).isEqualTo(200);
			post(child, "/v1/classroom/sessions/" + id + "/quiz-attempts", quizAnswer()).expectStatus().isCreated();
		}
		end(id);
		this.http.get()
			.uri("/v1/classroom/sessions/{id}/report", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.teacher)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.steps[0].questions[0].answered")
			.isEqualTo(3)
			.jsonPath("$.steps[0].questions[0].options")
			.isEmpty()
			.jsonPath("$.steps[0].questions[0].correctShare")
			.isEmpty();
	}

	/** Another teacher's session is not found on any session endpoint; learners may not read results. */
	@Test
	void onlyTheTeacherWhoStartedItSeesASession() {
		String id = (String) start().get("id");
		String other = TestTokens.staffAs("teacher-" + UUID.randomUUID(), "TEACHER");
		for (String path : List.of("", "/events", "/report")) {
			this.http.get()
				.uri("/v1/classroom/sessions/" + id + path)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + other)
				.exchange()
				.expectStatus()
				.isNotFound();
			this.http.get()
				.uri("/v1/classroom/sessions/" + id + path)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.newLearner())
				.exchange()
				.expectStatus()
				.isForbidden();
		}
		for (String path : List.of("/advance", "/end")) {
			this.http.post()
				.uri("/v1/classroom/sessions/" + id + path)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + other)
				.exchange()
				.expectStatus()
				.isNotFound();
		}
		this.http.get()
			.uri("/v1/classroom/sessions")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + other)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.totalItems")
			.isEqualTo(0);
		// and it is still running, untouched
		this.http.get()
			.uri("/v1/classroom/sessions/" + id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.teacher)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("active")
			.jsonPath("$.stepIndex")
			.isEqualTo(0);
	}

	/**
	 * One token trying 1,000 random codes is stopped after 10 wrong ones, even for the right code;
	 * 40 children of one class (one school address) all join.
	 */
	@Test
	void guessingCodesIsStoppedButAClassJoins() {
		String code = (String) start().get("joinCode");
		String guesser = TestTokens.newLearner();
		Random random = new Random(7);
		int notFound = 0;
		int limited = 0;
		for (int i = 0; i < 1000; i++) {
			StringBuilder guess = new StringBuilder();
			for (int c = 0; c < 6; c++) {
				guess.append(JoinCodes.ALPHABET.charAt(random.nextInt(JoinCodes.ALPHABET.length())));
			}
			int status = join(guesser, guess.toString()).block();
			notFound += (status == 404) ? 1 : 0;
			limited += (status == 429) ? 1 : 0;
		}
		assertThat(notFound).isEqualTo(10);
		assertThat(limited).isEqualTo(990);
		assertThat(join(guesser, code).block()).isEqualTo(429);

		List<Integer> classOf40 = Flux.range(0, 40)
			.flatMap(i -> join(TestTokens.newLearner(), code), 40)
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(classOf40).hasSize(40).containsOnly(200);
	}

	/** A session past its 4 hours: its code gets 410, and its stream ends at once. */
	@Test
	void anExpiredSessionIsGone() {
		Map<?, ?> session = start();
		String id = (String) session.get("id");
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				org.springframework.data.mongodb.core.query.Update.update("expiresAt",
						java.util.Date.from(java.time.Instant.now().minusSeconds(1))),
				ClassSession.COLLECTION)
			.block(Duration.ofSeconds(5));
		assertThat(join(TestTokens.newLearner(), (String) session.get("joinCode")).block()).isEqualTo(410);
		StepVerifier.create(WebClient.create("http://127.0.0.1:" + this.port)
			.get()
			.uri("/v1/classroom/sessions/{id}/events", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.teacher)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(EVENTS)
			.mapNotNull(ServerSentEvent::data)
			.map(results -> results.get("status")))
			.expectNext("expired")
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

	/** An unknown code is 404; a child who has not joined cannot answer; erasure removes the child's markers. */
	@Test
	void joiningRulesAndErasure() {
		Map<?, ?> session = start();
		String id = (String) session.get("id");
		String child = TestTokens.newLearner();
		this.http.post()
			.uri("/v1/classroom/join")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + child)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("code", "0O1IL"))
			.exchange()
			.expectStatus()
			.isBadRequest();
		post(child, "/v1/classroom/sessions/" + id + "/quiz-attempts", quizAnswer()).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://safesteps.org/problems/not-joined");
		assertThat(join(child, (String) session.get("joinCode")).block()).isEqualTo(200);
		this.http.get()
			.uri("/v1/classroom/sessions/{id}/step?locale=th", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + child)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.key")
			.isEqualTo("welcome")
			.jsonPath("$.locale")
			.isEqualTo("th");
		assertThat(markers(id)).isEqualTo(1);
		this.http.delete()
			.uri("/v1/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + child)
			.exchange()
			.expectStatus()
			.isNoContent();
		assertThat(markers(id)).isZero();
	}

	private long markers(String session) {
		return this.mongo.count(Query.query(Criteria.where("session").is(session)), ClassMarkers.COLLECTION)
			.block(Duration.ofSeconds(5));
	}

	private Map<?, ?> start() {
		return this.http.post()
			.uri("/v1/classroom/sessions")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.teacher)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("moduleId", MODULE, "locale", "en", "ageBand", "9-12", "country", "TH", "region", "TH-10"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private void advance(String id) {
		this.http.post()
			.uri("/v1/classroom/sessions/{id}/advance", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.teacher)
			.exchange()
			.expectStatus()
			.isOk();
	}

	private void end(String id) {
		this.http.post()
			.uri("/v1/classroom/sessions/{id}/end", id)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.teacher)
			.exchange()
			.expectStatus()
			.isOk();
	}

	private Mono<Integer> join(String child, String code) {
		return Mono.fromCallable(() -> this.http.post()
			.uri("/v1/classroom/join")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + child)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("code", code))
			.exchange()
			.expectBody()
			.returnResult()
			.getStatus()
			.value()).subscribeOn(Schedulers.boundedElastic());
	}

	private WebTestClient.ResponseSpec post(String child, String path, Object body) {
		return this.http.post()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + child)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	/** The status of a request sent on its own thread, so that many can be in flight at once. */
	private static Mono<Integer> status(java.util.function.Supplier<WebTestClient.ResponseSpec> request) {
		return Mono.fromCallable(() -> request.get().expectBody().returnResult().getStatus().value())
			.subscribeOn(Schedulers.boundedElastic());
	}

	private static Map<String, Object> quizAnswer() {
		return Map.of("step", "quiz", "answers",
				List.of(Map.of("question", "private-info", "selected", List.of("address"))));
	}

	@SuppressWarnings("unchecked")
	private static int answered(Map<String, Object> results, String step) {
		return ((List<Map<String, Object>>) results.get("steps")).stream()
			.filter(s -> s.get("key").equals(step))
			.mapToInt(s -> ((Number) s.get("answered")).intValue())
			.sum();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> question(Map<String, Object> results, String step, String question) {
		for (Map<String, Object> s : (List<Map<String, Object>>) results.get("steps")) {
			if (s.get("key").equals(step)) {
				for (Map<String, Object> q : (List<Map<String, Object>>) s.get("questions")) {
					if (q.get("question").equals(question)) {
						return q;
					}
				}
			}
		}
		throw new AssertionError("no question " + question + " in step " + step);
	}


}
