package org.safesteps.content;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.safesteps.localization.LocalizationCatalog;
import org.safesteps.localization.ResolvedLocale;
import org.safesteps.platform.ApiProblem;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** Public, read-only content: no token needed. Answers come from memory as cached bytes. */
@RestController
class ContentController {

	private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

	private static final int MAX_PAGE_SIZE = 100;

	private final ContentCatalog catalog;

	private final LocalizationCatalog localization;

	private final CacheControl cacheControl;

	ContentController(ContentCatalog catalog, LocalizationCatalog localization, ContentProperties properties) {
		this.catalog = catalog;
		this.localization = localization;
		this.cacheControl = CacheControl.maxAge(Duration.ofSeconds(properties.cacheMaxAgeSeconds())).cachePublic();
	}

	@GetMapping("/v1/catalog")
	ResponseEntity<byte[]> catalog(ServerWebExchange exchange) {
		return json(this.catalog.catalog(this.localization.negotiate(exchange)));
	}

	@GetMapping("/v1/lessons")
	ResponseEntity<byte[]> lessons(@RequestParam(required = false) String audience,
			@RequestParam(required = false) String ageBand, @RequestParam(required = false) String topic,
			@RequestParam(required = false) String page, @RequestParam(required = false) String size,
			ServerWebExchange exchange) {
		List<ApiProblem.FieldError> errors = new ArrayList<>();
		if (audience != null && !ContentCatalog.AUDIENCES.contains(audience)) {
			errors.add(new ApiProblem.FieldError("audience", "must be one of " + ContentCatalog.AUDIENCES));
		}
		if (ageBand != null && !ContentCatalog.AGE_BANDS.contains(ageBand)) {
			errors.add(new ApiProblem.FieldError("ageBand", "must be one of " + ContentCatalog.AGE_BANDS));
		}
		if (topic != null && (!ID.matcher(topic).matches() || !this.catalog.topicExists(topic))) {
			errors.add(new ApiProblem.FieldError("topic", "must be a topic id from GET /v1/catalog, such as 'privacy'"));
		}
		int pageNumber = integer("page", page, 0, 0, 10_000, errors);
		int pageSize = integer("size", size, 20, 1, MAX_PAGE_SIZE, errors);
		if (!errors.isEmpty()) {
			throw ApiProblem.invalidFields(errors);
		}
		ResolvedLocale locale = this.localization.negotiate(exchange);
		return json(this.catalog.lessons(new ContentCatalog.LessonFilter(audience, ageBand, topic, pageNumber, pageSize),
				locale));
	}

	@GetMapping("/v1/lessons/{id}")
	ResponseEntity<byte[]> lesson(@PathVariable String id, ServerWebExchange exchange) {
		ResolvedLocale locale = this.localization.negotiate(exchange);
		return json(this.catalog.lesson(id, locale));
	}

	@GetMapping("/v1/quizzes/{id}")
	ResponseEntity<byte[]> quiz(@PathVariable String id, ServerWebExchange exchange) {
		ResolvedLocale locale = this.localization.negotiate(exchange);
		return json(this.catalog.quizView(id, locale));
	}

	@GetMapping("/v1/help")
	ResponseEntity<byte[]> help(@RequestParam(required = false) String country, ServerWebExchange exchange) {
		if (country != null && !COUNTRY.matcher(country).matches()) {
			throw ApiProblem.invalidField("country", "must be an ISO 3166-1 alpha-2 code such as TH");
		}
		ResolvedLocale locale = this.localization.negotiate(exchange);
		return json(this.catalog.help(country, locale));
	}

	@GetMapping("/v1/bundles/{locale}")
	ResponseEntity<byte[]> bundle(@PathVariable("locale") String localeTag,
			@RequestParam(required = false) String audience, @RequestParam(required = false) String since) {
		List<ApiProblem.FieldError> errors = new ArrayList<>();
		if (audience == null || !ContentCatalog.AUDIENCES.contains(audience)) {
			errors.add(new ApiProblem.FieldError("audience",
					"is required and must be one of " + ContentCatalog.AUDIENCES));
		}
		Integer sinceVersion = (since == null) ? null : integer("since", since, 0, 0, Integer.MAX_VALUE, errors);
		if (!errors.isEmpty()) {
			throw ApiProblem.invalidFields(errors);
		}
		ResolvedLocale locale = this.localization.resolveExplicit(localeTag);
		CachedBody body = this.catalog.bundle(locale, audience, sinceVersion);
		String fileName = "safesteps-" + locale.tag() + "-" + audience + "-v" + this.catalog.contentVersion()
				+ ((sinceVersion != null) ? "-since" + sinceVersion : "") + ".json.gz";
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/gzip"))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
			.header(HttpHeaders.CONTENT_LANGUAGE, body.contentLanguage())
			.eTag(body.etag())
			.cacheControl(this.cacheControl)
			.body(body.body());
	}

	private ResponseEntity<byte[]> json(CachedBody body) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_LANGUAGE, body.contentLanguage())
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
			.eTag(body.etag())
			.cacheControl(this.cacheControl)
			.body(body.body());
	}

	private static int integer(String name, String value, int fallback, int min, int max,
			List<ApiProblem.FieldError> errors) {
		if (value == null) {
			return fallback;
		}
		try {
			int number = Integer.parseInt(value);
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		errors.add(new ApiProblem.FieldError(name, "must be a whole number from " + min + " to " + max));
		return fallback;
	}

}
