package org.safesteps.participation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.safesteps.content.ContentCatalog;
import org.safesteps.content.PollDefinition;
import org.safesteps.localization.LocalizationCatalog;
import org.safesteps.localization.ResolvedLocale;
import org.safesteps.platform.ApiProblem;
import org.safesteps.platform.ProblemType;
import org.safesteps.security.Caller;
import org.safesteps.security.Role;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * "You said, we did": once a policy poll has closed, an analyst of a country it asked publishes
 * what that country did with the answers, so that apps can show children what changed.
 */
@Component
class Outcomes {

	static final String COLLECTION = "poll_outcomes";

	private final ContentCatalog content;

	private final LocalizationCatalog localization;

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	Outcomes(ContentCatalog content, LocalizationCatalog localization, ReactiveMongoTemplate mongo, Clock clock) {
		this.content = content;
		this.localization = localization;
		this.mongo = mongo;
		this.clock = clock;
	}

	Mono<OutcomeList> publish(Caller caller, String pollId, ParticipationRequests.Outcome request,
			ResolvedLocale locale) {
		PollDefinition poll = this.content.poll(pollId, locale).orElseThrow(() -> ApiProblem.notFound("poll", pollId));
		List<ApiProblem.FieldError> errors = new ArrayList<>();
		if (!request.statement().containsKey(this.localization.sourceLocale())) {
			errors.add(new ApiProblem.FieldError("statement." + this.localization.sourceLocale(),
					"is required: other locales fall back to it"));
		}
		request.statement().keySet().stream().filter(tag -> !this.localization.isSupported(tag)).forEach(tag -> errors
			.add(new ApiProblem.FieldError("statement." + tag, "is not a supported locale: " + this.localization.supportedTags())));
		if (!errors.isEmpty()) {
			throw ApiProblem.invalidFields(errors);
		}
		if (!poll.isPolicy() || !poll.countries().contains(request.country()) || !caller.mayRead(request.country())
				|| !(caller.has(Role.MINISTRY_ANALYST) || caller.has(Role.ADMIN))) {
			throw new ApiProblem(ProblemType.FORBIDDEN, Map.of(), Map.of());
		}
		LocalDate today = LocalDate.now(this.clock);
		if (!poll.hasClosedBy(today)) {
			throw new ApiProblem(ProblemType.POLL_STILL_OPEN, Map.of("poll", pollId), Map.of("closes", poll.closes().toString()));
		}
		Update update = Update.update("pollId", pollId)
			.set("country", request.country())
			.set("statement", new Document(new TreeMap<>(request.statement())))
			.set("published", today.toString())
			.set("publishedBy", caller.staffId());
		return this.mongo
			.findAndModify(Query.query(Criteria.where("_id").is(pollId + "/" + request.country())), update,
					FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION)
			.then(outcomes(pollId, request.country(), locale));
	}

	/** The outcomes of a poll, of one country or all, each statement in the locale or the nearest one it has. */
	Mono<OutcomeList> outcomes(String pollId, String country, ResolvedLocale locale) {
		this.content.poll(pollId, locale).orElseThrow(() -> ApiProblem.notFound("poll", pollId));
		Criteria which = Criteria.where("pollId").is(pollId);
		if (country != null) {
			which = which.and("country").is(country);
		}
		return this.mongo.find(Query.query(which), Document.class, COLLECTION)
			.map(document -> localise(document, locale))
			.sort((a, b) -> a.country().compareTo(b.country()))
			.collectList()
			.map(list -> new OutcomeList(pollId, locale.tag(), list));
	}

	private static OutcomeView localise(Document document, ResolvedLocale locale) {
		Document statement = document.get("statement", Document.class);
		String chosen = locale.fallbackChain()
			.stream()
			.filter(statement::containsKey)
			.findFirst()
			.orElse(locale.fallbackChain().get(locale.fallbackChain().size() - 1));
		return new OutcomeView(document.getString("country"), statement.getString(chosen), chosen,
				!chosen.equals(locale.tag()), document.getString("published"));
	}

	record OutcomeList(String pollId, String locale, List<OutcomeView> outcomes) {
	}

	/**
	 * @param locale the locale the statement is in
	 * @param fallback true when it is not in the requested locale
	 * @param published the day it was published
	 */
	record OutcomeView(String country, String statement, String locale, boolean fallback, String published) {
	}

}
