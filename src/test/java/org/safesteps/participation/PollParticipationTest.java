package org.safesteps.participation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.safesteps.activity.Activity;
import org.safesteps.support.ApiTest;
import org.safesteps.support.ContentFolders;
import org.safesteps.support.RecordingActivityListener;
import org.safesteps.support.TestPolls;
import org.safesteps.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Anonymous policy polls over HTTP, on a copy of the content with three polls of the test's own:
 * one open now, one closed, one not yet open.
 */
@ApiTest
class PollParticipationTest {

	static final Path WORK = contentWithTestPolls();

	static final String OPEN = "/v1/polls/poll-test-open/responses";

	@DynamicPropertySource
	static void content(DynamicPropertyRegistry registry) {
		registry.add("safesteps.content.directory", () -> WORK.resolve("content").toString());
		registry.add("safesteps.localization.directory", () -> WORK.resolve("localization").toString());
	}

	@Autowired
	WebTestClient http;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	Markers markers;

	@Autowired
	RecordingActivityListener activity;

	/** The polls open today for the child's country and age band, localised, with faces for 5-8. */
	@Test
	void openPollsForMyCountryAndAgeBand() {
		this.http.get()
			.uri("/v1/polls?country=TH&ageBand=9-12")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[*].id")
			.value(ids -> assertThat((List<String>) ids).contains("poll-test-open")
				.doesNotContain("poll-test-closed", "poll-test-future", "poll-class-feedback-9-12"));
		this.http.get()
			.uri("/v1/polls?country=JP&ageBand=9-12")
			.exchange()
			.expectBody()
			.jsonPath("$.items[?(@.id == 'poll-test-open')]")
			.isEmpty();
		this.http.get()
			.uri("/v1/polls/poll-test-open?ageBand=5-8")
			.exchange()
			.expectBody()
			.jsonPath("$.questions[0].display")
			.isEqualTo("faces")
			.jsonPath("$.questions[0].options[4].face")
			.isEqualTo("😄");
		this.http.get().uri("/v1/polls?country=XX").exchange().expectStatus().isBadRequest();
	}

	/** A response is stored with no identity; the marker shares nothing with it but the poll id. */
	@Test
	void aResponseIsStoredAnonymously() {
		String uid = "anon-" + UUID.randomUUID();
		String learner = TestTokens.learner(uid);
		String id = UUID.randomUUID().toString();
		respond(learner, body(id, "I feel safer when my mum helps me. My number is 081-234-5678.")).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.responseId")
			.isEqualTo(id)
			.jsonPath("$.support")
			.doesNotExist();

		Document response = this.mongo.findById(id, Document.class, PollResponses.COLLECTION).block(Duration.ofSeconds(5));
		assertThat(response.keySet()).containsExactlyInAnyOrder("_id", "pollId", "answers", "country", "region",
				"ageBand", "gender", "day");
		assertThat(response.toJson()).doesNotContain("081-234-5678").contains("[phone]");
		assertThat(response.getString("day")).matches("\\d{4}-\\d{2}-\\d{2}");
		Document marker = this.mongo.findById(this.markers.id(Markers.Kind.POLL, "poll-test-open", TestTokens.subjectKey(learner)),
				Document.class, Markers.POLL_MARKERS).block(Duration.ofSeconds(5));
		assertThat(marker.keySet()).containsExactlyInAnyOrder("_id", "pollId");
		Set<String> shared = new HashSet<>(response.keySet());
		shared.retainAll(marker.keySet());
		shared.remove("_id");
		assertThat(shared).containsExactly("pollId");
		assertThat(response.getString("_id")).isNotEqualTo(marker.getString("_id"));
		assertNoParticipationDocumentMentions(TestTokens.subjectKey(learner), uid);
	}

	/** A marker is an HMAC under a secret of its own: the learner key alone, or another secret, does not give it. */
	@Test
	void aMarkerCannotBeRecomputedWithoutTheSecret() throws Exception {
		String learner = TestTokens.newLearner();
		respond(learner, body(UUID.randomUUID().toString(), null)).expectStatus().isCreated().expectBody();
		String key = TestTokens.subjectKey(learner);
		String stored = this.markers.id(Markers.Kind.POLL, "poll-test-open", key);
		Markers withAnotherSecret = new Markers(this.mongo,
				new ParticipationProperties("another-secret-0123456789abcdef-0123", Duration.ofDays(180), 500));
		assertThat(withAnotherSecret.id(Markers.Kind.POLL, "poll-test-open", key)).isNotEqualTo(stored);
		assertThat(stored).isNotEqualTo(sha256Hex("pollId\0poll-test-open\0" + key));
		assertThat(this.markers.id(Markers.Kind.POLL, "poll-test-other", key)).isNotEqualTo(stored);
	}

	/**
	 * A response stored by an attempt whose outcome the service never learnt (its marker taken away
	 * again after the insert seemed to fail) is found by the retry: the same result, nothing stored
	 * twice, and the marker is back so that a second answer still gets 409.
	 */
	@Test
	void aRetryFindsAResponseStoredByAnAttemptThatSeemedToFail() {
		String learner = TestTokens.newLearner();
		String id = UUID.randomUUID().toString();
		this.mongo.insert(new org.bson.Document("_id", id).append("pollId", "poll-test-open").append("country", "TH"),
				PollResponses.COLLECTION).block(Duration.ofSeconds(5));
		long before = count(PollResponses.COLLECTION);
		respond(learner, body(id, null)).expectStatus().isCreated().expectBody().jsonPath("$.responseId").isEqualTo(id);
		assertThat(count(PollResponses.COLLECTION)).isEqualTo(before);
		expectAlreadyAnswered(learner);
	}

	/**
	 * A retry that comes after the response was counted (its activity delivered and gone from the
	 * outbox) gets the first result and is not counted again.
	 */
	@Test
	void aLateRetryIsNotCountedAgain() {
		String learner = TestTokens.newLearner();
		String id = UUID.randomUUID().toString();
		long before = countedResponses();
		respond(learner, body(id, null)).expectStatus().isCreated();
		await().atMost(Duration.ofSeconds(10)).until(() -> countedResponses() == before + 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> count("activity_outbox") == 0);
		respond(learner, body(id, null)).expectStatus().isCreated().expectBody().jsonPath("$.responseId").isEqualTo(id);
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> countedResponses() == before + 1);
	}

	/** A second response of the learner to the test poll gets 409 already-answered. */
	private void expectAlreadyAnswered(String learner) {
		respond(learner, body(UUID.randomUUID().toString(), null)).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://safesteps.org/problems/already-answered");
	}

	/** Poll responses from the body() context (TH-57, the open test poll) the listener was given. */
	private long countedResponses() {
		return this.activity.deliveries()
			.stream()
			.filter(delivery -> !delivery.failed())
			.flatMap(delivery -> delivery.activities().stream())
			.filter(Activity.PollAnswered.class::isInstance)
			.map(Activity.PollAnswered.class::cast)
			.filter(answered -> answered.region().equals("TH-57") && answered.pollId().equals("poll-test-open"))
			.count();
	}

	/** A retry with the same response id gets the first result and stores nothing new; another response gets 409. */
	@Test
	void retriesAreSafeAndASecondResponseIsRefused() {
		String learner = TestTokens.newLearner();
		String id = UUID.randomUUID().toString();
		respond(learner, body(id, null)).expectStatus().isCreated().expectBody().jsonPath("$.responseId").isEqualTo(id);
		long before = count(PollResponses.COLLECTION);
		respond(learner, body(id, null)).expectStatus().isCreated().expectBody().jsonPath("$.responseId").isEqualTo(id);
		assertThat(count(PollResponses.COLLECTION)).isEqualTo(before);
		expectAlreadyAnswered(learner);
		assertThat(count(PollResponses.COLLECTION)).isEqualTo(before);
		await().atMost(Duration.ofSeconds(10)).until(() -> countedResponses() >= 1);
	}

	/**
	 * A response id already used for another poll is refused with a 400 naming it, and leaves no
	 * marker behind: the child can still answer with a new id.
	 */
	@Test
	void aResponseIdIsNotReusedAcrossPolls() {
		String learner = TestTokens.newLearner();
		String id = uuid();
		respond(learner, body(id, null)).expectStatus().isCreated();
		long before = count(PollResponses.COLLECTION);
		expectProblem(learner, "/v1/polls/poll-test-open-too/responses", body(id, null), 400, "validation",
				"is the id of something else already stored");
		assertThat(count(PollResponses.COLLECTION)).isEqualTo(before);
		postAs(learner, "/v1/polls/poll-test-open-too/responses", body(uuid(), null)).expectStatus().isCreated();
	}

	/** Bad input gets a clear 4xx, and neither a response nor a marker is stored. */
	@Test
	void badInputStoresNothing() {
		String learner = TestTokens.newLearner();
		String ctx = "\"context\":{\"country\":\"TH\",\"region\":\"TH-57\",\"ageBand\":\"9-12\"}";
		expectProblem(learner, OPEN, "{\"responseId\":\"" + uuid() + "\",\"answers\":[{\"question\":\"feel-safe\",\"selected\":[\"9\"]},"
				+ "{\"question\":\"what-worries\",\"selected\":[\"strangers\"]}]," + ctx + "}", 400, "validation",
				"question 'feel-safe' has no option '9'");
		expectProblem(learner, OPEN, "{\"responseId\":\"" + uuid() + "\",\"answers\":[{\"question\":\"feel-safe\",\"selected\":[\"1\",\"2\"]},"
				+ "{\"question\":\"what-worries\",\"selected\":[\"strangers\"]}]," + ctx + "}", 400, "validation",
				"question 'feel-safe' takes exactly one option");
		expectProblem(learner, OPEN, "{\"responseId\":\"" + uuid() + "\",\"answers\":[{\"question\":\"feel-safe\",\"selected\":[\"3\"]}],"
				+ ctx + "}", 400, "validation", "question 'what-worries' must be answered");
		expectProblem(learner, OPEN, body(uuid(), "a".repeat(501)), 400, "validation", "takes at most 500 characters");
		expectProblem(learner, OPEN, "{\"responseId\":\"" + uuid() + "\",\"answers\":[{\"question\":\"feel-safe\",\"selected\":[\"3\"],"
				+ "\"$where\":\"1\"}]," + ctx + "}", 400, "operator-rejected", null);
		expectProblem(learner, OPEN, body(uuid(), null).replace("\"TH\"", "\"JP\"").replace("TH-57", "JP-13"), 403,
				"not-targeted", null);
		expectProblem(learner, OPEN, body(uuid(), null).replace("9-12", "5-8"), 403, "not-targeted", null);
		expectProblem(learner, "/v1/polls/poll-test-closed/responses", body(uuid(), null), 409, "poll-closed", null);
		expectProblem(learner, "/v1/polls/poll-test-future/responses", body(uuid(), null), 409, "poll-not-open", null);
		expectProblem(learner, "/v1/polls/no-such-poll/responses", body(uuid(), null), 404, "not-found", null);
		assertNoParticipationDocumentMentions(TestTokens.subjectKey(learner), null);
		this.mongo.exists(Query.query(Criteria.where("_id")
			.is(this.markers.id(Markers.Kind.POLL, "poll-test-open", TestTokens.subjectKey(learner)))), Markers.POLL_MARKERS)
			.as(StepVerifier::create)
			.expectNext(false)
			.verifyComplete();
	}

	/** Text that signals danger gets a warm answer with the national helpline at once; it is still stored, scrubbed. */
	@Test
	void aChildInDangerIsSignposted() {
		String id = uuid();
		respond(TestTokens.newLearner(), body(id, "a man i met in a game wants to meet me and keep it secret"))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.support.message")
			.isNotEmpty()
			.jsonPath("$.support.steps[0]")
			.isNotEmpty()
			.jsonPath("$.support.helpServices[0].kind")
			.isEqualTo("child-helpline")
			.jsonPath("$.support.helpServices[0].number")
			.isNotEmpty();
		assertThat(this.mongo.findById(id, Document.class, PollResponses.COLLECTION).block(Duration.ofSeconds(5)))
			.isNotNull();
	}

	/** DELETE /v1/me removes the learner's markers; the anonymous response stays. */
	@Test
	void erasureRemovesTheMarkersOnly() {
		String learner = TestTokens.newLearner();
		String id = uuid();
		respond(learner, body(id, null)).expectStatus().isCreated().expectBody();
		this.http.delete()
			.uri("/v1/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + learner)
			.exchange()
			.expectStatus()
			.isNoContent();
		assertThat(this.mongo.findById(this.markers.id(Markers.Kind.POLL, "poll-test-open", TestTokens.subjectKey(learner)),
				Document.class, Markers.POLL_MARKERS).blockOptional(Duration.ofSeconds(5))).isEmpty();
		assertThat(this.mongo.findById(id, Document.class, PollResponses.COLLECTION).blockOptional(Duration.ofSeconds(5)))
			.isPresent();
	}

	/** An analyst of a target country publishes what changed for a closed poll; it is served localised, falling back to English. */
	@Test
	void youSaidWeDid() {
		String statement = "{\"country\":\"TH\",\"statement\":{\"en\":\"Schools now teach how to report.\","
				+ "\"th\":\"โรงเรียนสอนวิธีแจ้งแล้ว\"}}";
		publish("MINISTRY_ANALYST", "VN", "/v1/polls/poll-test-closed/outcome", statement).expectStatus().isForbidden();
		publish("TEACHER", "TH", "/v1/polls/poll-test-closed/outcome", statement).expectStatus().isForbidden();
		publish("MINISTRY_ANALYST", "TH", "/v1/polls/poll-test-open/outcome", statement).expectStatus().isEqualTo(409);
		publish("MINISTRY_ANALYST", "TH", "/v1/polls/poll-test-closed/outcome",
				"{\"country\":\"TH\",\"statement\":{\"th\":\"ไม่มีภาษาอังกฤษ\"}}")
			.expectStatus()
			.isBadRequest();
		publish("MINISTRY_ANALYST", "TH", "/v1/polls/poll-test-closed/outcome", statement).expectStatus().isCreated();
		this.http.get()
			.uri("/v1/polls/poll-test-closed/outcome?locale=th")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.outcomes[0].statement")
			.isEqualTo("โรงเรียนสอนวิธีแจ้งแล้ว")
			.jsonPath("$.outcomes[0].fallback")
			.isEqualTo(false);
		this.http.get()
			.uri("/v1/polls/poll-test-closed/outcome?country=TH")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "vi")
			.exchange()
			.expectBody()
			.jsonPath("$.outcomes[0].statement")
			.isEqualTo("Schools now teach how to report.")
			.jsonPath("$.outcomes[0].locale")
			.isEqualTo("en");
	}

	/** Lesson feedback is stored anonymously, once per learner and lesson. */
	@Test
	void lessonFeedback() {
		String learner = TestTokens.newLearner();
		String id = uuid();
		String feedback = "{\"feedbackId\":\"" + id + "\",\"lessonId\":\"child-privacy-9-12\",\"helpful\":true,\"rating\":5,"
				+ "\"text\":\"loved it, I'm @linh_2014\",\"context\":{\"country\":\"VN\",\"region\":\"VN-HN\",\"ageBand\":\"9-12\"}}";
		postAs(learner, "/v1/feedback", feedback).expectStatus().isCreated().expectBody().jsonPath("$.feedbackId").isEqualTo(id);
		postAs(learner, "/v1/feedback", feedback).expectStatus().isCreated();
		postAs(learner, "/v1/feedback", feedback.replace(id, uuid())).expectStatus().isEqualTo(409);
		postAs(learner, "/v1/feedback", feedback.replace(id, uuid()).replace("child-privacy-9-12", "nope"))
			.expectStatus()
			.isBadRequest();
		Document stored = this.mongo.findById(id, Document.class, LessonFeedbacks.COLLECTION).block(Duration.ofSeconds(5));
		assertThat(stored.getString("text")).isEqualTo("loved it, I'm [handle]");
		assertNoParticipationDocumentMentions(TestTokens.subjectKey(learner), null);
	}

	private WebTestClient.ResponseSpec respond(String learner, String body) {
		return postAs(learner, OPEN, body);
	}

	private WebTestClient.ResponseSpec postAs(String learner, String uri, String body) {
		return this.http.post()
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + learner)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private WebTestClient.ResponseSpec publish(String role, String country, String uri, String body) {
		return this.http.post()
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff(role, country))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private void expectProblem(String learner, String uri, String body, int status, String type, String message) {
		WebTestClient.BodyContentSpec problem = postAs(learner, uri, body).expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://safesteps.org/problems/" + type);
		if (message != null) {
			problem.jsonPath("$.errors[*].message")
				.value(messages -> assertThat((List<String>) messages).anySatisfy(m -> assertThat(m).contains(message)));
		}
	}

	private static String body(String responseId, String text) {
		return "{\"responseId\":\"" + responseId + "\",\"answers\":[{\"question\":\"feel-safe\",\"selected\":[\"4\"]},"
				+ "{\"question\":\"what-worries\",\"selected\":[\"strangers\",\"unkind\"]}"
				+ ((text != null) ? ",{\"question\":\"what-helps\",\"text\":\"" + text + "\"}" : "")
				+ "],\"context\":{\"country\":\"TH\",\"region\":\"TH-57\",\"ageBand\":\"9-12\",\"gender\":\"girl\"}}";
	}

	private long count(String collection) {
		return this.mongo.count(new Query(), collection).block(Duration.ofSeconds(5));
	}

	/** No participation document holds the learner's key (or uid): responses and feedback are anonymous. */
	private void assertNoParticipationDocumentMentions(String learnerKey, String uid) {
		for (String collection : List.of(PollResponses.COLLECTION, LessonFeedbacks.COLLECTION, Markers.POLL_MARKERS,
				Markers.FEEDBACK_MARKERS, Outcomes.COLLECTION)) {
			this.mongo.findAll(Document.class, collection)
				.map(Document::toJson)
				.filter(json -> json.contains(learnerKey) || (uid != null && json.contains(uid)))
				.as(StepVerifier::create)
				.verifyComplete();
		}
	}

	private static String uuid() {
		return UUID.randomUUID().toString();
	}

	private static String sha256Hex(String text) throws Exception {
		return java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	private static Path contentWithTestPolls() {
		try {
			Path work = ContentFolders.temporaryCopy("safesteps-polls");
			TestPolls.write(work, "poll-test-open", "2020-01-01", "2099-12-31");
			TestPolls.write(work, "poll-test-open-too", "2020-01-01", "2099-12-31");
			TestPolls.write(work, "poll-test-closed", "2020-01-01", "2021-12-31");
			TestPolls.write(work, "poll-test-future", "2098-01-01", "2099-12-31");
			return work;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}


}
