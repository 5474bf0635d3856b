package org.safesteps.learning;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.safesteps.localization.LocalizationCatalog;
import org.safesteps.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class QuizAttemptController {

	private final QuizAttempts attempts;

	private final LocalizationCatalog localization;

	QuizAttemptController(QuizAttempts attempts, LocalizationCatalog localization) {
		this.attempts = attempts;
		this.localization = localization;
	}

	@PostMapping("/v1/quizzes/{id}/attempts")
	Mono<ResponseEntity<AttemptResult>> attempt(@PathVariable String id, @Valid @RequestBody AttemptRequest request,
			Caller caller, ServerWebExchange exchange) {
		return this.attempts.attempt(caller, id, request, this.localization.negotiate(exchange))
			.map(result -> ResponseEntity.status(HttpStatus.CREATED)
				.header(HttpHeaders.CONTENT_LANGUAGE, result.locale())
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body(result));
	}

}
