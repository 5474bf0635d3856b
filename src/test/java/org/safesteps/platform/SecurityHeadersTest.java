package org.safesteps.platform;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.safesteps.support.ApiTest;
import org.safesteps.support.ManagementPort;
import org.safesteps.support.RawHttp;
import org.safesteps.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Every response carries the same security headers; errors and learner data are never cached; pages have a strict policy. */
@ApiTest
class SecurityHeadersTest {

	@Autowired
	WebTestClient http;

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	/** Public reads, problems of every kind, learner data and health all carry nosniff, the referrer policy and no framing. */
	@Test
	void everyResponseCarriesTheBaseline() {
		String learner = TestTokens.newLearner();
		List<EntityExchangeResult<byte[]>> responses = List.of(get("/v1/lessons/child-privacy-9-12", null),
				get("/v1/lessons/nope", null), get("/v1/me/progress", null), get("/v1/me/progress", learner),
				get("/v1/admin/content/import", learner), get("/v1/lessons?size=1000", null),
				ManagementPort.client(this.managementPort).get().uri("/actuator/health").exchange().expectBody().returnResult(),
				get("/readyz", null));
		for (EntityExchangeResult<byte[]> response : responses) {
			HttpHeaders headers = response.getResponseHeaders();
			assertThat(headers.getFirst("X-Content-Type-Options")).as(response.getUrl().toString()).isEqualTo("nosniff");
			assertThat(headers.getFirst("Referrer-Policy")).as(response.getUrl().toString()).isEqualTo("no-referrer");
			assertThat(headers.getFirst("X-Frame-Options")).as(response.getUrl().toString()).isEqualTo("DENY");
			assertThat(headers.getFirst("Content-Security-Policy")).as(response.getUrl().toString())
				.contains("frame-ancestors 'none'");
		}
		RawHttp.Response rejected = RawHttp.send(this.port, "GET /v1/lessons;x HTTP/1.1", Map.of(), null);
		assertThat(rejected.header("x-content-type-options")).isEqualTo("nosniff");
		assertThat(rejected.header("cache-control")).isEqualTo("no-store");
	}

	/** Errors and learner-keyed answers are never stored by a cache; public content may be. */
	@Test
	void onlyPublicContentIsCacheable() {
		String learner = TestTokens.newLearner();
		assertThat(get("/v1/lessons/nope", null).getResponseHeaders().getCacheControl()).isEqualTo("no-store");
		assertThat(get("/v1/me/progress", learner).getResponseHeaders().getCacheControl()).isEqualTo("no-store");
		assertThat(get("/v1/me", learner).getResponseHeaders().getCacheControl()).isEqualTo("no-store");
		assertThat(get("/v1/lessons/child-privacy-9-12", null).getResponseHeaders().getCacheControl())
			.isEqualTo("max-age=300, public");
	}

	/** The docs page runs no inline script and cannot be framed. */
	@Test
	void pagesHaveAStrictPolicy() {
		EntityExchangeResult<byte[]> page = get("/docs", null);
		String policy = page.getResponseHeaders().getFirst("Content-Security-Policy");
		assertThat(policy).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-eval");
		assertThat(policy.replace("style-src 'self' 'unsafe-inline'", "")).doesNotContain("unsafe-inline");
		assertThat(new String(page.getResponseBodyContent())).doesNotContain("<script>");
	}

	/** The management server lists no links (they would echo the Host header). */
	@Test
	void actuatorHasNoIndexEchoingTheHost() {
		ManagementPort.client(this.managementPort)
			.get()
			.uri("/actuator")
			.header(HttpHeaders.HOST, "evil.example")
			.exchange()
			.expectBody(String.class)
			.value(body -> assertThat(body).doesNotContain("evil.example"));
	}

	private EntityExchangeResult<byte[]> get(String path, String token) {
		WebTestClient.RequestHeadersSpec<?> request = this.http.get().uri(path);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return request.exchange().expectBody().returnResult();
	}

}
