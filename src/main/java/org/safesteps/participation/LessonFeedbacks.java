package org.safesteps.participation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.safesteps.activity.Activity;
import org.safesteps.content.ContentCatalog;
import org.safesteps.content.ServedCountries;
import org.safesteps.localization.ResolvedLocale;
import org.safesteps.platform.ApiProblem;
import org.safesteps.platform.ProblemType;
import org.safesteps.platform.RateLimit;
import org.safesteps.platform.RateLimiter;
import org.safesteps.security.Caller;
import org.springframework.stereotype.Component;

/**
 * "Was this lesson helpful?": stored like a poll response, with no identity, once per learner
 * and lesson (a marker), and retried safely with the same feedback id.
 */
@Component
class LessonFeedbacks {

	static final String COLLECTION = "lesson_feedback";

	private final ContentCatalog content;

	private final ServedCountries countries;

	private final RateLimiter limiter;

	private final AnonymousStore store;

	private final Signposting signposting;

	private final ParticipationProperties properties;

	private final Clock clock;

	LessonFeedbacks(ContentCatalog content, ServedCountries countries, RateLimiter limiter, AnonymousStore store,
			Signposting signposting, ParticipationProperties properties, Clock clock) {
		this.content = content;
		this.countries = countries;
		this.limiter = limiter;
		this.store = store;
		this.signposting = signposting;
		this.properties = properties;
		this.clock = clock;
	}

	Mono<Receipt> give(Caller caller, ParticipationRequests.LessonFeedback request, ResolvedLocale locale) {
		ContentCatalog.LessonFacts lesson = this.content.lessonFacts(request.lessonId())
			.orElseThrow(() -> ApiProblem.invalidField("lessonId", "is not a lesson"));
		ParticipationRequests.Participant who = request.context();
		this.countries.check(who.coarse(), "context");
		String text = (request.text() != null) ? request.text().strip() : null;
		if (text != null && text.codePointCount(0, text.length()) > this.properties.maxTextLength()) {
			throw ApiProblem.invalidField("text", "must be at most " + this.properties.maxTextLength() + " characters");
		}
		this.limiter.consume(RateLimit.FEEDBACK, caller.learnerKey());
		LocalDate today = LocalDate.now(this.clock);
		Receipt receipt = new Receipt(request.feedbackId(), lesson.id(),
				this.signposting.check(text, who.country(), locale).orElse(null));
		Document feedback = new Document("_id", request.feedbackId()).append("lessonId", lesson.id())
			.append("helpful", request.helpful())
			.append("country", who.country())
			.append("ageBand", who.ageBand())
			.append("day", today.toString());
		if (request.rating() != null) {
			feedback.append("rating", request.rating());
		}
		if (text != null && !text.isEmpty()) {
			feedback.append("text", TextScrubber.scrub(text));
		}
		if (who.region() != null) {
			feedback.append("region", who.region());
		}
		if (who.gender() != null) {
			feedback.append("gender", who.gender());
		}
		Activity.FeedbackGiven given = new Activity.FeedbackGiven(lesson.id(), lesson.topic(), lesson.audience(),
				lesson.ageBand(), request.helpful(), request.rating(), who.country(), who.region(), who.ageBand(),
				who.gender(), locale.tag(), today);
		return this.store.storeOnce(Markers.Kind.LESSON_FEEDBACK, lesson.id(), caller.learnerKey(), COLLECTION, feedback,
				"feedbackId", given, receipt);
	}

	/** @param support only when the free text signals the child may be at risk */
	record Receipt(String feedbackId, String lessonId, Signposting.Support support) {
	}

}
