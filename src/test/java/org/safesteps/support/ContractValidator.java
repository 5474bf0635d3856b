package org.safesteps.support;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.ExchangeResult;

/**
 * Checks every exchange a test makes against {@code api-spec/openapi.yaml}: every response, and
 * the request too when the server accepted it. Failures are collected and fail the test.
 */
public final class ContractValidator {

	public static final String SPEC = "api-spec/openapi.yaml";

	private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
		.createForSpecificationUrl(java.nio.file.Path.of(SPEC).toUri().toString())
		.withLevelResolver(LevelResolver.create()
			// Tokens are checked by the security tests; here the shape of the exchange matters.
			.withLevel("validation.request.security", ValidationReport.Level.IGNORE)
			.build())
		.build();

	private static final ThreadLocal<List<String>> FAILURES = ThreadLocal.withInitial(ArrayList::new);

	private ContractValidator() {
	}

	public static void check(ExchangeResult result) {
		URI uri = result.getUrl();
		String path = uri.getRawPath();
		if (path.startsWith("/actuator/") || path.equals("/livez") || path.equals("/readyz")) {
			return; // Spring Boot Actuator's endpoints, documented by Spring Boot
		}
		int status = result.getStatus().value();
		// HEAD is GET without a body (RFC 9110), so it is checked against the GET operation.
		boolean head = result.getMethod().name().equals("HEAD");
		String methodName = head ? "GET" : result.getMethod().name();
		Request.Method method = Request.Method.valueOf(methodName);

		SimpleResponse.Builder response = new SimpleResponse.Builder(status);
		headers(result.getResponseHeaders()).forEach(response::withHeader);
		byte[] responseBody = result.getResponseBodyContent();
		if (responseBody != null && responseBody.length > 0) {
			// A binary body (a gzip bundle) is checked for its presence and media type only.
			response.withBody(isText(result.getResponseHeaders()) ? new String(responseBody, StandardCharsets.UTF_8)
					: "binary");
		}

		SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
		if (uri.getRawQuery() != null) {
			for (String pair : uri.getRawQuery().split("&")) {
				String[] parts = pair.split("=", 2);
				request.withQueryParam(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
			}
		}
		headers(result.getRequestHeaders()).forEach(request::withHeader);
		byte[] requestBody = result.getRequestBodyContent();
		if (requestBody != null && requestBody.length > 0) {
			request.withBody(new String(requestBody, StandardCharsets.UTF_8));
		}

		ValidationReport report = (status >= 200 && status < 300)
				? VALIDATOR.validate(request.build(), response.build())
				: VALIDATOR.validateResponse(path, method, response.build());
		List<ValidationReport.Message> messages = report.getMessages()
			.stream()
			.filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
			.filter(message -> !(status >= 400 && message.getKey().startsWith("validation.response.path.missing")))
			.filter(message -> !(status >= 400 && message.getKey().startsWith("validation.response.operation.notAllowed")))
			.filter(message -> !(status >= 400 && message.getKey().startsWith("validation.request.operation.notAllowed")))
			.filter(message -> !(head && message.getKey().equals("validation.response.body.missing")))
			.toList();
		for (ValidationReport.Message message : messages) {
			FAILURES.get().add(method + " " + uri + " -> " + status + ": [" + message.getKey() + "] "
					+ message.getMessage());
		}
	}

	/** The contract failures of this thread's exchanges so far, and forgets them. */
	public static List<String> drainFailures() {
		List<String> failures = List.copyOf(FAILURES.get());
		FAILURES.get().clear();
		return failures;
	}

	private static Map<String, List<String>> headers(HttpHeaders headers) {
		Map<String, List<String>> copy = new java.util.LinkedHashMap<>();
		headers.forEach(copy::put);
		return copy;
	}

	private static boolean isText(HttpHeaders headers) {
		return headers.getContentType() != null && (headers.getContentType().getSubtype().contains("json")
				|| headers.getContentType().getType().equals("text"));
	}

	private static String decode(String value) {
		return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

}
