package org.safesteps.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.safesteps.content.ContentCatalog;
import org.safesteps.content.PollDefinition;
import org.safesteps.localization.LocalizationCatalog;
import org.safesteps.platform.ApiProblem;
import org.safesteps.platform.JsonOrCsv;
import org.safesteps.platform.ProblemType;
import org.safesteps.platform.QueryParameters;
import org.safesteps.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Participation statistics: for analysts, limited to the countries of their token; poll results
 * once a poll has closed, and open data with noise, for anyone. Every table as JSON, or as CSV
 * with {@code Accept: text/csv}.
 */
@RestController
class StatisticsController {

	private static final String CSV = JsonOrCsv.CSV;

	private final ParticipationTables tables;

	private final PollTables polls;

	private final PublicReleases releases;

	private final Vocabulary vocabulary;

	private final ContentCatalog content;

	private final LocalizationCatalog localization;

	private final Clock clock;

	StatisticsController(ParticipationTables tables, PollTables polls, PublicReleases releases, Vocabulary vocabulary,
			ContentCatalog content, LocalizationCatalog localization, Clock clock) {
		this.tables = tables;
		this.polls = polls;
		this.releases = releases;
		this.vocabulary = vocabulary;
		this.content = content;
		this.localization = localization;
		this.clock = clock;
	}

	@GetMapping(path = "/v1/statistics/participation", produces = { MediaType.APPLICATION_JSON_VALUE, CSV })
	Mono<ResponseEntity<Object>> participation(@RequestParam Optional<String> country,
			@RequestParam Optional<String> from, @RequestParam Optional<String> to,
			@RequestParam Optional<String> granularity, @RequestParam Optional<String> groupBy, Caller caller,
			ServerWebExchange exchange) {
		TableQuery query = TableQuery.parse(caller, country, from, to, granularity, groupBy, Map.of(), Cube.GEO,
				LocalDate.now(this.clock), this.vocabulary);
		return this.tables.table("participation", query, Column.PARTICIPATION)
			.map(table -> JsonOrCsv.respond(exchange, table, CsvTables::write, "participation-" + query.country()));
	}

	@GetMapping(path = "/v1/statistics/learning", produces = { MediaType.APPLICATION_JSON_VALUE, CSV })
	Mono<ResponseEntity<Object>> learning(@RequestParam Optional<String> country, @RequestParam Optional<String> from,
			@RequestParam Optional<String> to, @RequestParam Optional<String> granularity,
			@RequestParam Optional<String> groupBy, @RequestParam Optional<String> topic, Caller caller,
			ServerWebExchange exchange) {
		TableQuery query = TableQuery.parse(caller, country, from, to, granularity, groupBy,
				Map.of(Dimension.TOPIC, topic), Cube.TOPIC, LocalDate.now(this.clock), this.vocabulary);
		return this.tables.table("learning", query, Column.LEARNING)
			.map(table -> JsonOrCsv.respond(exchange, table, CsvTables::write, "learning-" + query.country()));
	}

	@GetMapping(path = "/v1/statistics/polls/{id}", produces = { MediaType.APPLICATION_JSON_VALUE, CSV })
	Mono<ResponseEntity<Object>> poll(@PathVariable String id, @RequestParam Optional<String> country,
			@RequestParam Optional<String> groupBy, Caller caller, ServerWebExchange exchange) {
		List<ApiProblem.FieldError> errors = new ArrayList<>();
		String chosen = TableQuery.country(caller, country, errors, this.vocabulary);
		Dimension by = pollGrouping(groupBy, errors);
		QueryParameters.rejectIfAny(errors);
		caller.requireMayRead(chosen);
		PollDefinition poll = poll(id);
		return this.polls.table(poll, List.of(chosen), by)
			.map(table -> JsonOrCsv.respond(exchange, table, CsvTables::write, "poll-" + id + "-" + chosen));
	}

	/** A closed poll's results, by country and age band: public, so that children can see them. */
	@GetMapping(path = "/v1/polls/{id}/results", produces = { MediaType.APPLICATION_JSON_VALUE, CSV })
	Mono<ResponseEntity<Object>> results(@PathVariable String id, ServerWebExchange exchange) {
		PollDefinition poll = poll(id);
		if (!poll.hasClosedBy(LocalDate.now(this.clock))) {
			throw new ApiProblem(ProblemType.POLL_STILL_OPEN, Map.of("poll", id),
					Map.of("closes", String.valueOf(poll.closes())));
		}
		List<String> countries = poll.countries().stream().sorted().toList();
		return this.polls.table(poll, countries, Dimension.AGE_BAND)
			.map(table -> JsonOrCsv.respond(exchange, table, CsvTables::write, "poll-" + id));
	}

	@GetMapping(path = "/v1/statistics/public/participation", produces = { MediaType.APPLICATION_JSON_VALUE, CSV })
	Mono<ResponseEntity<Object>> open(@RequestParam Optional<String> country, @RequestParam Optional<String> from,
			@RequestParam Optional<String> to, @RequestParam Optional<String> groupBy, ServerWebExchange exchange) {
		List<ApiProblem.FieldError> errors = new ArrayList<>();
		country.filter(code -> !this.vocabulary.isServed(code))
			.ifPresent(code -> errors.add(new ApiProblem.FieldError("country",
					"must be a country SafeSteps serves: " + String.join(", ", this.vocabulary.countries()))));
		YearMonth last = this.releases.lastFinishedMonth();
		YearMonth end = month("to", to, errors).orElse(last);
		YearMonth start = month("from", from, errors).orElse(end.minusMonths(11));
		if (end.isAfter(last)) {
			errors.add(new ApiProblem.FieldError("to", "must be a finished month: " + last + " or before"));
		}
		if (start.isAfter(end)) {
			errors.add(new ApiProblem.FieldError("from", "must not be after to (" + end + ")"));
		}
		else if (start.plusYears(TableQuery.MAX_YEARS).isBefore(end.plusMonths(1))) {
			errors.add(new ApiProblem.FieldError("to", "the period is longer than " + TableQuery.MAX_YEARS + " years"));
		}
		Dimension by = null;
		if (groupBy.isPresent() && !groupBy.get().isBlank()) {
			by = Dimension.of(groupBy.get());
			if (by != Dimension.REGION && by != Dimension.AGE_BAND) {
				errors.add(new ApiProblem.FieldError("groupBy", "must be region or ageBand"));
			}
		}
		QueryParameters.rejectIfAny(errors);
		List<String> countries = country.map(List::of).orElseGet(this.vocabulary::countries);
		return this.releases.releases(countries, start, end, by)
			.map(table -> JsonOrCsv.respond(exchange, table, CsvTables::write, "safesteps-open-data"));
	}

	private PollDefinition poll(String id) {
		return this.content.poll(id, this.localization.resolveExplicit("en"))
			.orElseThrow(() -> ApiProblem.notFound("poll", id));
	}

	private static Dimension pollGrouping(Optional<String> groupBy, List<ApiProblem.FieldError> errors) {
		if (groupBy.isEmpty() || groupBy.get().isBlank()) {
			return null;
		}
		Dimension by = Dimension.of(groupBy.get());
		if (by == null || !PollCells.DIMENSIONS.contains(by)) {
			errors.add(new ApiProblem.FieldError("groupBy", "must be one of ageBand, region or gender"));
			return null;
		}
		return by;
	}

	private static Optional<YearMonth> month(String name, Optional<String> value, List<ApiProblem.FieldError> errors) {
		if (value.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(YearMonth.parse(value.get()));
		}
		catch (DateTimeParseException ex) {
			errors.add(new ApiProblem.FieldError(name, "must be a month such as 2026-03"));
			return Optional.empty();
		}
	}

}
