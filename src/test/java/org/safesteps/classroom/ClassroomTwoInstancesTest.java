package org.safesteps.classroom;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.safesteps.SafeStepsApplication;
import org.safesteps.support.ApiTest;
import org.safesteps.support.OwnNettyResources;
import org.safesteps.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service on one MongoDB: the teacher starts the session and listens on
 * one, the children join and answer on the other, and the teacher's stream still converges.
 */
@ApiTest
class ClassroomTwoInstancesTest {

	static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENTS = new ParameterizedTypeReference<>() {
	};

	@Autowired
	WebTestClient children;

	@Autowired
	MongoServer mongo;

	@Test
	void theTeacherListensOnAnotherInstance() {
		String uri = "mongodb://127.0.0.1:" + this.mongo.getLocalAddress().getPort() + "/safesteps";
		try (ConfigurableApplicationContext teachers = new SpringApplicationBuilder(SafeStepsApplication.class, OwnNettyResources.class)
			.profiles("test")
			.run("--spring.mongodb.uri=" + uri, "--server.port=0", "--management.server.port=0",
					"--safesteps.security.learner.jwk-set-uri=" + TestTokens.learnerJwkSetUri(),
					"--safesteps.security.staff.jwk-set-uri=" + TestTokens.staffJwkSetUri())) {
			int port = Integer.parseInt(teachers.getEnvironment().getProperty("local.server.port"));
			WebClient other = WebClient.create("http://127.0.0.1:" + port);
			String teacher = TestTokens.staffAs("teacher-two-instances", "TEACHER");
			Map<?, ?> session = other.post()
				.uri("/v1/classroom/sessions")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + teacher)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("moduleId", "module-9-12-my-information", "locale", "en", "ageBand", "9-12",
						"country", "TH"))
				.retrieve()
				.bodyToMono(Map.class)
				.block(Duration.ofSeconds(10));
			String id = (String) session.get("id");
			Flux<Map<String, Object>> stream = other.get()
				.uri("/v1/classroom/sessions/{id}/events", id)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + teacher)
				.accept(MediaType.TEXT_EVENT_STREAM)
				.retrieve()
				.bodyToFlux(EVENTS)
				.map(ServerSentEvent::data)
				.filter(Objects::nonNull)
				.replay()
				.autoConnect(0);
			for (int i = 0; i < 2; i++) {
				other.post()
					.uri("/v1/classroom/sessions/{id}/advance", id)
					.header(HttpHeaders.AUTHORIZATION, "Bearer " + teacher)
					.retrieve()
					.toBodilessEntity()
					.block(Duration.ofSeconds(10));
			}

			for (int i = 0; i < 6; i++) {
				String child = TestTokens.newLearner();
				this.children.post()
					.uri("/v1/classroom/join")
					.header(HttpHeaders.AUTHORIZATION, "Bearer " + child)
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(Map.of("code", session.get("joinCode")))
					.exchange()
					.expectStatus()
					.isOk();
				this.children.post()
					.uri("/v1/classroom/sessions/{id}/quiz-attempts", id)
					.header(HttpHeaders.AUTHORIZATION, "Bearer " + child)
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(Map.of("step", "quiz", "answers",
							List.of(Map.of("question", "private-info", "selected", List.of("address")))))
					.exchange()
					.expectStatus()
					.isCreated();
			}

			StepVerifier.create(stream.filter(results -> ((Number) results.get("participants")).intValue() == 6
					&& answered(results) == 6).take(1))
				.assertNext(results -> assertThat(results.get("stepKey")).isEqualTo("quiz"))
				.expectComplete()
				.verify(Duration.ofSeconds(10));
		}
	}

	@SuppressWarnings("unchecked")
	private static long answered(Map<String, Object> results) {
		return ((List<Map<String, Object>>) results.get("steps")).stream()
			.filter(step -> step.get("key").equals("quiz"))
			.mapToLong(step -> ((Number) step.get("answered")).longValue())
			.sum();
	}

}
