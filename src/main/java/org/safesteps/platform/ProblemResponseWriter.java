package org.safesteps.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/** Writes an {@link ApiProblem} as {@code application/problem+json}, localised. */
@Component
public class ProblemResponseWriter {

	private final ProblemTexts texts;

	private final JsonMapper json;

	ProblemResponseWriter(ProblemTexts texts, JsonMapper json) {
		this.texts = texts;
		this.json = json;
	}

	public Mono<Void> write(ServerWebExchange exchange, ApiProblem problem) {
		return write(exchange, problem, HttpHeaders.EMPTY);
	}

	public Mono<Void> write(ServerWebExchange exchange, ApiProblem problem, HttpHeaders extraHeaders) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		ProblemType type = problem.type();
		ProblemTexts.Text text = this.texts.describe(exchange, type, problem.detailArguments());
		ProblemDetail body = ProblemDetail.forStatusAndDetail(type.status(), text.detail());
		body.setType(type.uri());
		body.setTitle(text.title());
		body.setInstance(instance(exchange));
		Map<String, Object> properties = new LinkedHashMap<>(problem.properties());
		body.setProperties(properties.isEmpty() ? null : properties);

		response.setStatusCode(type.status());
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		headers.set(HttpHeaders.CONTENT_LANGUAGE, text.locale());
		headers.setCacheControl("no-store");
		headers.remove(HttpHeaders.ETAG);
		extraHeaders.forEach((name, values) -> headers.put(name, values));
		byte[] bytes = this.json.writeValueAsBytes(body);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(bytes)));
	}

	/** The request's path, when it is a valid URI reference; a path the firewall refused may not be. */
	private static java.net.URI instance(ServerWebExchange exchange) {
		try {
			return java.net.URI.create(exchange.getRequest().getPath().value());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
