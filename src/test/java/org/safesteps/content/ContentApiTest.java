package org.safesteps.content;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.safesteps.support.ApiTest;
import org.safesteps.support.OfflineBundles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ApiTest
class ContentApiTest {

	@Autowired
	WebTestClient http;

	@Autowired
	JsonMapper json;

	/** The catalog counts every audience, age band and topic, and reports the content version. */
	@Test
	void catalogCountsTheCurriculum() {
		this.http.get()
			.uri("/v1/catalog")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_LANGUAGE, "en")
			.expectBody()
			.jsonPath("$.totals.lessons")
			.isEqualTo(39)
			.jsonPath("$.contentVersion")
			.value(version -> assertThat((Integer) version).isPositive())
			.jsonPath("$.audiences[?(@.id == 'child')].lessons")
			.isEqualTo(24)
			.jsonPath("$.ageBands[?(@.id == '5-8')].lessons")
			.isEqualTo(8)
			.jsonPath("$.topics[?(@.id == 'privacy')].lessons")
			.isEqualTo(3);
	}

	/** A Thai lesson is served in Thai with no fallback, and says it is a draft translation. */
	@Test
	void lessonInThaiSaysWhichLocaleAndStatus() {
		this.http.get()
			.uri("/v1/lessons/child-privacy-9-12?locale=th")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_LANGUAGE, "th")
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=300, public")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("ข้อมูลของเราเป็นของเรา")
			.jsonPath("$.localization.locale")
			.isEqualTo("th")
			.jsonPath("$.localization.fallback")
			.isEqualTo(false)
			.jsonPath("$.localization.status")
			.isEqualTo("draft")
			.jsonPath("$.sources[0].url")
			.value(url -> assertThat((String) url).startsWith("https://"));
	}

	/** Every lesson, for every audience, is served in Thai with no fallback. */
	@Test
	void everyLessonIsServedInThaiWithoutFallback() {
		this.http.get()
			.uri("/v1/lessons?locale=th&size=100")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.totalItems")
			.isEqualTo(39)
			.jsonPath("$.items[*].localization.locale")
			.value(locales -> assertThat((java.util.List<Object>) locales).hasSize(39).containsOnly("th"))
			.jsonPath("$.items[*].localization.stale")
			.value(stale -> assertThat((java.util.List<Object>) stale).containsOnly(false))
			.jsonPath("$.items[*].localization.fallback")
			.value(fallbacks -> assertThat((java.util.List<Object>) fallbacks).containsOnly(false));
	}

	/** The image a lesson shows is served, with a policy that keeps scripts in an SVG from running. */
	@Test
	void lessonImagesAreServed() {
		this.http.get()
			.uri("/v1/lessons/child-privacy-9-12")
			.exchange()
			.expectBody()
			.jsonPath("$.sections[*].blocks[?(@.type == 'image')].src")
			.isEqualTo(List.of("images/privacy-settings-toggle.svg"));
		this.http.get()
			.uri("/v1/images/privacy-settings-toggle.svg")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("image/svg+xml")
			.expectHeader()
			.value("Content-Security-Policy", csp -> assertThat(csp).contains("default-src 'none'").contains("sandbox"))
			.expectBody(String.class)
			.value(svg -> assertThat(svg).contains("<svg").doesNotContain("<script"));
		this.http.get().uri("/v1/images/nope.svg").exchange().expectStatus().isNotFound();
	}

	/** Accept-Language negotiates along the fallback chain: th-TH finds Thai. */
	@Test
	void acceptLanguageFindsTheClosestLocale() {
		this.http.get()
			.uri("/v1/lessons/child-privacy-9-12")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "th-TH,th;q=0.9,en;q=0.5")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_LANGUAGE, "th");
	}

	/** An unsupported Accept-Language (sw-KE, then sw) falls back silently to English. */
	@Test
	void unsupportedAcceptLanguageFallsBackToEnglish() {
		this.http.get()
			.uri("/v1/lessons/child-privacy-9-12")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "sw-KE")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_LANGUAGE, "en")
			.expectBody()
			.jsonPath("$.localization.status")
			.isEqualTo("source")
			.jsonPath("$.localization.fallback")
			.isEqualTo(false);
	}

	/** An explicit unknown locale gets a 400 problem that lists the supported locales. */
	@Test
	void explicitUnknownLocaleIsRejected() {
		this.http.get()
			.uri("/v1/lessons/child-privacy-9-12?locale=sw-KE")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://safesteps.org/problems/unknown-locale")
			.jsonPath("$.supportedLocales")
			.value(locales -> assertThat((java.util.List<Object>) locales).containsExactly("en", "th", "vi", "id", "fil",
					"km", "lo", "ne", "si", "ja", "ms"));
	}

	/** A malformed locale is rejected the same way. */
	@Test
	void malformedLocaleIsRejected() {
		this.http.get()
			.uri("/v1/catalog?locale=not_a_locale!")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://safesteps.org/problems/unknown-locale");
	}

	/** Lessons filter by audience, age band and topic, and paginate. */
	@Test
	void lessonsFilterAndPaginate() {
		this.http.get()
			.uri("/v1/lessons?audience=child&ageBand=13-17&size=4&page=1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.totalItems")
			.isEqualTo(7)
			.jsonPath("$.totalPages")
			.isEqualTo(2)
			.jsonPath("$.items.length()")
			.isEqualTo(3)
			.jsonPath("$.items[*].ageBand")
			.value(bands -> assertThat((java.util.List<Object>) bands).containsOnly("13-17"));
		this.http.get()
			.uri("/v1/lessons?topic=privacy")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.totalItems")
			.isEqualTo(3);
	}

	/** A topic that does not exist is a bad filter, not an empty list. */
	@Test
	void unknownTopicIsRejected() {
		this.http.get()
			.uri("/v1/lessons?topic=no-such-topic")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("topic");
	}

	/** HEAD works on public reads without a token. */
	@Test
	void headNeedsNoToken() {
		this.http.head()
			.uri("/v1/lessons/child-privacy-9-12")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.exists(HttpHeaders.ETAG)
			.expectBody()
			.isEmpty();
	}

	/** Bad filters get a 400 naming each field. */
	@Test
	void badFiltersNameTheField() {
		this.http.get()
			.uri("/v1/lessons?audience=robot&size=500")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://safesteps.org/problems/validation")
			.jsonPath("$.errors[*].field")
			.value(fields -> assertThat((java.util.List<Object>) fields).containsExactly("audience", "size"));
	}

	/** An unknown id gets a 404 problem. */
	@Test
	void unknownLessonIsNotFound() {
		this.http.get()
			.uri("/v1/lessons/no-such-lesson")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://safesteps.org/problems/not-found")
			.jsonPath("$.detail")
			.isEqualTo("There is no lesson with id 'no-such-lesson'.");
	}

	/** Problem titles are localised too. */
	@Test
	void problemsAreLocalised() {
		this.http.get()
			.uri("/v1/quizzes/no-such-quiz?locale=th")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_LANGUAGE, "th")
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("ไม่พบข้อมูล");
	}

	/** A strong ETag comes back, and If-None-Match with it gets 304 and no body. */
	@Test
	void etagGivesNotModified() {
		String etag = this.http.get()
			.uri("/v1/lessons/child-privacy-9-12?locale=th")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseHeaders()
			.getETag();
		assertThat(etag).startsWith("\"").doesNotStartWith("W/");
		this.http.get()
			.uri("/v1/lessons/child-privacy-9-12?locale=th")
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectStatus()
			.isNotModified()
			.expectBody()
			.isEmpty();
		this.http.get()
			.uri("/v1/lessons/child-privacy-9-12?locale=en")
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.localization.locale")
			.isEqualTo("en");
	}

	/** A quiz is served without its answers or feedback, and ordering options are shuffled. */
	@Test
	void quizHidesAnswers() {
		byte[] body = this.http.get()
			.uri("/v1/quizzes/quiz-child-privacy-9-12")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.questions.length()")
			.isEqualTo(5)
			.returnResult()
			.getResponseBody();
		String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
		assertThat(text).doesNotContain("\"correct\"").doesNotContain("\"feedback\"");
		JsonNode ordering = this.json.readTree(body).path("questions").valueStream()
			.filter(question -> question.path("type").stringValue().equals("ordering"))
			.findFirst()
			.orElseThrow();
		assertThat(ordering.path("options").valueStream().map(option -> option.path("key").stringValue()).toList())
			.containsExactlyInAnyOrder("tell", "save", "remove")
			.isNotEqualTo(java.util.List.of("tell", "save", "remove"));
	}

	/** The help directory gives each country's services with their source and verified date. */
	@Test
	void helpDirectoryNamesSources() {
		this.http.get()
			.uri("/v1/help?country=TH&locale=th")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(1)
			.jsonPath("$.items[0].country")
			.isEqualTo("TH")
			.jsonPath("$.items[0].localization.locale")
			.isEqualTo("th")
			.jsonPath("$.items[0].services[?(@.kind == 'child-helpline')].source")
			.value(sources -> assertThat((java.util.List<Object>) sources).isNotEmpty())
			.jsonPath("$.items[0].services[*].verified")
			.value(dates -> assertThat((java.util.List<Object>) dates).allMatch(d -> ((String) d).matches("\\d{4}-\\d{2}-\\d{2}")));
	}

	/** Unconfirmed services are never shown: Nepal's unverified reporting line is left out. */
	@Test
	void helpDirectoryHidesUnverifiedServices() {
		this.http.get()
			.uri("/v1/help?country=KH")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].services[?(@.kind == 'emergency')]")
			.isEmpty()
			.jsonPath("$.items[0].services[?(@.kind == 'child-helpline')]")
			.isNotEmpty();
	}

	/** Every one of the twelve countries has an entry; an unknown one is 404, a malformed one 400. */
	@Test
	void helpDirectoryCoversTheRegion() {
		for (String country : java.util.List.of("TH", "VN", "ID", "PH", "KH", "LA", "NP", "LK", "JP", "AU", "SG",
				"MY")) {
			this.http.get()
				.uri("/v1/help?country=" + country)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.items[0].services[?(@.kind == 'child-helpline')]")
				.isNotEmpty();
		}
		this.http.get().uri("/v1/help?country=FR").exchange().expectStatus().isNotFound().expectBody();
		this.http.get().uri("/v1/help?country=thailand").exchange().expectStatus().isBadRequest().expectBody();
	}

	/** An offline bundle is gzip JSON with everything for one locale and audience. */
	@Test
	void bundleHoldsOneLocaleAndAudience() {
		byte[] gzip = this.http.get()
			.uri("/v1/bundles/th?audience=parent")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/gzip")
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_LANGUAGE, "th")
			.expectBody()
			.returnResult()
			.getResponseBody();
		JsonNode bundle = this.json.readTree(OfflineBundles.gunzip(gzip));
		assertThat(bundle.path("complete").booleanValue()).isTrue();
		assertThat(bundle.path("lessons").size()).isEqualTo(5);
		assertThat(bundle.path("quizzes").size()).isEqualTo(5);
		assertThat(bundle.path("help").size()).isEqualTo(12);
		assertThat(bundle.path("lessons").valueStream().map(l -> l.path("localization").path("locale").stringValue()))
			.containsOnly("th");
	}

	/** With the current version as since, the bundle holds nothing new. */
	@Test
	void bundleSinceCurrentVersionIsEmpty() {
		int version = this.json.readTree(this.http.get()
			.uri("/v1/catalog")
			.exchange()
			.expectBody()
			.returnResult()
			.getResponseBody()).path("contentVersion").intValue();
		JsonNode bundle = OfflineBundles.fetch(this.http, this.json, "/v1/bundles/en?audience=child&since=" + version);
		assertThat(bundle.path("complete").booleanValue()).isFalse();
		assertThat(bundle.path("lessons").size()).isZero();
		assertThat(bundle.path("removed").size()).isZero();
	}

	/** A since ahead of the service's version (say, after a database reset) gets a complete bundle. */
	@Test
	void bundleSinceAheadIsComplete() {
		JsonNode bundle = OfflineBundles.fetch(this.http, this.json, "/v1/bundles/en?audience=teacher&since=999");
		assertThat(bundle.path("complete").booleanValue()).isTrue();
		assertThat(bundle.path("lessons").size()).isEqualTo(4);
	}

	/** A bundle needs a known audience and a supported locale. */
	@Test
	void bundleRejectsBadInput() {
		this.http.get()
			.uri("/v1/bundles/th")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("audience");
		this.http.get()
			.uri("/v1/bundles/xx?audience=child")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://safesteps.org/problems/unknown-locale");
		this.http.get()
			.uri("/v1/bundles/th?audience=child&since=-1")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("since");
	}

	/** The locales list says how complete each translation is. */
	@Test
	void localesReportCompleteness() {
		this.http.get()
			.uri("/v1/locales")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.source")
			.isEqualTo("en")
			.jsonPath("$.locales[?(@.tag == 'th')].completeness")
			.isEqualTo(1.0)
			.jsonPath("$.locales[?(@.tag == 'th')].reviewedItems")
			.isEqualTo(0);
	}

	/** The spec and the Swagger UI page are served. */
	@Test
	void servesTheContract() {
		this.http.get()
			.uri("/v1/openapi.yaml")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(spec -> assertThat(spec).startsWith("openapi: 3.0.3"));
		this.http.get()
			.uri("/docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(page -> assertThat(page).contains("swagger-ui-bundle.js"));
		this.http.get()
			.uri("/docs/swagger-ui-bundle.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
	}

}
