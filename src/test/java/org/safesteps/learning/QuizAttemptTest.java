package org.safesteps.learning;

import java.util.List;


import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.safesteps.support.ApiTest;
import org.safesteps.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ApiTest
class QuizAttemptTest {

	static final String QUIZ = "/v1/quizzes/quiz-child-privacy-9-12/attempts";

	static final String ALL_RIGHT = """
			{"answers":[
			  {"question":"private-info","selected":["address"]},
			  {"question":"which-private","selected":["phone","password","school"]},
			  {"question":"private-account","selected":["false"]},
			  {"question":"free-coins","selected":["tell-adult"]},
			  {"question":"steps","selected":["tell","save","remove"]}]}
			""";

	@Autowired
	WebTestClient http;

	@Autowired
	ReactiveMongoTemplate mongo;

	/** Right answers of every question type score 100%, with a localised summary and explanations. */
	@Test
	void scoresEveryQuestionTypeOnTheServer() {
		this.http.post()
			.uri(QUIZ + "?locale=th")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.newLearner())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(ALL_RIGHT)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_LANGUAGE, "th")
			.expectBody()
			.jsonPath("$.correctCount")
			.isEqualTo(5)
			.jsonPath("$.scorePercent")
			.isEqualTo(100)
			.jsonPath("$.summary")
			.isEqualTo("ตอบถูก 5 ข้อ จาก 5 ข้อ")
			.jsonPath("$.questions[0].explanations[0].feedback")
			.isEqualTo("ถูกต้อง ที่อยู่บอกว่าจะหาตัวเราได้ที่ไหน จึงควรเก็บเป็นความลับ");
	}

	/** Wrong and missing answers are not right, and the explanation says why. */
	@Test
	void wrongAnswersGetTheirExplanation() {
		this.http.post()
			.uri(QUIZ)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.newLearner())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"answers":[
					  {"question":"private-info","selected":["colour"]},
					  {"question":"which-private","selected":["password"]},
					  {"question":"steps","selected":["remove","save","tell"]}]}
					""")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.correctCount")
			.isEqualTo(0)
			.jsonPath("$.summary")
			.isEqualTo("You got 0 answers right out of 5.")
			.jsonPath("$.questions[0].correct")
			.isEqualTo(false)
			.jsonPath("$.questions[0].correctOptions[0]")
			.isEqualTo("address")
			.jsonPath("$.questions[0].explanations[?(@.option == 'colour')].feedback")
			.isEqualTo(List.of("Your favourite colour does not show who you are or where you live, so it is usually fine to share."))
			.jsonPath("$.questions[2].answered")
			.isEqualTo(false);
	}

	/** One right answer uses the singular form of the ICU plural. */
	@Test
	void oneRightAnswerIsSingular() {
		postAs(TestTokens.newLearner(), "{\"answers\":[{\"question\":\"private-info\",\"selected\":[\"address\"]}]}")
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.summary")
			.isEqualTo("You got 1 answer right out of 5.");
	}

	/** An unknown field gets a 400 naming it, and nothing is stored. */
	@Test
	void unknownFieldIsNamed() {
		String learner = TestTokens.newLearner();
		postAs(learner, "{\"answers\":[{\"question\":\"steps\",\"selected\":[\"stop\"],\"hint\":true}]}")
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://safesteps.org/problems/validation")
			.jsonPath("$.errors[0].field")
			.isEqualTo("answers[0].hint");
		assertNothingStored(learner);
	}

	/** A wrong type gets a 400 naming the field. */
	@Test
	void wrongTypeIsNamed() {
		postAs(TestTokens.newLearner(), "{\"answers\":[{\"question\":\"steps\",\"selected\":\"stop\"}]}")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("answers[0].selected");
	}

	/** Bean validation names the field too, e.g. an empty answer list. */
	@Test
	void emptyAnswersAreInvalid() {
		postAs(TestTokens.newLearner(), "{\"answers\":[]}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("answers");
	}

	/** A key starting with $ is rejected before anything reads it, and nothing is stored. */
	@Test
	void mongoOperatorKeysAreRejected() {
		String learner = TestTokens.newLearner();
		postAs(learner, "{\"answers\":[{\"question\":\"steps\",\"selected\":[\"stop\"],\"$where\":\"1\"}]}")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://safesteps.org/problems/operator-rejected")
			.jsonPath("$.errors[0].field")
			.isEqualTo("/answers/0/$where");
		assertNothingStored(learner);
	}

	/** Malformed JSON gets a 400 malformed problem. */
	@Test
	void malformedJsonIsRejected() {
		postAs(TestTokens.newLearner(), "{\"answers\":[").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://safesteps.org/problems/malformed");
	}

	/** A body over the limit gets 413, and nothing is stored. */
	@Test
	void oversizedBodyIs413() {
		String learner = TestTokens.newLearner();
		String huge = "{\"answers\":[{\"question\":\"" + "a".repeat(70_000) + "\",\"selected\":[\"x\"]}]}";
		postAs(learner, huge).expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://safesteps.org/problems/payload-too-large");
		assertNothingStored(learner);
	}

	/** Answers that do not fit the quiz are rejected naming the field. */
	@Test
	void answersMustFitTheQuiz() {
		postAs(TestTokens.newLearner(), """
				{"answers":[
				  {"question":"no-such-question","selected":["a"]},
				  {"question":"private-info","selected":["address","colour"]},
				  {"question":"steps","selected":["stop","nope"]}]}
				""")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("answers[0].question", "answers[1].selected", "answers[2].selected"));
	}

	/** An unknown quiz is a 404. */
	@Test
	void unknownQuizIsNotFound() {
		this.http.post()
			.uri("/v1/quizzes/no-such-quiz/attempts")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.newLearner())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(ALL_RIGHT)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://safesteps.org/problems/not-found");
	}

	/** A body that is not JSON gets 415. */
	@Test
	void nonJsonIs415() {
		this.http.post()
			.uri(QUIZ)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.newLearner())
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("answers")
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://safesteps.org/problems/unsupported-media-type");
	}

	/** Past the limit (5 in tests), a learner gets 429 with Retry-After; another learner is not affected. */
	@Test
	void learnerWritesAreRateLimited() {
		String learner = TestTokens.newLearner();
		for (int i = 0; i < 5; i++) {
			postAs(learner, ALL_RIGHT).expectStatus().isCreated().expectBody();
		}
		postAs(learner, ALL_RIGHT).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.exists(HttpHeaders.RETRY_AFTER)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://safesteps.org/problems/rate-limited");
		postAs(TestTokens.newLearner(), ALL_RIGHT).expectStatus().isCreated().expectBody();
	}

	/** Rejected attempts (unknown question, bad context, malformed) do not use up the learner's budget. */
	@Test
	void invalidAttemptsCostNothing() {
		String learner = TestTokens.newLearner();
		for (int i = 0; i < 10; i++) {
			postAs(learner, "{\"answers\":[{\"question\":\"no-such-question\",\"selected\":[\"a\"]}]}")
				.expectStatus()
				.isBadRequest()
				.expectBody();
			postAs(learner, "{\"answers\":[{\"question\":\"steps\",\"selected\":[\"stop\"]}],"
					+ "\"context\":{\"country\":\"FR\",\"ageBand\":\"9-12\"}}")
				.expectStatus()
				.isBadRequest()
				.expectBody();
		}
		for (int i = 0; i < 5; i++) {
			postAs(learner, ALL_RIGHT).expectStatus().isCreated().expectBody();
		}
	}

	/** Progress shows completed lessons and best scores, stored under a hash: no uid in the database. */
	@Test
	void progressIsKeptUnderAKeyedHash() {
		String uid = "anon-progress-" + System.nanoTime();
		String learner = TestTokens.learner(uid);
		postAs(learner, "{\"answers\":[{\"question\":\"private-info\",\"selected\":[\"address\"]}]}").expectStatus()
			.isCreated()
			.expectBody();
		postAs(learner, ALL_RIGHT).expectStatus().isCreated().expectBody();
		progressOf(learner).jsonPath("$.lessonsCompleted")
			.isEqualTo(List.of("child-privacy-9-12"))
			.jsonPath("$.bestQuizScores[0].bestScorePercent")
			.isEqualTo(100)
			.jsonPath("$.attempts")
			.isEqualTo(2);
		this.mongo.findAll(Document.class, LearnerProgressStore.COLLECTION)
			.map(Document::toJson)
			.as(StepVerifier::create)
			.thenConsumeWhile(json -> !json.contains(uid))
			.verifyComplete();
	}

	/** DELETE /v1/me erases the learner's progress; a second call is harmless. */
	@Test
	void eraseLeavesNothingBehind() {
		String learner = TestTokens.newLearner();
		postAs(learner, ALL_RIGHT).expectStatus().isCreated().expectBody();
		String key = TestTokens.subjectKey(learner);
		this.mongo.count(Query.query(Criteria.where("_id").is(key)), LearnerProgressStore.COLLECTION)
			.as(StepVerifier::create)
			.expectNext(1L)
			.verifyComplete();
		for (int i = 0; i < 2; i++) {
			this.http.delete()
				.uri("/v1/me")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + learner)
				.exchange()
				.expectStatus()
				.isNoContent()
				.expectBody()
				.isEmpty();
		}
		progressOf(learner).jsonPath("$.attempts")
			.isEqualTo(0)
			.jsonPath("$.lessonsCompleted")
			.isEmpty();
		assertNothingStored(learner);
	}

	private WebTestClient.BodyContentSpec progressOf(String token) {
		return this.http.get()
			.uri("/v1/me/progress")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	private WebTestClient.ResponseSpec postAs(String token, String body) {
		return this.http.post()
			.uri(QUIZ)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	/** No document in any collection mentions this learner's key. */
	private void assertNothingStored(String token) {
		String key = TestTokens.subjectKey(token);
		this.mongo.getCollectionNames()
			.flatMap(collection -> this.mongo.findAll(Document.class, collection))
			.map(Document::toJson)
			.filter(json -> json.contains(key))
			.as(StepVerifier::create)
			.verifyComplete();
	}


}
