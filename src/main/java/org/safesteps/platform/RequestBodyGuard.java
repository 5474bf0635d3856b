package org.safesteps.platform;

import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Reads JSON request bodies once, up to the size limit, and rejects any object key that starts
 * with {@code $} before a handler sees it, so no MongoDB operator can travel from a request
 * into a query or a document.
 */
@Component
class RequestBodyGuard implements WebFilter {

	private final RequestLimitsProperties limits;

	private final JsonMapper json;

	RequestBodyGuard(RequestLimitsProperties limits, JsonMapper json) {
		this.limits = limits;
		this.json = json;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (!carriesJson(request)) {
			return chain.filter(exchange);
		}
		rejectCharsetsOtherThanUtf8(request);
		if (request.getHeaders().getContentLength() > this.limits.maxBodyBytes()) {
			return Mono.error(tooLarge());
		}
		return DataBufferUtils.join(request.getBody(), this.limits.maxBodyBytes())
			.onErrorMap(DataBufferLimitException.class, ex -> tooLarge())
			.map(buffer -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				return bytes;
			})
			.defaultIfEmpty(new byte[0])
			.flatMap(bytes -> {
				rejectOperatorKeys(bytes);
				ServerHttpRequest replayed = new ServerHttpRequestDecorator(request) {
					@Override
					public Flux<DataBuffer> getBody() {
						return bytes.length == 0 ? Flux.empty()
								: Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(bytes)));
					}
				};
				return chain.filter(exchange.mutate().request(replayed).build());
			});
	}

	private boolean carriesJson(ServerHttpRequest request) {
		HttpMethod method = request.getMethod();
		if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH) {
			return false;
		}
		MediaType contentType;
		try {
			contentType = request.getHeaders().getContentType();
		}
		catch (InvalidMediaTypeException ex) {
			throw new ApiProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE, Map.of(), Map.of());
		}
		return contentType != null && (contentType.isCompatibleWith(MediaType.APPLICATION_JSON)
				|| contentType.getSubtype().endsWith("+json"));
	}

	/** JSON is UTF-8 (RFC 8259): any other charset, or one Java does not know, gets 415. */
	private static void rejectCharsetsOtherThanUtf8(ServerHttpRequest request) {
		String charset = request.getHeaders().getContentType().getParameter("charset");
		if (charset != null && !charset.replace("\"", "").equalsIgnoreCase("utf-8")) {
			throw new ApiProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE, Map.of(), Map.of());
		}
	}

	private void rejectOperatorKeys(byte[] bytes) {
		if (bytes.length == 0) {
			return;
		}
		JsonParser parser = this.json.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).createParser(bytes);
		try (parser) {
			JsonToken token;
			while ((token = parser.nextToken()) != null) {
				if (token == JsonToken.PROPERTY_NAME && parser.currentName().startsWith("$")) {
					String field = parser.streamReadContext().pathAsPointer().toString();
					throw new ApiProblem(ProblemType.OPERATOR_REJECTED, Map.of("field", field),
							Map.of("errors", java.util.List.of(new ApiProblem.FieldError(field, "starts with $"))));
				}
			}
		}
		catch (JacksonException ex) {
			if (ex.getOriginalMessage() != null && ex.getOriginalMessage().startsWith("Duplicate Object property")) {
				// The last of two values would silently win: say which field is given twice.
				throw ApiProblem.invalidField(parser.streamReadContext().pathAsPointer().toString(), "is given twice");
			}
			throw new ApiProblem(ProblemType.MALFORMED, Map.of(), Map.of());
		}
	}

	private ApiProblem tooLarge() {
		return ApiProblem.tooLarge(this.limits.maxBodyBytes());
	}

}
