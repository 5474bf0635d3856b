package org.safesteps.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.safesteps.support.ApiTest;
import org.safesteps.support.ServedRoutes;
import org.safesteps.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks the authorisation matrix in README.md with real signed tokens, cell by cell. A route the
 * service serves that is missing from the README table fails the test.
 */
@ApiTest
class AuthorizationMatrixTest {

	static final String ATTEMPT = "{\"answers\":[{\"question\":\"private-info\",\"selected\":[\"address\"]}]}";

	/** A concrete request for each route pattern of the table. */
	static final Map<String, String> EXAMPLES = Map.ofEntries(
			Map.entry("/v1/lessons/{id}", "/v1/lessons/child-privacy-9-12"),
			Map.entry("/v1/quizzes/{id}", "/v1/quizzes/quiz-child-privacy-9-12"),
			Map.entry("/v1/quizzes/{id}/attempts", "/v1/quizzes/quiz-child-privacy-9-12/attempts"),
			Map.entry("/v1/bundles/{locale}", "/v1/bundles/th?audience=child"),
			Map.entry("/v1/images/{file}", "/v1/images/privacy-settings-toggle.svg"),
			Map.entry("/v1/help", "/v1/help?country=TH"), Map.entry("/docs/{asset}", "/docs/swagger-ui.css"),
			Map.entry("/v1/polls/{id}", "/v1/polls/poll-feeling-safe-online"),
			Map.entry("/v1/polls/{id}/responses", "/v1/polls/poll-feeling-safe-online/responses"),
			Map.entry("/v1/polls/{id}/outcome", "/v1/polls/poll-feeling-safe-online/outcome"),
			Map.entry("/v1/polls/{id}/results", "/v1/polls/poll-feeling-safe-online/results"),
			Map.entry("/v1/statistics/polls/{id}", "/v1/statistics/polls/poll-feeling-safe-online"),
			Map.entry("/v1/statistics/public/participation", "/v1/statistics/public/participation?country=TH"),
			Map.entry("/dashboard/{asset}", "/dashboard/dashboard.js"),
			Map.entry("/classroom/{asset}", "/classroom/classroom.js"),
			Map.entry("/v1/classroom/sessions/{id}", "/v1/classroom/sessions/00000000-0000-4000-8000-000000000000"),
			Map.entry("/v1/classroom/sessions/{id}/advance", "/v1/classroom/sessions/00000000-0000-4000-8000-000000000000/advance"),
			Map.entry("/v1/classroom/sessions/{id}/end", "/v1/classroom/sessions/00000000-0000-4000-8000-000000000000/end"),
			Map.entry("/v1/classroom/sessions/{id}/events", "/v1/classroom/sessions/00000000-0000-4000-8000-000000000000/events"),
			Map.entry("/v1/classroom/sessions/{id}/report", "/v1/classroom/sessions/00000000-0000-4000-8000-000000000000/report"),
			Map.entry("/v1/classroom/sessions/{id}/step", "/v1/classroom/sessions/00000000-0000-4000-8000-000000000000/step"),
			Map.entry("/v1/classroom/sessions/{id}/quiz-attempts", "/v1/classroom/sessions/00000000-0000-4000-8000-000000000000/quiz-attempts"),
			Map.entry("/v1/classroom/sessions/{id}/poll-responses", "/v1/classroom/sessions/00000000-0000-4000-8000-000000000000/poll-responses"),
			Map.entry("/v1/devices/{id}", "/v1/devices/00000000-0000-4000-8000-000000000000"),
			Map.entry("/v1/campaigns/{id}", "/v1/campaigns/00000000-0000-4000-8000-000000000000"),
			Map.entry("/v1/campaigns/{id}/submit", "/v1/campaigns/00000000-0000-4000-8000-000000000000/submit"),
			Map.entry("/v1/campaigns/{id}/approve", "/v1/campaigns/00000000-0000-4000-8000-000000000000/approve"),
			Map.entry("/v1/campaigns/{id}/reject", "/v1/campaigns/00000000-0000-4000-8000-000000000000/reject"),
			Map.entry("/v1/campaigns/{id}/cancel", "/v1/campaigns/00000000-0000-4000-8000-000000000000/cancel"),
			Map.entry("/v1/campaigns/{id}/stats", "/v1/campaigns/00000000-0000-4000-8000-000000000000/stats"));

	/** A valid body for each route that takes one. */
	static final Map<String, java.util.function.Supplier<String>> BODIES = Map.of("POST /v1/quizzes/{id}/attempts",
			() -> ATTEMPT, "POST /v1/polls/{id}/responses",
			() -> "{\"responseId\":\"" + java.util.UUID.randomUUID() + "\",\"answers\":["
					+ "{\"question\":\"how-safe\",\"selected\":[\"4\"]},{\"question\":\"what-feels-unsafe\",\"selected\":[\"none\"]},"
					+ "{\"question\":\"least-safe-place\",\"selected\":[\"games\"]}],"
					+ "\"context\":{\"country\":\"TH\",\"ageBand\":\"9-12\"}}",
			"POST /v1/feedback",
			() -> "{\"feedbackId\":\"" + java.util.UUID.randomUUID() + "\",\"lessonId\":\"child-privacy-9-12\","
					+ "\"helpful\":true,\"context\":{\"country\":\"TH\",\"ageBand\":\"9-12\"}}",
			"POST /v1/polls/{id}/outcome", () -> "{\"country\":\"TH\",\"statement\":{\"en\":\"Schools teach it now.\"}}");

	static List<String> callers;

	/** Route ("GET /v1/me") to the expected cell per caller: "2xx", "401" or "403". */
	static final Map<String, List<String>> MATRIX = new LinkedHashMap<>();

	@BeforeAll
	static void readTheReadme() throws IOException {
		List<String> lines = Files.readAllLines(Path.of("README.md"));
		int header = lines.indexOf(lines.stream()
			.filter(line -> line.startsWith("| endpoint | anonymous |"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("README.md has no authorisation matrix")));
		callers = cells(lines.get(header)).subList(1, cells(lines.get(header)).size());
		Pattern route = Pattern.compile("`(?:(GET|POST|PUT|PATCH|DELETE) )?(/[^`]*)`");
		for (String line : lines.subList(header + 2, lines.size())) {
			if (!line.startsWith("|")) {
				break;
			}
			List<String> cells = cells(line);
			String method = null;
			Matcher matcher = route.matcher(cells.get(0));
			while (matcher.find()) {
				method = (matcher.group(1) != null) ? matcher.group(1) : method;
				MATRIX.put(method + " " + matcher.group(2), cells.subList(1, cells.size()));
			}
		}
	}

	@Autowired
	WebTestClient http;

	@Autowired
	ApplicationContext context;

	/** Every cell of the README's matrix holds, with real tokens from both issuers. */
	@Test
	void everyCellHolds() {
		assertThat(callers).containsExactly("anonymous", "LEARNER", "TEACHER", "MINISTRY_ANALYST", "CONTENT_MANAGER",
				"CAMPAIGN_MANAGER", "CAMPAIGN_APPROVER", "ADMIN");
		List<String> wrong = new ArrayList<>();
		MATRIX.forEach((route, expected) -> {
			for (int i = 0; i < callers.size(); i++) {
				int status = call(route, token(callers.get(i)));
				// Allowed: through the access rules, though the call may still be refused for what it
				// asks (409 for the outcome of a poll still open); never 401, 403 or a 5xx.
				boolean ok = expected.get(i).equals("2xx") ? (status != 401 && status != 403 && status < 500)
						: String.valueOf(status).equals(expected.get(i));
				if (!ok) {
					wrong.add(route + " as " + callers.get(i) + ": expected " + expected.get(i) + ", got " + status);
				}
			}
		});
		assertThat(wrong).isEmpty();
	}

	/** Every route the service serves is in the README table. */
	@Test
	void everyServedRouteIsInTheMatrix() {
		assertThat(MATRIX.keySet()).containsAll(ServedRoutes.of(this.context));
	}

	private int call(String route, Supplier<String> token) {
		String[] parts = route.split(" ", 2);
		HttpMethod method = HttpMethod.valueOf(parts[0]);
		WebTestClient.RequestBodySpec request = this.http.method(method).uri(EXAMPLES.getOrDefault(parts[1], parts[1]));
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token.get());
		}
		java.util.function.Supplier<String> body = BODIES.get(route);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).bodyValue(body.get());
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

	private static List<String> cells(String line) {
		return Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|")).map(String::strip).toList();
	}

}
