package org.safesteps.security;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.safesteps.support.ApiTest;
import org.safesteps.support.ServedRoutes;
import org.safesteps.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each feature declares the rules of its own routes. A served route without a rule fails this
 * test, and is denied: this context serves one such route on purpose.
 */
@ApiTest
@Import(AccessRulesTest.Undeclared.class)
class AccessRulesTest {

	static final String UNDECLARED = "GET /test/undeclared";

	@Autowired
	ApplicationContext context;

	@Autowired
	RouteRules rules;

	@Autowired
	WebTestClient http;

	/** Every route the service serves (but this test's own) has a rule declared by its feature. */
	@Test
	void everyServedRouteHasARule() {
		Set<String> declared = this.rules.rules()
			.stream()
			.map(rule -> rule.method() + " " + rule.pattern().replaceAll("\\{[^}]+}", "*"))
			.collect(Collectors.toSet());
		Set<String> served = ServedRoutes.of(this.context)
			.stream()
			.map(route -> route.replaceAll("\\{[^}]+}", "*"))
			.collect(Collectors.toSet());
		assertThat(served).contains(UNDECLARED);
		assertThat(declared).doesNotContain(UNDECLARED);
		served.remove(UNDECLARED);
		assertThat(declared).containsAll(served);
	}

	/** A route no feature declared is denied, whatever the token. */
	@Test
	void aRouteWithoutARuleIsDenied() {
		this.http.get().uri("/test/undeclared").exchange().expectStatus().isUnauthorized();
		for (String token : new String[] { TestTokens.newLearner(), TestTokens.staff("ADMIN", "TH") }) {
			this.http.get()
				.uri("/test/undeclared")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.exchange()
				.expectStatus()
				.isForbidden();
		}
	}

	/** The same route declared twice is a start-up error, so two features cannot disagree silently. */
	@Test
	void aRouteDeclaredTwiceIsRejected() {
		RouteRules twice = new RouteRules().publicRead("/v1/x");
		org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() -> twice.publicRead("/v1/x"));
	}

	@TestConfiguration(proxyBeanMethods = false)
	@RestController
	static class Undeclared {

		@GetMapping("/test/undeclared")
		String undeclared() {
			return "should never be served";
		}

	}

}
