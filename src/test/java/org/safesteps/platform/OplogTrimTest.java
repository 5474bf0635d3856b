package org.safesteps.platform;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.mongodb.reactivestreams.client.MongoClient;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.safesteps.support.ApiTest;
import org.safesteps.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded server's oplog does not keep what was erased: it is trimmed. */
@ApiTest
class OplogTrimTest {

	@Autowired
	WebTestClient http;

	@Autowired
	MongoClient client;

	@Autowired
	EmbeddedOplogTrim trim;

	/**
	 * The embedded server logs inserted documents whole, so a child's feedback text would stay in
	 * the oplog after the retention job deletes it from the feedback; trimming removes it.
	 */
	@Test
	void childrensTextLeavesTheOplogWhenTrimmed() {
		// letters only: the scrubber would replace a run of digits
		String text = "The lesson about passwords was useful " + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
		this.http.post()
			.uri("/v1/feedback")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.newLearner())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("feedbackId", UUID.randomUUID().toString(), "lessonId", "child-privacy-9-12", "helpful",
					true, "text", text, "context", Map.of("country", "TH", "ageBand", "9-12")))
			.exchange()
			.expectStatus()
			.isCreated();
		assertThat(entriesHolding(text)).isOne();

		assertThat(this.trim.trim(Duration.ZERO).block()).isPositive();

		assertThat(entriesHolding(text)).isZero();
	}

	private long entriesHolding(String text) {
		return Flux.from(this.client.getDatabase("local").getCollection("oplog.rs", Document.class).find())
			.filter(entry -> entry.toJson().contains(text))
			.count()
			.blockOptional(Duration.ofSeconds(5))
			.orElseThrow();
	}

}
