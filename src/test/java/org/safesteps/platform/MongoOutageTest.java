package org.safesteps.platform;

import java.time.Duration;

import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.Test;

import org.safesteps.support.ApiTest;
import org.safesteps.support.ManagementPort;
import org.safesteps.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** With MongoDB gone: health turns DOWN, content is still served from memory, and writes get 503. */
@ApiTest
@DirtiesContext
class MongoOutageTest {

	@Autowired
	WebTestClient http;

	@Autowired
	MongoServer mongoServer;

	@LocalManagementPort
	int managementPort;

	/** Health is UP on the embedded server, then DOWN within 5 seconds of losing it; readiness stays UP. */
	@Test
	void outageIsVisibleButContentStaysUp() {
		WebTestClient management = ManagementPort.client(this.managementPort);
		management.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.mongo.status")
			.isEqualTo("UP");

		this.mongoServer.shutdownNow();
		WebTestClient patient = this.http.mutate().responseTimeout(Duration.ofSeconds(20)).build();

		long start = System.nanoTime();
		management.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.components.mongo.status")
			.isEqualTo("DOWN")
			.jsonPath("$.components.mongo.details")
			.doesNotExist();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

		// Content is served from memory, so the service stays ready for load balancers.
		patient.get().uri("/readyz").exchange().expectStatus().isOk();

		patient.get()
			.uri("/v1/lessons/child-privacy-9-12?locale=th")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.localization.locale")
			.isEqualTo("th");

		patient.post()
			.uri("/v1/quizzes/quiz-child-privacy-9-12/attempts")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.newLearner())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"answers\":[{\"question\":\"private-info\",\"selected\":[\"address\"]}]}")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://safesteps.org/problems/database-unavailable");
	}

}
