package org.safesteps.content;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.safesteps.localization.LocalizationCatalog;
import org.safesteps.localization.ResolvedLocale;
import org.safesteps.platform.ApiProblem;
import org.safesteps.platform.PageRequest;
import org.safesteps.platform.QueryParameters;
import org.safesteps.platform.AcceptableMedia;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Public, read-only content: no token needed. Functional routes rather than an annotated
 * controller, because every response is a cached byte array with its ETag and these reads are
 * the hot path: the functional stack writes the bytes with less machinery per request
 * (see the read-path benchmark in the README).
 */
@Configuration(proxyBeanMethods = false)
class ContentRoutes {

	private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

	private static final MediaType GZIP = MediaType.parseMediaType("application/gzip");

	private final ContentCatalog catalog;

	private final LocalizationCatalog localization;

	private final CacheControl cacheControl;

	ContentRoutes(ContentCatalog catalog, LocalizationCatalog localization, ContentProperties properties) {
		this.catalog = catalog;
		this.localization = localization;
		this.cacheControl = CacheControl.maxAge(Duration.ofSeconds(properties.cacheMaxAgeSeconds())).cachePublic();
	}

	@Bean
	RouterFunction<ServerResponse> contentReads() {
		return RouterFunctions.route()
			.GET("/v1/catalog", request -> json(request, this.catalog.catalog(locale(request))))
			.GET("/v1/lessons", this::lessons)
			.GET("/v1/lessons/{id}",
					request -> json(request, this.catalog.lesson(request.pathVariable("id"), locale(request))))
			.GET("/v1/quizzes/{id}",
					request -> json(request, this.catalog.quizView(request.pathVariable("id"), locale(request))))
			.GET("/v1/help", this::help)
			.GET("/v1/bundles/{locale}", this::bundle)
			.GET("/v1/images/{file}", this::image)
			.build();
	}

	private Mono<ServerResponse> lessons(ServerRequest request) {
		List<ApiProblem.FieldError> errors = new ArrayList<>();
		String audience = request.queryParam("audience").orElse(null);
		String ageBand = request.queryParam("ageBand").orElse(null);
		String topic = request.queryParam("topic").orElse(null);
		if (audience != null && !ContentCatalog.AUDIENCES.contains(audience)) {
			errors.add(new ApiProblem.FieldError("audience", "must be one of " + ContentCatalog.AUDIENCES));
		}
		if (ageBand != null && !ContentCatalog.AGE_BANDS.contains(ageBand)) {
			errors.add(new ApiProblem.FieldError("ageBand", "must be one of " + ContentCatalog.AGE_BANDS));
		}
		if (topic != null && (!ID.matcher(topic).matches() || !this.catalog.topicExists(topic))) {
			errors.add(new ApiProblem.FieldError("topic", "must be a topic id from GET /v1/catalog, such as 'privacy'"));
		}
		PageRequest paging = PageRequest.parse(request.queryParam("page"), request.queryParam("size"), errors);
		QueryParameters.rejectIfAny(errors);
		return json(request,
				this.catalog.lessons(new ContentCatalog.LessonFilter(audience, ageBand, topic, paging), locale(request)));
	}

	private Mono<ServerResponse> help(ServerRequest request) {
		String country = request.queryParam("country").orElse(null);
		if (country != null && !COUNTRY.matcher(country).matches()) {
			throw ApiProblem.invalidField("country", "must be an ISO 3166-1 alpha-2 code such as TH");
		}
		return json(request, this.catalog.help(country, locale(request)));
	}

	private Mono<ServerResponse> bundle(ServerRequest request) {
		List<ApiProblem.FieldError> errors = new ArrayList<>();
		String audience = request.queryParam("audience").orElse(null);
		if (audience == null || !ContentCatalog.AUDIENCES.contains(audience)) {
			errors.add(new ApiProblem.FieldError("audience",
					"is required and must be one of " + ContentCatalog.AUDIENCES));
		}
		Optional<String> since = request.queryParam("since");
		Integer sinceVersion = since.isPresent()
				? QueryParameters.integer("since", since, 0, 0, Integer.MAX_VALUE, errors) : null;
		QueryParameters.rejectIfAny(errors);
		ResolvedLocale locale = this.localization.resolveExplicit(request.pathVariable("locale"));
		ContentCatalog.BundleFile bundle = this.catalog.bundle(locale, audience, sinceVersion);
		return respond(request, bundle.body(), GZIP, bundle.fileName());
	}

	/**
	 * An image a lesson shows. SVG is served with a policy that forbids scripts and external
	 * loads, whatever the file holds.
	 */
	private Mono<ServerResponse> image(ServerRequest request) {
		String file = request.pathVariable("file");
		CachedBody body = this.catalog.image(file);
		if (notModified(request, body)) {
			return ServerResponse.status(304).eTag(body.etag()).cacheControl(this.cacheControl).build();
		}
		MediaType type = file.endsWith(".svg") ? MediaType.parseMediaType("image/svg+xml")
				: file.endsWith(".png") ? MediaType.IMAGE_PNG : MediaType.parseMediaType("image/webp");
		byte[] bytes = body.body();
		return ServerResponse.ok()
			.contentType(type)
			.eTag(body.etag())
			.cacheControl(this.cacheControl)
			.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
			.contentLength(bytes.length)
			.body((message, context) -> message.writeWith(Mono.fromSupplier(() -> message.bufferFactory().wrap(bytes))));
	}

	private static boolean notModified(ServerRequest request, CachedBody body) {
		return request.headers().header(HttpHeaders.IF_NONE_MATCH).stream().anyMatch(value -> value.strip().equals("*"))
				|| request.exchange().checkNotModified(body.etag());
	}

	private ResolvedLocale locale(ServerRequest request) {
		return this.localization.negotiate(request.exchange());
	}

	private Mono<ServerResponse> json(ServerRequest request, CachedBody body) {
		return respond(request, body, MediaType.APPLICATION_JSON, null);
	}

	/**
	 * The cached bytes with their ETag, or 304 when the client's copy is current ({@code If-None-Match}
	 * with that ETag, or {@code *}: the resource exists).
	 */
	private Mono<ServerResponse> respond(ServerRequest request, CachedBody body, MediaType type, String fileName) {
		AcceptableMedia.require(request.exchange(), type);
		if (notModified(request, body)) {
			return ServerResponse.status(304)
				.eTag(body.etag())
				.cacheControl(this.cacheControl)
				.header(HttpHeaders.CONTENT_LANGUAGE, body.contentLanguage())
				.build();
		}
		ServerResponse.BodyBuilder response = ServerResponse.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_LANGUAGE, body.contentLanguage())
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
			.eTag(body.etag())
			.cacheControl(this.cacheControl);
		if (fileName != null) {
			response.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
		}
		byte[] bytes = body.body();
		return response.contentLength(bytes.length)
			.body((message, context) -> message.writeWith(Mono.fromSupplier(() -> message.bufferFactory().wrap(bytes))));
	}

}
