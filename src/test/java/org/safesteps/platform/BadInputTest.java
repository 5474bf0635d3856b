package org.safesteps.platform;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.safesteps.support.ApiTest;
import org.safesteps.support.RawHttp;
import org.safesteps.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Malformed requests get a 4xx problem, never a 500 or an empty body. */
@ApiTest
class BadInputTest {

	static final List<String> CONTENT_ROUTES = List.of("/v1/catalog", "/v1/lessons", "/v1/lessons/child-privacy-9-12",
			"/v1/quizzes/quiz-child-privacy-9-12", "/v1/bundles/th?audience=child", "/v1/help", "/v1/locales",
			"/v1/images/privacy-settings-toggle.svg");

	static final String ATTEMPTS = "/v1/quizzes/quiz-child-privacy-9-12/attempts";

	@Autowired
	WebTestClient http;

	@LocalServerPort
	int port;

	/** An Accept-Language that is not ASCII (Thai letters, U+202E, U+2028, U+0085) is a 400 problem on every content route. */
	@Test
	void nonAsciiAcceptLanguageIsA400Problem() {
		for (String value : List.of("\u0e44th", "\u202eth", "th\u2028en", "th\u0085")) {
			for (String route : CONTENT_ROUTES) {
				RawHttp.Response response = RawHttp.get(this.port, route,
						Map.of("Accept-Language", RawHttp.utf8(value)));
				assertThat(response.status()).as(route).isEqualTo(400);
				assertThat(response.header("content-type")).isEqualTo("application/problem+json");
				assertThat(response.body()).contains("https://safesteps.org/problems/request-rejected");
			}
		}
	}

	/** A charset that is not UTF-8, or not a charset at all, is a 415 problem, and nothing is stored. */
	@Test
	void bogusCharsetIs415() {
		for (String type : List.of("application/json; charset=bogus", "application/json; charset=iso-8859-1",
				"application/json;;;=")) {
			RawHttp.Response response = RawHttp.send(this.port, "POST " + ATTEMPTS + " HTTP/1.1",
					Map.of("Authorization", RawHttp.utf8("Bearer " + TestTokens.newLearner()), "Content-Type",
							RawHttp.utf8(type)),
					RawHttp.utf8("{\"answers\":[{\"question\":\"private-info\",\"selected\":[\"address\"]}]}"));
			assertThat(response.status()).as(type).isEqualTo(415);
			assertThat(response.header("content-type")).isEqualTo("application/problem+json");
		}
	}

	/** JSON routes answer JSON or 406, never a Server-Sent Events stream or text. */
	@Test
	void jsonRoutesAnswerJsonOr406() {
		String learner = TestTokens.newLearner();
		for (String accept : List.of("text/*", "text/event-stream", "text/html", "image/png")) {
			this.http.get()
				.uri("/v1/lessons/child-privacy-9-12")
				.header(HttpHeaders.ACCEPT, accept)
				.exchange()
				.expectStatus()
				.isEqualTo(406)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
			this.http.get()
				.uri("/v1/me/progress")
				.header(HttpHeaders.ACCEPT, accept)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + learner)
				.exchange()
				.expectStatus()
				.isEqualTo(406)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
			this.http.post()
				.uri(ATTEMPTS)
				.header(HttpHeaders.ACCEPT, accept)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + learner)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"answers\":[{\"question\":\"private-info\",\"selected\":[\"address\"]}]}")
				.exchange()
				.expectStatus()
				.isEqualTo(406);
		}
		this.http.get()
			.uri("/v1/lessons/child-privacy-9-12")
			.header(HttpHeaders.ACCEPT, "application/*;q=0.5, text/html")
			.exchange()
			.expectStatus()
			.isOk();
	}

	/** The same key twice in a JSON object is a 400 naming it: the last value would otherwise win silently. */
	@Test
	void duplicateKeysAreRejected() {
		this.http.post()
			.uri(ATTEMPTS)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.newLearner())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"answers\":[{\"question\":\"private-info\",\"question\":\"steps\",\"selected\":[\"address\"]}]}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("/answers/0/question")
			.jsonPath("$.errors[0].message")
			.isEqualTo("is given twice");
	}

	/** If-None-Match: * on a resource that exists is a 304 (RFC 9110). */
	@Test
	void ifNoneMatchStarIsNotModified() {
		this.http.get()
			.uri("/v1/lessons/child-privacy-9-12")
			.header(HttpHeaders.IF_NONE_MATCH, "*")
			.exchange()
			.expectStatus()
			.isNotModified();
		this.http.get()
			.uri("/v1/lessons/no-such-lesson")
			.header(HttpHeaders.IF_NONE_MATCH, "*")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	/** What the firewall refuses (.., ;, %2f, %00, an unknown method) is a 400 problem too. */
	@Test
	void firewallRejectionsAreProblems() {
		for (String line : List.of("GET /v1/../v1/lessons HTTP/1.1", "GET /v1/lessons;x=1 HTTP/1.1",
				"GET /v1/lessons%2fx HTTP/1.1", "GET /v1/lessons%00 HTTP/1.1", "FOO /v1/lessons HTTP/1.1",
				"GET /v1/lessons/%5c HTTP/1.1")) {
			RawHttp.Response response = RawHttp.send(this.port, line, Map.of(), null);
			assertThat(response.status()).as(line).isEqualTo(400);
			assertThat(response.header("content-type")).as(line).isEqualTo("application/problem+json");
			assertThat(response.body()).as(line).contains("https://safesteps.org/problems/request-rejected");
		}
	}

	/**
	 * A request line over 4 KB (414) and headers over 8 KB (431) are answered by the HTTP server
	 * before the service sees them; the statuses are documented in the spec and the README.
	 */
	@Test
	void overlongRequestLinesAndHeadersAreRefusedByTheServer() {
		assertThat(RawHttp.get(this.port, "/v1/lessons?x=" + "a".repeat(5000), Map.of()).status()).isEqualTo(414);
		assertThat(RawHttp.get(this.port, "/v1/lessons", Map.of("X-Big", RawHttp.utf8("a".repeat(9000)))).status())
			.isEqualTo(431);
	}

}
