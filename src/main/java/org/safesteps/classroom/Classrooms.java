package org.safesteps.classroom;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.safesteps.activity.Activity;
import org.safesteps.activity.ActivityRecorder;
import org.safesteps.activity.CoarseContext;
import org.safesteps.content.ContentCatalog;
import org.safesteps.content.ModuleDefinition;
import org.safesteps.content.PollDefinition;
import org.safesteps.content.Quiz;
import org.safesteps.content.ServedCountries;
import org.safesteps.learning.AttemptRequest;
import org.safesteps.learning.AttemptResult;
import org.safesteps.learning.QuizAttempts;
import org.safesteps.localization.LocalizationCatalog;
import org.safesteps.localization.ResolvedLocale;
import org.safesteps.platform.ApiProblem;
import org.safesteps.platform.ProblemType;
import org.safesteps.platform.RateLimit;
import org.safesteps.platform.RateLimiter;
import org.safesteps.platform.Writes;
import org.safesteps.privacy.Erasure;
import org.safesteps.security.Caller;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Classroom sessions: a teacher starts a module, children join by code and answer its quiz and
 * poll, and the session keeps totals only. Quiz answers count toward each child's progress
 * through learning; poll answers are counted here and reported as activity, never stored one by
 * one. Markers under a secret of their own stop a child answering a step twice.
 */
@Component
class Classrooms {

	private final ContentCatalog content;

	private final LocalizationCatalog localization;

	private final ClassSessions sessions;

	private final ClassMarkers markers;

	private final JoinCodes codes;

	private final ServedCountries countries;

	private final RateLimiter limiter;

	private final QuizAttempts quizzes;

	private final ActivityRecorder activity;

	private final Erasure erasure;

	private final LiveResults live;

	private final ClassroomProperties properties;

	Classrooms(ContentCatalog content, LocalizationCatalog localization, ClassSessions sessions, ClassMarkers markers,
			JoinCodes codes, ServedCountries countries, RateLimiter limiter, QuizAttempts quizzes,
			ActivityRecorder activity, Erasure erasure, LiveResults live, ClassroomProperties properties) {
		this.content = content;
		this.localization = localization;
		this.sessions = sessions;
		this.markers = markers;
		this.codes = codes;
		this.countries = countries;
		this.limiter = limiter;
		this.quizzes = quizzes;
		this.activity = activity;
		this.erasure = erasure;
		this.live = live;
		this.properties = properties;
	}

	List<ModuleDefinition> modules(ResolvedLocale locale) {
		return this.content.modules(locale);
	}

	Mono<ClassroomViews.SessionView> start(Caller caller, ClassroomRequests.StartSession request) {
		ResolvedLocale locale = this.localization.resolveExplicit(request.locale());
		ModuleDefinition module = this.content.module(request.moduleId(), locale)
			.orElseThrow(() -> ApiProblem.invalidField("moduleId", "'" + request.moduleId() + "' is not a module"));
		this.countries.check(new CoarseContext(request.country(), request.region(), request.ageBand()), "");
		return this.sessions.start(caller.staffId(), module, request).map(this::view);
	}

	ClassroomViews.SessionView view(ClassSession session) {
		ModuleDefinition module = module(session);
		int index = Math.min(session.step(), module.steps().size() - 1);
		return new ClassroomViews.SessionView(session.id(), session.moduleId(), module.title(), session.code(),
				session.status(this.sessions.now()), session.locale(), session.ageBand(), session.country(),
				session.region(), index, module.steps().size(), module.steps().get(index), session.participants(),
				session.createdAt(), session.expiresAt(), session.endedAt());
	}

	Mono<ClassroomViews.SessionView> advance(Caller caller, String id) {
		return this.sessions.ofTeacher(id, caller.staffId())
			.flatMap(session -> this.sessions.advance(session, module(session).steps().size()))
			.doOnNext(session -> this.live.changed(session.id()))
			.map(this::view);
	}

	/**
	 * Ends the session and counts it toward the statistics. Every end records it under the same
	 * event id, which is stored once, so an end whose recording failed or was cut off is counted
	 * when the teacher ends it again.
	 */
	Mono<ClassroomViews.SessionView> end(Caller caller, String id) {
		return this.sessions.ofTeacher(id, caller.staffId())
			.flatMap(session -> Writes.toCompletion(this.sessions.end(session)
				.then(this.sessions.find(session.id()))
				.flatMap(ended -> this.activity.record("classroom-session-" + ended.id(), run(ended)).thenReturn(ended))))
			.doOnNext(session -> this.live.changed(session.id()))
			.map(this::view);
	}

	private Activity.ClassroomSessionRun run(ClassSession session) {
		ModuleDefinition module = module(session);
		return new Activity.ClassroomSessionRun(session.moduleId(), module.topic(), session.ageBand(),
				session.country(), session.region(), session.locale(), session.participants(),
				LocalDate.ofInstant(this.sessions.now(), ZoneOffset.UTC));
	}

	/**
	 * A child joins by code. Wrong codes spend the learner's budget of failures, and once it is
	 * spent every join is refused until it refills, so codes cannot be guessed; a class sharing
	 * one address is never blocked, as the budget is per learner.
	 */
	Mono<ClassroomViews.ChildStep> join(Caller caller, ClassroomRequests.Join request, ResolvedLocale locale) {
		String code = request.code().strip().toUpperCase(Locale.ROOT);
		if (!JoinCodes.isWellFormed(code)) {
			throw ApiProblem.invalidField("code",
					"must be " + JoinCodes.LENGTH + " letters and digits from " + JoinCodes.ALPHABET);
		}
		this.limiter.checkAvailable(RateLimit.CLASSROOM_JOIN_FAILURES, caller.learnerKey());
		return this.codes.session(code)
			.switchIfEmpty(Mono.fromRunnable(() -> {
				this.limiter.consume(RateLimit.CLASSROOM_JOIN_FAILURES, caller.learnerKey());
				throw ApiProblem.notFound("join code", code);
			}))
			.flatMap(this.sessions::running)
			.flatMap(session -> Writes.toCompletion(this.markers.place(session.id(), ClassMarkers.JOINED, caller.learnerKey())
				.flatMap(first -> first ? this.sessions.add(session.id(), new Update().inc("participants", 1))
					.onErrorResume(ex -> this.markers.remove(session.id(), ClassMarkers.JOINED, caller.learnerKey())
						.then(Mono.error(ex)))
					.doOnSuccess(done -> this.live.changed(session.id())) : Mono.empty())
				.then(this.erasure.confirmNotErased(caller.learnerKey())))
				.then(this.sessions.find(session.id())))
			.map(session -> childStep(session, locale));
	}

	/** The step the class is on, for a child who joined. */
	Mono<ClassroomViews.ChildStep> currentStep(Caller caller, String id, ResolvedLocale locale) {
		return joined(caller, id).map(session -> childStep(session, locale));
	}

	private ClassroomViews.ChildStep childStep(ClassSession session, ResolvedLocale locale) {
		ModuleDefinition module = this.content.module(session.moduleId(), locale).orElseThrow(() -> moduleGone(session));
		int index = Math.min(session.step(), module.steps().size() - 1);
		ModuleDefinition.Step step = module.steps().get(index);
		return new ClassroomViews.ChildStep(session.id(), module.id(), module.title(), locale.tag(), index,
				module.steps().size(), step.key(), step.kind(), step.ref(), step.title(), step.minutes());
	}

	/** The child's answers to the session's quiz: scored and stored in their progress, and added to the class's totals. */
	Mono<AttemptResult> answerQuiz(Caller caller, String id, ClassroomRequests.QuizAnswers request,
			ResolvedLocale locale) {
		return joined(caller, id).flatMap(session -> {
			ModuleDefinition.Step step = openStep(session, request.step(), "quiz");
			String marker = ClassMarkers.step(step.key());
			AttemptRequest attempt = new AttemptRequest(request.answers(),
					new CoarseContext(session.country(), session.region(), session.ageBand()));
			return Writes.toCompletion(this.markers.place(session.id(), marker, caller.learnerKey()).flatMap(first -> {
				if (!first) {
					return Mono.error(new ApiProblem(ProblemType.ALREADY_ANSWERED, Map.of("step", step.key()), Map.of()));
				}
				// if the class's totals cannot be added, the child may answer again (their progress
				// then holds the attempt twice, as any quiz taken twice)
				return Mono.defer(() -> this.quizzes.attempt(caller, step.ref(), attempt, locale))
					.flatMap(result -> this.sessions.add(session.id(), quizTotals(step.key(), result)).thenReturn(result))
					.onErrorResume(ex -> this.markers.remove(session.id(), marker, caller.learnerKey()).then(Mono.error(ex)));
			})).doOnSuccess(result -> this.live.changed(session.id()));
		});
	}

	private static Update quizTotals(String step, AttemptResult result) {
		String prefix = "results." + step + ".";
		Update update = new Update().inc(prefix + "answered", 1);
		for (AttemptResult.QuestionResult question : result.questions()) {
			if (!question.answered()) {
				continue;
			}
			String at = prefix + "questions." + question.question() + ".";
			update.inc(at + "answered", 1).inc(at + "correct", question.correct() ? 1 : 0);
			for (String option : question.selected()) {
				update.inc(at + "options." + option, 1);
			}
		}
		return update;
	}

	/** The child's answers to the session's poll: counted in the class's totals and as activity, kept nowhere one by one. */
	Mono<ClassroomViews.PollReceipt> answerPoll(Caller caller, String id, ClassroomRequests.PollAnswers request,
			ResolvedLocale locale) {
		return joined(caller, id).flatMap(session -> {
			ModuleDefinition.Step step = openStep(session, request.step(), "poll");
			PollDefinition poll = this.content.poll(step.ref(), locale)
				.orElseThrow(() -> ApiProblem.notFound("poll", step.ref()));
			List<Activity.PollAnswered.Answer> answers = check(poll, request.answers());
			String marker = ClassMarkers.step(step.key());
			String prefix = "results." + step.key() + ".";
			Update totals = new Update().inc(prefix + "answered", 1);
			for (Activity.PollAnswered.Answer answer : answers) {
				String at = prefix + "questions." + answer.question() + ".";
				totals.inc(at + "answered", 1);
				answer.options().forEach(option -> totals.inc(at + "options." + option, 1));
			}
			// the session's locale, not the child's: in a small class an unusual language could single a child out
			Activity.PollAnswered answered = new Activity.PollAnswered(poll.id(), poll.purpose(), answers,
					session.country(), session.region(), session.ageBand(), null, session.locale(),
					LocalDate.ofInstant(this.sessions.now(), ZoneOffset.UTC));
			return Writes.toCompletion(this.markers.place(session.id(), marker, caller.learnerKey()).flatMap(first -> {
				if (!first) {
					return Mono.error(new ApiProblem(ProblemType.ALREADY_ANSWERED, Map.of("step", step.key()), Map.of()));
				}
				return Mono.fromRunnable(() -> this.limiter.consume(RateLimit.FEEDBACK, caller.learnerKey()))
					.then(this.erasure.confirmNotErased(caller.learnerKey()))
					.then(this.sessions.add(session.id(), totals))
					.then(this.activity.record(UUID.randomUUID().toString(), answered))
					.onErrorResume(ex -> this.markers.remove(session.id(), marker, caller.learnerKey()).then(Mono.error(ex)))
					.thenReturn(new ClassroomViews.PollReceipt(session.id(), step.key(), poll.id()));
			})).doOnSuccess(receipt -> this.live.changed(session.id()));
		});
	}

	private static List<Activity.PollAnswered.Answer> check(PollDefinition poll, List<ClassroomRequests.PollAnswer> answers) {
		List<ApiProblem.FieldError> errors = new ArrayList<>();
		List<Activity.PollAnswered.Answer> checked = new ArrayList<>();
		Set<String> answered = new HashSet<>();
		for (int i = 0; i < answers.size(); i++) {
			ClassroomRequests.PollAnswer answer = answers.get(i);
			String field = "answers[" + i + "]";
			PollDefinition.Question question = poll.questions()
				.stream()
				.filter(q -> q.key().equals(answer.question()))
				.findFirst()
				.orElse(null);
			if (question == null) {
				errors.add(new ApiProblem.FieldError(field + ".question", "'" + answer.question() + "' is not a question of this poll"));
				continue;
			}
			if (!answered.add(question.key())) {
				errors.add(new ApiProblem.FieldError(field + ".question", "question '" + question.key() + "' is answered twice"));
				continue;
			}
			String problem = question.isFreeText() ? "takes free text, which a class does not collect"
					: question.optionsProblem(answer.selected());
			if (problem != null) {
				errors.add(new ApiProblem.FieldError(field, "question '" + question.key() + "' " + problem));
				continue;
			}
			checked.add(new Activity.PollAnswered.Answer(question.key(), List.copyOf(answer.selected()), false));
		}
		for (PollDefinition.Question question : poll.questions()) {
			if (!question.optional() && !question.isFreeText() && !answered.contains(question.key())) {
				errors.add(new ApiProblem.FieldError("answers", "question '" + question.key() + "' must be answered"));
			}
		}
		if (!errors.isEmpty()) {
			throw ApiProblem.invalidFields(errors);
		}
		return checked;
	}

	/** A running session the learner joined. */
	private Mono<ClassSession> joined(Caller caller, String id) {
		return this.sessions.running(id)
			.flatMap(session -> this.markers.exists(session.id(), ClassMarkers.JOINED, caller.learnerKey())
				.flatMap(joined -> joined ? Mono.just(session)
						: Mono.error(new ApiProblem(ProblemType.NOT_JOINED, Map.of("session", id), Map.of()))));
	}

	/** The step, of the kind asked, if the class has reached it. */
	private ModuleDefinition.Step openStep(ClassSession session, String key, String kind) {
		ModuleDefinition module = module(session);
		int index = -1;
		for (int i = 0; i < module.steps().size(); i++) {
			if (module.steps().get(i).key().equals(key)) {
				index = i;
			}
		}
		if (index < 0 || !module.steps().get(index).kind().equals(kind)) {
			throw ApiProblem.invalidField("step", "'" + key + "' is not a " + kind + " step of " + module.id());
		}
		if (index > session.step()) {
			throw new ApiProblem(ProblemType.STEP_NOT_OPEN, Map.of("step", key), Map.of());
		}
		return module.steps().get(index);
	}

	ClassroomViews.Results results(ClassSession session) {
		ModuleDefinition module = module(session);
		ResolvedLocale locale = this.localization.resolveExplicit(session.locale());
		Map<String, Map<String, List<String>>> options = new LinkedHashMap<>();
		for (ModuleDefinition.Step step : module.steps()) {
			Map<String, List<String>> questions = new LinkedHashMap<>();
			if (step.isQuiz()) {
				Quiz quiz = this.content.quiz(step.ref(), locale).orElseThrow(() -> ApiProblem.notFound("quiz", step.ref()));
				quiz.questions().forEach(q -> questions.put(q.key(), q.options().stream().map(Quiz.Option::key).toList()));
			}
			else if (step.isPoll()) {
				PollDefinition poll = this.content.poll(step.ref(), locale)
					.orElseThrow(() -> ApiProblem.notFound("poll", step.ref()));
				poll.questions()
					.stream()
					.filter(q -> !q.isFreeText())
					.forEach(q -> questions.put(q.key(), q.options().stream().map(PollDefinition.Option::key).toList()));
			}
			if (!questions.isEmpty()) {
				options.put(step.key(), questions);
			}
		}
		return ResultsView.of(session, module, options, this.properties.minimumAnswers(), this.sessions.now());
	}

	private ModuleDefinition module(ClassSession session) {
		return this.content.module(session.moduleId(), this.localization.resolveExplicit(session.locale()))
			.orElseThrow(() -> moduleGone(session));
	}

	/** A session whose module was removed from content since it started. */
	private static ApiProblem moduleGone(ClassSession session) {
		return ApiProblem.notFound("module", session.moduleId());
	}

}
