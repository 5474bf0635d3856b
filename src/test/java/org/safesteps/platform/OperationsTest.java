package org.safesteps.platform;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.safesteps.support.ApiTest;
import org.safesteps.support.ManagementPort;
import org.safesteps.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Metrics for operators on the management port only, with nothing about a learner; a request id on log lines. */
@ApiTest
class OperationsTest {

	@Autowired
	WebTestClient http;

	@LocalManagementPort
	int managementPort;

	/** Request rate, latency and errors per route, the content version, imports and rate-limit rejections. */
	@Test
	void prometheusShowsRoutesContentAndLimits() {
		String learner = TestTokens.newLearner();
		this.http.get().uri("/v1/lessons/child-privacy-9-12").exchange().expectStatus().isOk().expectBody();
		this.http.get().uri("/v1/lessons/no-such-lesson").exchange().expectStatus().isNotFound().expectBody();
		for (int i = 0; i < 6; i++) {
			this.http.post()
				.uri("/v1/quizzes/quiz-child-privacy-9-12/attempts")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + learner)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"answers\":[{\"question\":\"private-info\",\"selected\":[\"address\"]}]}")
				.exchange()
				.expectBody();
		}
		String scrape = ManagementPort.client(this.managementPort)
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(scrape).containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/v1/lessons/\\{id}\"")
			.containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"404\"[^}]*uri=\"/v1/lessons/\\{id}\"")
			.containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/v1/quizzes/\\{id}/attempts\"")
			.containsPattern("safesteps_content_version [1-9]")
			.contains("safesteps_content_import_seconds_count")
			.containsPattern("safesteps_rate_limit_rejections_total\\{limit=\"learner-writes\"} [1-9]");
		assertThat(scrape).doesNotContain(TestTokens.subjectKey(learner))
			.doesNotContain("no-such-lesson")
			.doesNotContain(learner.substring(0, 20));
	}

	/** Metrics are not served on the public port. */
	@Test
	void metricsAreNotPublic() {
		this.http.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
	}

	/** Every response names its request id, and lines logged while handling the request carry it. */
	@Test
	void logLinesCarryTheRequestId() {
		Logger logger = (Logger) LoggerFactory.getLogger("org.safesteps.content");
		ListAppender<ILoggingEvent> captured = new ListAppender<>();
		captured.start();
		logger.addAppender(captured);
		try {
			String requestId = this.http.post()
				.uri("/v1/admin/content/import")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff("CONTENT_MANAGER"))
				.exchange()
				.expectStatus()
				.isOk()
				.returnResult(String.class)
				.getResponseHeaders()
				.getFirst("X-Request-Id");
			assertThat(requestId).matches("[0-9a-f]{16}");
			List<ILoggingEvent> lines = captured.list.stream()
				.filter(event -> event.getFormattedMessage().startsWith("Content import"))
				.toList();
			assertThat(lines).isNotEmpty()
				.allSatisfy(event -> assertThat(event.getMDCPropertyMap()).containsEntry("requestId", requestId));
		}
		finally {
			logger.detachAppender(captured);
		}
	}

}
