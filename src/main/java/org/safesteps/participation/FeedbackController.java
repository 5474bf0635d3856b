package org.safesteps.participation;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.safesteps.localization.LocalizationCatalog;
import org.safesteps.localization.ResolvedLocale;
import org.safesteps.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** A child's anonymous feedback on a lesson. */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class FeedbackController {

	private final LessonFeedbacks feedback;

	private final LocalizationCatalog localization;

	FeedbackController(LessonFeedbacks feedback, LocalizationCatalog localization) {
		this.feedback = feedback;
		this.localization = localization;
	}

	@PostMapping("/v1/feedback")
	Mono<ResponseEntity<LessonFeedbacks.Receipt>> give(@Valid @RequestBody ParticipationRequests.LessonFeedback request,
			Caller caller, ServerWebExchange exchange) {
		ResolvedLocale locale = this.localization.negotiate(exchange);
		return this.feedback.give(caller, request, locale)
			.map(receipt -> ResponseEntity.status(HttpStatus.CREATED)
				.header(HttpHeaders.CONTENT_LANGUAGE, locale.tag())
				.body(receipt));
	}

}
