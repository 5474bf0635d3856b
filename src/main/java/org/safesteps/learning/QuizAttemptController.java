package org.safesteps.learning;

import java.util.Map;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.safesteps.content.ContentCatalog;
import org.safesteps.content.Quiz;
import org.safesteps.localization.LocalizationCatalog;
import org.safesteps.localization.ResolvedLocale;
import org.safesteps.platform.ApiProblem;
import org.safesteps.security.LearnerWriteLimiter;
import org.safesteps.security.SubjectKeys;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** Scores quiz answers on the server and records the learner's progress before answering. */
@RestController
class QuizAttemptController {

	private final ContentCatalog content;

	private final LocalizationCatalog localization;

	private final LearnerProgressStore progress;

	private final SubjectKeys subjectKeys;

	private final LearnerWriteLimiter limiter;

	QuizAttemptController(ContentCatalog content, LocalizationCatalog localization, LearnerProgressStore progress,
			SubjectKeys subjectKeys, LearnerWriteLimiter limiter) {
		this.content = content;
		this.localization = localization;
		this.progress = progress;
		this.subjectKeys = subjectKeys;
		this.limiter = limiter;
	}

	@PostMapping("/v1/quizzes/{id}/attempts")
	Mono<ResponseEntity<AttemptResult>> attempt(@PathVariable String id, @Valid @RequestBody AttemptRequest request,
			@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
		String learner = this.subjectKeys.of(jwt);
		this.limiter.consume(learner);
		ResolvedLocale locale = this.localization.negotiate(exchange);
		Quiz quiz = this.content.quiz(id, locale).orElseThrow(() -> ApiProblem.notFound("quiz", id));
		QuizScorer.Score score = QuizScorer.score(quiz, request);
		String summary = this.localization.format(locale, "quiz.result.summary",
				Map.of("correct", score.correct(), "total", score.total()));
		AttemptResult result = new AttemptResult(quiz.id(), locale.tag(), score.correct(), score.total(),
				score.percent(), summary, score.questions());
		return this.progress.recordAttempt(learner, quiz.id(), quiz.lesson(), score.percent())
			.thenReturn(ResponseEntity.status(HttpStatus.CREATED)
				.header(HttpHeaders.CONTENT_LANGUAGE, locale.tag())
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body(result));
	}

}
