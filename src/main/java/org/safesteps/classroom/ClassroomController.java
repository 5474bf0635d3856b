package org.safesteps.classroom;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.safesteps.learning.AttemptResult;
import org.safesteps.localization.LocalizationCatalog;
import org.safesteps.localization.ResolvedLocale;
import org.safesteps.platform.ApiProblem;
import org.safesteps.platform.JsonOrCsv;
import org.safesteps.platform.Page;
import org.safesteps.platform.PageRequest;
import org.safesteps.platform.ProblemType;
import org.safesteps.platform.QueryParameters;
import org.safesteps.security.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** Classroom sessions: teachers run them, children join and answer, results stream back as totals. */
@RestController
class ClassroomController {

	private static final Duration HEARTBEAT = Duration.ofSeconds(15);

	private final Classrooms classrooms;

	private final ClassSessions sessions;

	private final LiveResults live;

	private final LocalizationCatalog localization;

	private final ClassroomProperties properties;

	ClassroomController(Classrooms classrooms, ClassSessions sessions, LiveResults live,
			LocalizationCatalog localization, ClassroomProperties properties) {
		this.classrooms = classrooms;
		this.sessions = sessions;
		this.live = live;
		this.localization = localization;
		this.properties = properties;
	}

	@GetMapping(path = "/v1/classroom/modules", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Page<ClassroomViews.ModuleView>> modules(@RequestParam Optional<String> page,
			@RequestParam Optional<String> size, ServerWebExchange exchange) {
		List<ApiProblem.FieldError> errors = new java.util.ArrayList<>();
		PageRequest paging = PageRequest.parse(page, size, errors);
		QueryParameters.rejectIfAny(errors);
		ResolvedLocale locale = this.localization.negotiate(exchange);
		List<ClassroomViews.ModuleView> all = this.classrooms.modules(locale)
			.stream()
			.map(ClassroomViews.ModuleView::of)
			.toList();
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_LANGUAGE, locale.tag()).body(Page.of(all, paging));
	}

	@PostMapping(path = "/v1/classroom/sessions", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<ClassroomViews.SessionView>> start(@Valid @RequestBody ClassroomRequests.StartSession request,
			Caller caller) {
		return this.classrooms.start(caller, request)
			.map(session -> ResponseEntity.status(HttpStatus.CREATED)
				.header(HttpHeaders.LOCATION, "/v1/classroom/sessions/" + session.id())
				.body(session));
	}

	@GetMapping(path = "/v1/classroom/sessions", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<Page<ClassroomViews.SessionView>> mine(@RequestParam Optional<String> page,
			@RequestParam Optional<String> size, Caller caller) {
		List<ApiProblem.FieldError> errors = new java.util.ArrayList<>();
		PageRequest paging = PageRequest.parse(page, size, errors);
		QueryParameters.rejectIfAny(errors);
		return this.sessions.ofTeacher(caller.staffId(), paging)
			.map(found -> new Page<>(found.items().stream().map(this.classrooms::view).toList(), found.page(),
					found.size(), found.totalItems(), found.totalPages()));
	}

	@GetMapping(path = "/v1/classroom/sessions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ClassroomViews.SessionView> one(@PathVariable String id, Caller caller) {
		return this.sessions.ofTeacher(id, caller.staffId()).map(this.classrooms::view);
	}

	@PostMapping(path = "/v1/classroom/sessions/{id}/advance", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ClassroomViews.SessionView> advance(@PathVariable String id, Caller caller) {
		return this.classrooms.advance(caller, id);
	}

	@PostMapping(path = "/v1/classroom/sessions/{id}/end", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ClassroomViews.SessionView> end(@PathVariable String id, Caller caller) {
		return this.classrooms.end(caller, id);
	}

	/** Live totals while the session runs; the stream ends with the session's last totals. */
	@GetMapping(path = "/v1/classroom/sessions/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Mono<ResponseEntity<Flux<ServerSentEvent<ClassroomViews.Results>>>> events(@PathVariable String id,
			Caller caller) {
		return this.sessions.ofTeacher(id, caller.staffId()).map(first -> {
			Flux<ServerSentEvent<ClassroomViews.Results>> results = Flux.defer(() -> {
				HeldBack held = new HeldBack(this.properties.minimumAnswers());
				return this.live.follow(id, this.properties.refreshInterval(), () -> this.sessions.find(id))
					.map(this.classrooms::results)
					// the status too: a session that expires changes no version
					.distinctUntilChanged(totals -> totals.version() + "/" + totals.status())
					.map(held::apply)
					.takeUntil(totals -> !"active".equals(totals.status()));
			})
				.map(totals -> ServerSentEvent.builder(totals)
					.id(Long.toString(totals.version()))
					.event("results")
					.build())
				.share();
			Flux<ServerSentEvent<ClassroomViews.Results>> heartbeat = Flux.interval(HEARTBEAT)
				.map(tick -> ServerSentEvent.<ClassroomViews.Results>builder().comment("still here").build());
			return ResponseEntity.ok()
				.cacheControl(CacheControl.noStore())
				.header("X-Accel-Buffering", "no")
				.body(results.mergeWith(heartbeat.takeUntilOther(results.ignoreElements())));
		});
	}

	@GetMapping(path = "/v1/classroom/sessions/{id}/report", produces = { MediaType.APPLICATION_JSON_VALUE, JsonOrCsv.CSV })
	Mono<ResponseEntity<Object>> report(@PathVariable String id, Caller caller, ServerWebExchange exchange) {
		return this.sessions.ofTeacher(id, caller.staffId()).map(session -> {
			if (session.isRunning(this.sessions.now())) {
				throw new ApiProblem(ProblemType.SESSION_STILL_RUNNING, Map.of("session", id), Map.of());
			}
			return JsonOrCsv.respond(exchange, this.classrooms.results(session), ReportCsv::write,
					"classroom-" + session.moduleId() + "-" + session.createdAt().toString().substring(0, 10));
		});
	}

	@PostMapping(path = "/v1/classroom/join", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<ClassroomViews.ChildStep>> join(@Valid @RequestBody ClassroomRequests.Join request,
			Caller caller, ServerWebExchange exchange) {
		ResolvedLocale locale = this.localization.negotiate(exchange);
		return this.classrooms.join(caller, request, locale)
			.map(step -> ResponseEntity.ok().header(HttpHeaders.CONTENT_LANGUAGE, step.locale()).body(step));
	}

	@GetMapping(path = "/v1/classroom/sessions/{id}/step", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<ClassroomViews.ChildStep>> step(@PathVariable String id, Caller caller,
			ServerWebExchange exchange) {
		ResolvedLocale locale = this.localization.negotiate(exchange);
		return this.classrooms.currentStep(caller, id, locale)
			.map(step -> ResponseEntity.ok()
				.cacheControl(CacheControl.noStore())
				.header(HttpHeaders.CONTENT_LANGUAGE, step.locale())
				.body(step));
	}

	@PostMapping(path = "/v1/classroom/sessions/{id}/quiz-attempts", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<AttemptResult>> quiz(@PathVariable String id,
			@Valid @RequestBody ClassroomRequests.QuizAnswers request, Caller caller, ServerWebExchange exchange) {
		return this.classrooms.answerQuiz(caller, id, request, this.localization.negotiate(exchange))
			.map(result -> ResponseEntity.status(HttpStatus.CREATED)
				.header(HttpHeaders.CONTENT_LANGUAGE, result.locale())
				.body(result));
	}

	@PostMapping(path = "/v1/classroom/sessions/{id}/poll-responses", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<ClassroomViews.PollReceipt>> poll(@PathVariable String id,
			@Valid @RequestBody ClassroomRequests.PollAnswers request, Caller caller, ServerWebExchange exchange) {
		return this.classrooms.answerPoll(caller, id, request, this.localization.negotiate(exchange))
			.map(receipt -> ResponseEntity.status(HttpStatus.CREATED).body(receipt));
	}

}
