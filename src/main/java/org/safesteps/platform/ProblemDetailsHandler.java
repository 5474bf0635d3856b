package org.safesteps.platform;

import java.util.List;
import java.util.Map;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;

/**
 * The one place where exceptions become {@code application/problem+json}: from controllers,
 * filters and routing alike. Runs before Boot's default error handler.
 */
@Component
@Order(-2)
class ProblemDetailsHandler implements WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

	private final ProblemResponseWriter writer;

	private final RequestLimitsProperties limits;

	ProblemDetailsHandler(ProblemResponseWriter writer, RequestLimitsProperties limits) {
		this.writer = writer;
		this.limits = limits;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (ClientAborts.isAbort(ex)) {
			// The client went away: nobody is left to answer, and it is not the service's error.
			log.debug("Client closed the connection: {}", ex.getClass().getSimpleName());
			return Mono.empty();
		}
		ApiProblem problem = toProblem(exchange, ex);
		HttpHeaders headers = new HttpHeaders();
		if (ex instanceof MethodNotAllowedException notAllowed) {
			headers.setAllow(notAllowed.getSupportedMethods());
		}
		if (problem.properties().get("retryAfterSeconds") instanceof Number seconds) {
			headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds.longValue()));
		}
		return this.writer.write(exchange, problem, headers);
	}

	private ApiProblem toProblem(ServerWebExchange exchange, Throwable ex) {
		if (ex instanceof ApiProblem problem) {
			return problem;
		}
		if (ClientAborts.isTimeout(ex)) {
			log.debug("The request did not arrive in time");
			return simple(ProblemType.REQUEST_TIMEOUT);
		}
		if (ex instanceof ServerExchangeRejectedException) {
			// A request Spring Security's firewall refuses (a header it will not read): client error.
			log.debug("Request rejected by the firewall");
			return simple(ProblemType.REQUEST_REJECTED);
		}
		if (ex instanceof WebExchangeBindException bind) {
			List<ApiProblem.FieldError> errors = bind.getFieldErrors()
				.stream()
				.map(ProblemDetailsHandler::fieldError)
				.toList();
			return ApiProblem.invalidFields(errors);
		}
		if (ex instanceof UnsupportedMediaTypeStatusException) {
			return simple(ProblemType.UNSUPPORTED_MEDIA_TYPE);
		}
		if (ex instanceof NotAcceptableStatusException) {
			return simple(ProblemType.NOT_ACCEPTABLE);
		}
		if (ex instanceof MethodNotAllowedException) {
			return simple(ProblemType.METHOD_NOT_ALLOWED);
		}
		if (ex instanceof MissingRequestValueException missing) {
			return ApiProblem.invalidField(missing.getName(), "is required");
		}
		if (ex instanceof ServerWebInputException input) {
			return inputProblem(input);
		}
		if (hasCause(ex, DataBufferLimitException.class)) {
			return tooLarge();
		}
		if (ex instanceof AuthenticationException) {
			return simple(ProblemType.UNAUTHORIZED);
		}
		if (ex instanceof AccessDeniedException) {
			return simple(ProblemType.FORBIDDEN);
		}
		if (ex instanceof ResponseStatusException status && status.getStatusCode().value() == 404) {
			return ApiProblem.notFound("resource", exchange.getRequest().getPath().value());
		}
		if (ex instanceof DataAccessResourceFailureException || hasCause(ex, MongoTimeoutException.class)
				|| hasCause(ex, MongoSocketException.class)) {
			log.warn("MongoDB is unavailable: {}", ex.getClass().getSimpleName());
			return simple(ProblemType.DATABASE_UNAVAILABLE);
		}
		if (ex instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError()) {
			return new ApiProblem(ProblemType.MALFORMED, Map.of(), Map.of());
		}
		// The path, not the query string: a query may hold what a child typed.
		log.error("Unhandled error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
				ex);
		return simple(ProblemType.SERVER_ERROR);
	}

	private ApiProblem tooLarge() {
		return ApiProblem.tooLarge(this.limits.maxBodyBytes());
	}

	private ApiProblem inputProblem(ServerWebInputException input) {
		if (hasCause(input, DataBufferLimitException.class)) {
			return tooLarge();
		}
		UnrecognizedPropertyException unknown = findCause(input, UnrecognizedPropertyException.class);
		if (unknown != null) {
			return ApiProblem.invalidField(path(unknown), "is not a known field");
		}
		DatabindException databind = findCause(input, DatabindException.class);
		if (databind != null && !databind.getPath().isEmpty()) {
			return ApiProblem.invalidField(path(databind), "has the wrong type or format");
		}
		TypeMismatchException mismatch = findCause(input, TypeMismatchException.class);
		if (mismatch != null && input.getMethodParameter() != null) {
			String name = input.getMethodParameter().getParameterName();
			return ApiProblem.invalidField(name != null ? name : String.valueOf(mismatch.getPropertyName()),
					"has the wrong type or format");
		}
		return simple(ProblemType.MALFORMED);
	}

	private static String path(DatabindException ex) {
		StringBuilder path = new StringBuilder();
		for (var reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static ApiProblem.FieldError fieldError(FieldError error) {
		return new ApiProblem.FieldError(error.getField(),
				error.getDefaultMessage() != null ? error.getDefaultMessage() : "is invalid");
	}

	private static ApiProblem simple(ProblemType type) {
		return new ApiProblem(type, Map.of(), Map.of());
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		return findCause(ex, type) != null;
	}

	private static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return null;
	}

}
