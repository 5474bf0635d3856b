package org.safesteps.learning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.safesteps.activity.Activity;
import org.safesteps.activity.ActivityRecorder;
import org.safesteps.activity.CoarseContext;
import org.safesteps.content.ContentCatalog;
import org.safesteps.content.Quiz;
import org.safesteps.content.ServedCountries;
import org.safesteps.localization.LocalizationCatalog;
import org.safesteps.localization.ResolvedLocale;
import org.safesteps.platform.ApiProblem;
import org.safesteps.platform.RateLimit;
import org.safesteps.platform.RateLimiter;
import org.safesteps.platform.Writes;
import org.safesteps.privacy.Erasure;
import org.safesteps.security.Caller;
import org.springframework.stereotype.Component;

/**
 * A quiz attempt: checked, scored on the server, stored in the learner's progress, then told
 * to the rest of the app as activity, without the learner key. The learner's rate limit is
 * spent only once the attempt is known to be valid.
 */
@Component
public class QuizAttempts {

	private final ContentCatalog content;

	private final LocalizationCatalog localization;

	private final LearnerProgressStore progress;

	private final ServedCountries countries;

	private final RateLimiter limiter;

	private final Erasure erasure;

	private final ActivityRecorder activity;

	private final Clock clock;

	QuizAttempts(ContentCatalog content, LocalizationCatalog localization, LearnerProgressStore progress,
			ServedCountries countries, RateLimiter limiter, Erasure erasure, ActivityRecorder activity, Clock clock) {
		this.content = content;
		this.localization = localization;
		this.progress = progress;
		this.countries = countries;
		this.limiter = limiter;
		this.erasure = erasure;
		this.activity = activity;
		this.clock = clock;
	}

	/** Scores and stores the attempt; classroom sessions use it too, so that class answers count toward progress. */
	public Mono<AttemptResult> attempt(Caller caller, String quizId, AttemptRequest request, ResolvedLocale locale) {
		Quiz quiz = this.content.quiz(quizId, locale).orElseThrow(() -> ApiProblem.notFound("quiz", quizId));
		CoarseContext context = request.context();
		if (context != null) {
			this.countries.check(context, "context");
		}
		QuizScorer.Score score = QuizScorer.score(quiz, request);
		this.limiter.consume(RateLimit.LEARNER_WRITES, caller.learnerKey());
		String summary = this.localization.format(locale, "quiz.result.summary",
				Map.of("correct", score.correct(), "total", score.total()));
		AttemptResult result = new AttemptResult(quiz.id(), locale.tag(), score.correct(), score.total(),
				score.percent(), summary, score.questions());
		LocalDate today = LocalDate.now(this.clock);
		return Writes.toCompletion(this.progress.recordAttempt(caller.learnerKey(), quiz.id(), quiz.lesson(), score.percent())
			.flatMap(completedLesson -> this.erasure.confirmNotErased(caller.learnerKey())
				.then(this.activity.record(UUID.randomUUID().toString(),
						new Activity.QuizAttempted(quiz.id(), quiz.lesson(), quiz.topic(), quiz.audience(),
								(context != null) ? context.ageBand() : null, (context != null) ? context.country() : null,
								(context != null) ? context.region() : null, locale.tag(), score.percent(),
								completedLesson, today))))
			.thenReturn(result));
	}

}
