package org.safesteps.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import org.safesteps.support.ApiTest;
import org.safesteps.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks the README's authorisation matrix with real signed tokens, cell by cell. A route the
 * service serves that is missing from the matrix fails the test.
 */
@ApiTest
class AuthorizationMatrixTest {

	/** Column order of the README table. */
	static final List<String> CALLERS = List.of("anonymous", "LEARNER", "TEACHER", "MINISTRY_ANALYST",
			"CONTENT_MANAGER", "CAMPAIGN_MANAGER", "CAMPAIGN_APPROVER", "ADMIN");

	static final String ATTEMPT = "{\"answers\":[{\"question\":\"private-info\",\"selected\":[\"address\"]}]}";

	/**
	 * The matrix: route, then the expected outcome for each caller in {@link #CALLERS}.
	 * {@code 2} means any 2xx, {@code 401} and {@code 403} mean exactly that.
	 */
	static final Map<Route, List<Integer>> MATRIX = new LinkedHashMap<>();

	static {
		List<Integer> everyone = List.of(2, 2, 2, 2, 2, 2, 2, 2);
		List<Integer> learnerOnly = List.of(401, 2, 403, 403, 403, 403, 403, 403);
		MATRIX.put(new Route(HttpMethod.GET, "/v1/catalog", "/v1/catalog", null), everyone);
		MATRIX.put(new Route(HttpMethod.GET, "/v1/lessons", "/v1/lessons?audience=child", null), everyone);
		MATRIX.put(new Route(HttpMethod.GET, "/v1/lessons/{id}", "/v1/lessons/child-privacy-9-12", null), everyone);
		MATRIX.put(new Route(HttpMethod.GET, "/v1/quizzes/{id}", "/v1/quizzes/quiz-child-privacy-9-12", null),
				everyone);
		MATRIX.put(new Route(HttpMethod.GET, "/v1/bundles/{locale}", "/v1/bundles/th?audience=child", null),
				everyone);
		MATRIX.put(new Route(HttpMethod.GET, "/v1/locales", "/v1/locales", null), everyone);
		MATRIX.put(new Route(HttpMethod.GET, "/v1/help", "/v1/help?country=TH", null), everyone);
		MATRIX.put(new Route(HttpMethod.GET, "/v1/openapi.yaml", "/v1/openapi.yaml", null), everyone);
		MATRIX.put(new Route(HttpMethod.GET, "/docs", "/docs", null), everyone);
		MATRIX.put(new Route(HttpMethod.POST, "/v1/quizzes/{id}/attempts",
				"/v1/quizzes/quiz-child-privacy-9-12/attempts", ATTEMPT), learnerOnly);
		MATRIX.put(new Route(HttpMethod.GET, "/v1/me", "/v1/me", null), List.of(401, 2, 2, 2, 2, 2, 2, 2));
		MATRIX.put(new Route(HttpMethod.GET, "/v1/me/progress", "/v1/me/progress", null), learnerOnly);
		MATRIX.put(new Route(HttpMethod.DELETE, "/v1/me", "/v1/me", null), learnerOnly);
		MATRIX.put(new Route(HttpMethod.POST, "/v1/admin/content/import", "/v1/admin/content/import", null),
				List.of(401, 403, 403, 403, 2, 403, 403, 2));
	}

	@Autowired
	WebTestClient http;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/** Every cell of the matrix holds, with real tokens from both issuers. */
	@Test
	void everyCellHolds() {
		List<String> wrong = new ArrayList<>();
		MATRIX.forEach((route, expected) -> {
			for (int i = 0; i < CALLERS.size(); i++) {
				int status = call(route, token(CALLERS.get(i)));
				int want = expected.get(i);
				boolean ok = (want == 2) ? (status >= 200 && status < 300) : status == want;
				if (!ok) {
					wrong.add(route.method() + " " + route.pattern() + " as " + CALLERS.get(i) + ": expected "
							+ (want == 2 ? "2xx" : want) + ", got " + status);
				}
			}
		});
		assertThat(wrong).isEmpty();
	}

	/** Every route the controllers serve is in the matrix (and so in the README table). */
	@Test
	void everyServedRouteIsInTheMatrix() {
		Set<String> served = new TreeSet<>();
		this.mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternsCondition()
			.getPatterns()
			.forEach(pattern -> info.getMethodsCondition()
				.getMethods()
				.forEach(method -> served.add(method.name() + " " + pattern.getPatternString()))));
		Set<String> inMatrix = new TreeSet<>();
		MATRIX.keySet().forEach(route -> inMatrix.add(route.method().name() + " " + route.pattern()));
		assertThat(inMatrix).containsAll(served);
	}

	private int call(Route route, Supplier<String> token) {
		WebTestClient.RequestBodySpec request = this.http.method(route.method()).uri(route.example());
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token.get());
		}
		if (route.body() != null) {
			request.contentType(MediaType.APPLICATION_JSON).bodyValue(route.body());
		}
		return request.exchange().expectBody().returnResult().getStatus().value();
	}

	private static Supplier<String> token(String caller) {
		return switch (caller) {
			case "anonymous" -> null;
			case "LEARNER" -> TestTokens::newLearner;
			default -> () -> TestTokens.staff(caller, "TH");
		};
	}

	record Route(HttpMethod method, String pattern, String example, String body) {
	}

}
