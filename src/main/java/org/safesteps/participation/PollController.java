package org.safesteps.participation;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.safesteps.content.ContentCatalog;
import org.safesteps.content.PollDefinition;
import org.safesteps.content.ServedCountries;
import org.safesteps.localization.LocalizationCatalog;
import org.safesteps.localization.ResolvedLocale;
import org.safesteps.platform.ApiProblem;
import org.safesteps.platform.Page;
import org.safesteps.platform.PageRequest;
import org.safesteps.platform.QueryParameters;
import org.safesteps.security.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** Policy polls for children, their anonymous responses, and what ministries did with them. */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class PollController {

	private static final CacheControl SHORT = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();

	private final ContentCatalog content;

	private final ServedCountries countries;

	private final LocalizationCatalog localization;

	private final PollResponses responses;

	private final Outcomes outcomes;

	private final ParticipationProperties properties;

	private final Clock clock;

	PollController(ContentCatalog content, ServedCountries countries, LocalizationCatalog localization,
			PollResponses responses, Outcomes outcomes, ParticipationProperties properties, Clock clock) {
		this.content = content;
		this.countries = countries;
		this.localization = localization;
		this.responses = responses;
		this.outcomes = outcomes;
		this.properties = properties;
		this.clock = clock;
	}

	/** Policy polls open today, for the child's country and age band when the app gives them. */
	@GetMapping("/v1/polls")
	ResponseEntity<Page<PollViews.PollView>> open(@RequestParam Optional<String> country,
			@RequestParam Optional<String> ageBand, @RequestParam Optional<String> page,
			@RequestParam Optional<String> size, ServerWebExchange exchange) {
		List<ApiProblem.FieldError> errors = new ArrayList<>();
		country.filter(code -> !this.countries.isServed(code))
			.ifPresent(code -> errors.add(new ApiProblem.FieldError("country",
					"must be a country SafeSteps serves: " + String.join(", ", this.countries.countries()))));
		ageBand.filter(band -> !List.of("5-8", "9-12", "13-17").contains(band))
			.ifPresent(band -> errors.add(new ApiProblem.FieldError("ageBand", "must be 5-8, 9-12 or 13-17")));
		PageRequest paging = PageRequest.parse(page, size, errors);
		QueryParameters.rejectIfAny(errors);
		ResolvedLocale locale = this.localization.negotiate(exchange);
		LocalDate today = LocalDate.now(this.clock);
		List<PollViews.PollView> open = this.content.polls(locale)
			.stream()
			.filter(PollDefinition::isPolicy)
			.filter(poll -> poll.isOpenOn(today))
			.filter(poll -> country.map(poll.countries()::contains).orElse(true))
			.filter(poll -> ageBand.map(poll.ageBands()::contains).orElse(true))
			.map(poll -> PollViews.of(poll, ageBand.orElse(null), this.properties.maxTextLength()))
			.toList();
		return ResponseEntity.ok()
			.cacheControl(SHORT)
			.header(HttpHeaders.CONTENT_LANGUAGE, locale.tag())
			.body(Page.of(open, paging));
	}

	@GetMapping("/v1/polls/{id}")
	ResponseEntity<PollViews.PollView> one(@PathVariable String id, @RequestParam Optional<String> ageBand,
			ServerWebExchange exchange) {
		ResolvedLocale locale = this.localization.negotiate(exchange);
		PollDefinition poll = this.content.poll(id, locale).orElseThrow(() -> ApiProblem.notFound("poll", id));
		return ResponseEntity.ok()
			.cacheControl(SHORT)
			.header(HttpHeaders.CONTENT_LANGUAGE, locale.tag())
			.body(PollViews.of(poll, ageBand.orElse(null), this.properties.maxTextLength()));
	}

	@PostMapping("/v1/polls/{id}/responses")
	Mono<ResponseEntity<PollResponses.Receipt>> respond(@PathVariable String id,
			@Valid @RequestBody ParticipationRequests.PollResponse request, Caller caller, ServerWebExchange exchange) {
		ResolvedLocale locale = this.localization.negotiate(exchange);
		return this.responses.respond(caller, id, request, locale)
			.map(receipt -> ResponseEntity.status(HttpStatus.CREATED)
				.header(HttpHeaders.CONTENT_LANGUAGE, locale.tag())
				.body(receipt));
	}

	@GetMapping("/v1/polls/{id}/outcome")
	Mono<ResponseEntity<Outcomes.OutcomeList>> outcome(@PathVariable String id, @RequestParam Optional<String> country,
			ServerWebExchange exchange) {
		country.filter(code -> !code.matches("[A-Z]{2}")).ifPresent(code -> {
			throw ApiProblem.invalidField("country", "must be an ISO 3166-1 alpha-2 code such as TH");
		});
		ResolvedLocale locale = this.localization.negotiate(exchange);
		return this.outcomes.outcomes(id, country.orElse(null), locale)
			.map(list -> ResponseEntity.ok().cacheControl(SHORT).header(HttpHeaders.CONTENT_LANGUAGE, locale.tag()).body(list));
	}

	@PostMapping("/v1/polls/{id}/outcome")
	Mono<ResponseEntity<Outcomes.OutcomeList>> publish(@PathVariable String id,
			@Valid @RequestBody ParticipationRequests.Outcome request, Caller caller, ServerWebExchange exchange) {
		ResolvedLocale locale = this.localization.negotiate(exchange);
		return this.outcomes.publish(caller, id, request, locale)
			.map(list -> ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.CONTENT_LANGUAGE, locale.tag()).body(list));
	}

}
