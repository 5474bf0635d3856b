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

/** The embedded server keeps no oplog, so nothing written lives on in one after it is deleted. */
@ApiTest
class NoOplogTest {

	@Autowired
	WebTestClient http;

	@Autowired
	MongoClient client;

	/** A child's feedback text is stored, and found nowhere in the local database. */
	@Test
	void writtenTextIsNotCopiedIntoAnOplog() {
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
		long stored = Flux.from(this.client.getDatabase("safesteps").listCollectionNames())
			.flatMap(name -> Flux.from(this.client.getDatabase("safesteps").getCollection(name, Document.class).find()))
			.filter(document -> document.toJson().contains(text))
			.count()
			.block(Duration.ofSeconds(10));
		assertThat(stored).isOne();
		long inLocal = Flux.from(this.client.getDatabase("local").listCollectionNames())
			.flatMap(name -> Flux.from(this.client.getDatabase("local").getCollection(name, Document.class).find()))
			.filter(document -> document.toJson().contains(text))
			.count()
			.block(Duration.ofSeconds(10));
		assertThat(inLocal).isZero();
	}

}
