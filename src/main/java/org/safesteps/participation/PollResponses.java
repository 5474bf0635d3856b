package org.safesteps.participation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.safesteps.activity.Activity;
import org.safesteps.content.ContentCatalog;
import org.safesteps.content.PollDefinition;
import org.safesteps.content.ServedCountries;
import org.safesteps.localization.ResolvedLocale;
import org.safesteps.platform.ApiProblem;
import org.safesteps.platform.ProblemType;
import org.safesteps.platform.RateLimit;
import org.safesteps.platform.RateLimiter;
import org.safesteps.security.Caller;
import org.springframework.stereotype.Component;

/**
 * A child's answers to a poll, stored with no identity: the poll, the answers (free text
 * scrubbed), the coarse context and the day. Nothing is stored unless the whole response is
 * valid. A marker under a keyed hash stops a second response from the same learner; a retry with
 * the same response id gets the first result again and stores nothing new.
 */
@Component
class PollResponses {

	static final String COLLECTION = "poll_responses";

	private final ContentCatalog content;

	private final ServedCountries countries;

	private final RateLimiter limiter;

	private final AnonymousStore store;

	private final Signposting signposting;

	private final ParticipationProperties properties;

	private final Clock clock;

	PollResponses(ContentCatalog content, ServedCountries countries, RateLimiter limiter, AnonymousStore store,
			Signposting signposting, ParticipationProperties properties, Clock clock) {
		this.content = content;
		this.countries = countries;
		this.limiter = limiter;
		this.store = store;
		this.signposting = signposting;
		this.properties = properties;
		this.clock = clock;
	}

	Mono<Receipt> respond(Caller caller, String pollId, ParticipationRequests.PollResponse request,
			ResolvedLocale locale) {
		PollDefinition poll = this.content.poll(pollId, locale).orElseThrow(() -> ApiProblem.notFound("poll", pollId));
		ParticipationRequests.Participant who = request.context();
		this.countries.check(who.coarse(), "context");
		LocalDate today = LocalDate.now(this.clock);
		if (!poll.targets(who.country(), who.ageBand())) {
			throw new ApiProblem(ProblemType.NOT_TARGETED, Map.of("poll", pollId), Map.of());
		}
		if (!poll.isOpenOn(today)) {
			throw new ApiProblem(poll.hasClosedBy(today) ? ProblemType.POLL_CLOSED : ProblemType.POLL_NOT_OPEN,
					Map.of("poll", pollId), Map.of("opens", String.valueOf(poll.opens()), "closes",
							String.valueOf(poll.closes())));
		}
		List<Document> answers = checkAnswers(poll, request.answers());
		this.limiter.consume(RateLimit.FEEDBACK, caller.learnerKey());
		String freeText = request.answers()
			.stream()
			.map(ParticipationRequests.Answer::text)
			.filter(text -> text != null && !text.isBlank())
			.collect(Collectors.joining("\n"));
		Receipt receipt = new Receipt(request.responseId(), pollId,
				this.signposting.check(freeText, who.country(), locale).orElse(null));
		Activity.PollAnswered answered = new Activity.PollAnswered(pollId, poll.purpose(),
				answers.stream()
					.map(answer -> new Activity.PollAnswered.Answer(answer.getString("question"),
							answer.getList("options", String.class, List.of()), answer.containsKey("text")))
					.toList(),
				who.country(), who.region(), who.ageBand(), who.gender(), locale.tag(), today);
		Document response = new Document("_id", request.responseId()).append("pollId", pollId)
			.append("answers", answers)
			.append("country", who.country())
			.append("ageBand", who.ageBand())
			.append("day", today.toString());
		if (who.region() != null) {
			response.append("region", who.region());
		}
		if (who.gender() != null) {
			response.append("gender", who.gender());
		}
		return this.store.storeOnce(Markers.Kind.POLL, pollId, caller.learnerKey(), COLLECTION, response, "responseId",
				answered, receipt);
	}

	/**
	 * The answers as stored, checked against the poll's questions: every required question
	 * answered once, with options of its own in the number its type takes, and free text scrubbed.
	 * @throws ApiProblem 400 naming each answer that does not fit
	 */
	private List<Document> checkAnswers(PollDefinition poll, List<ParticipationRequests.Answer> answers) {
		List<ApiProblem.FieldError> errors = new ArrayList<>();
		List<Document> stored = new ArrayList<>();
		Set<String> answered = new HashSet<>();
		for (int i = 0; i < answers.size(); i++) {
			ParticipationRequests.Answer answer = answers.get(i);
			String field = "answers[" + i + "]";
			Optional<PollDefinition.Question> found = poll.questions()
				.stream()
				.filter(question -> question.key().equals(answer.question()))
				.findFirst();
			if (found.isEmpty()) {
				errors.add(new ApiProblem.FieldError(field + ".question",
						"'" + answer.question() + "' is not a question of this poll"));
				continue;
			}
			PollDefinition.Question question = found.get();
			if (!answered.add(question.key())) {
				errors.add(new ApiProblem.FieldError(field + ".question", "question '" + question.key() + "' is answered twice"));
				continue;
			}
			String problem = shapeProblem(question, answer);
			if (problem != null) {
				errors.add(new ApiProblem.FieldError(field, "question '" + question.key() + "' " + problem));
				continue;
			}
			Document document = new Document("question", question.key());
			if (question.isFreeText()) {
				document.append("text", TextScrubber.scrub(answer.text().strip()));
			}
			else {
				document.append("options", List.copyOf(answer.selected()));
			}
			stored.add(document);
		}
		for (PollDefinition.Question question : poll.questions()) {
			if (!question.optional() && !answered.contains(question.key())) {
				errors.add(new ApiProblem.FieldError("answers", "question '" + question.key() + "' must be answered"));
			}
		}
		if (!errors.isEmpty()) {
			throw ApiProblem.invalidFields(errors);
		}
		return stored;
	}

	private String shapeProblem(PollDefinition.Question question, ParticipationRequests.Answer answer) {
		if (question.isFreeText()) {
			if (answer.selected() != null) {
				return "takes text, not options";
			}
			if (answer.text() == null || answer.text().isBlank()) {
				return "takes text";
			}
			if (answer.text().strip().codePointCount(0, answer.text().strip().length()) > this.properties.maxTextLength()) {
				return "takes at most " + this.properties.maxTextLength() + " characters";
			}
			return null;
		}
		if (answer.text() != null) {
			return "takes options, not text";
		}
		return question.optionsProblem(answer.selected());
	}

	/**
	 * What a stored response is acknowledged with.
	 *
	 * @param support only when the free text signals the child may be at risk
	 */
	record Receipt(String responseId, String pollId, Signposting.Support support) {
	}

}
