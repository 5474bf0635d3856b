package org.safesteps.localization;

import java.util.List;
import java.util.Map;

import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.ULocale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.safesteps.support.ApiTest;
import org.safesteps.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The eleven locales as an app sees them: each complete language serves everything without falling
 * back to English, each partial one serves its track without falling back, and more specific
 * tags fall back along BCP 47.
 */
@ApiTest
class LanguagesTest {

	/** The locales served, in the order of localization/locales.yaml. */
	static final List<String> LISTED = List.of("en", "th", "vi", "id", "fil", "km", "lo", "ne", "si", "ja", "ms");

	static final List<String> PARTIAL = List.of("km", "lo", "ne", "si", "ja", "ms");

	@Autowired
	WebTestClient http;

	final String teacher = TestTokens.staffAs("teacher-languages", "TEACHER");

	/** The locales list names each locale, with what it sets out to translate and how far it got. */
	@Test
	@SuppressWarnings("unchecked")
	void localesListsEachWithItsScopeAndCompleteness() {
		this.http.get()
			.uri("/v1/locales")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.locales[*].tag")
			.value(tags -> assertThat((List<Object>) tags).containsExactlyElementsOf(LISTED))
			.jsonPath("$.locales[?(@.scope == 'complete')].completeness")
			.value(values -> assertThat((List<Object>) values).hasSize(LISTED.size() - PARTIAL.size()).containsOnly(1.0))
			.jsonPath("$.locales[?(@.scope == 'partial')].tag")
			.value(tags -> assertThat((List<Object>) tags).containsExactlyElementsOf(PARTIAL))
			.jsonPath("$.locales[?(@.scope == 'partial')].completeness")
			.value(values -> assertThat((List<Object>) values)
				.allSatisfy(value -> assertThat(((Number) value).doubleValue()).isBetween(0.2, 0.99)))
			.jsonPath("$.locales[*].staleStrings")
			.value(stale -> assertThat((List<Object>) stale).hasSize(LISTED.size()).containsOnly(0))
			.jsonPath("$.locales[?(@.tag == 'km')].name")
			.isEqualTo("ខ្មែរ (Khmer)");
	}

	/** A complete language serves every lesson, quiz, poll, module and help entry in itself. */
	@ParameterizedTest
	@ValueSource(strings = { "th", "vi", "id", "fil" })
	void aCompleteLanguageServesEverythingWithoutFallback(String locale) {
		List<String> lessons = lessonIds("locale=" + locale);
		assertThat(lessons).hasSize(39);
		assertServedWithoutFallback("/v1/lessons?size=100&locale=" + locale, locale);
		for (String lesson : lessons) {
			assertServedWithoutFallback("/v1/quizzes/quiz-" + lesson + "?locale=" + locale, locale);
		}
		for (String poll : List.of("poll-feeling-safe-online", "poll-who-i-would-tell", "poll-what-i-want-to-learn",
				"poll-know-my-helpline", "poll-class-feedback-5-8", "poll-class-feedback-9-12",
				"poll-class-feedback-13-17")) {
			assertServedWithoutFallback("/v1/polls/" + poll + "?locale=" + locale, locale);
		}
		assertModulesServedWithoutFallback(locale, 3);
		assertServedWithoutFallback("/v1/help?locale=" + locale, locale);
	}

	/**
	 * A partial language serves its track in itself: the 9-12 child lessons, their quizzes and
	 * module, the parent lessons and the help directory. The rest falls back to English and says so.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "km", "lo", "ne", "si", "ja", "ms" })
	void aPartialLanguageServesItsTrackWithoutFallback(String locale) {
		List<String> childLessons = lessonIds("audience=child&ageBand=9-12&locale=" + locale);
		assertThat(childLessons).hasSize(9);
		assertServedWithoutFallback("/v1/lessons?audience=child&ageBand=9-12&size=100&locale=" + locale, locale);
		for (String lesson : childLessons) {
			assertServedWithoutFallback("/v1/quizzes/quiz-" + lesson + "?locale=" + locale, locale);
		}
		assertThat(lessonIds("audience=parent&locale=" + locale)).hasSizeGreaterThanOrEqualTo(5);
		assertServedWithoutFallback("/v1/lessons?audience=parent&size=100&locale=" + locale, locale);
		assertModulesServedWithoutFallback(locale, 1);
		assertServedWithoutFallback("/v1/polls/poll-class-feedback-9-12?locale=" + locale, locale);
		assertServedWithoutFallback("/v1/help?locale=" + locale, locale);

		assertFallsBackToEnglish("/v1/lessons/child-privacy-5-8?locale=" + locale);
	}

	/** A region-specific tag falls back to its language, then to English. */
	@Test
	void regionTagsFallBackAlongBcp47() {
		for (Map.Entry<String, String> tag : Map.of("fil-PH", "fil", "ms-MY", "ms", "km-KH", "km", "ja-JP", "ja",
				"ne-NP", "ne", "si-LK", "si").entrySet()) {
			this.http.get()
				.uri("/v1/lessons/child-privacy-9-12?locale=" + tag.getKey())
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals(HttpHeaders.CONTENT_LANGUAGE, tag.getValue())
				.expectBody()
				.jsonPath("$.localization.locale")
				.isEqualTo(tag.getValue());
		}
		this.http.get()
			.uri("/v1/lessons/child-privacy-9-12")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "ms-MY, en;q=0.5")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_LANGUAGE, "ms");
		assertFallsBackToEnglish("/v1/lessons/child-privacy-5-8?locale=ms-MY");
	}

	private void assertFallsBackToEnglish(String uri) {
		this.http.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.localization.locale")
			.isEqualTo("en")
			.jsonPath("$.localization.fallback")
			.isEqualTo(true);
	}

	/**
	 * A help service is named in the language of the country that runs it as well, where that
	 * language has the entry: a child reading English in Viet Nam recognises "Tổng đài" 111. A name
	 * that is the same in both languages is not repeated.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void helpServicesCarryTheirNameInTheCountrysLanguage() {
		Map<String, String> firstLanguage = Map.of("VN", "vi", "ID", "id", "PH", "fil", "KH", "km", "LA", "lo", "NP",
				"ne", "LK", "si", "JP", "ja", "TH", "th");
		firstLanguage.forEach((country, language) -> this.http.get()
			.uri("/v1/help?country=" + country + "&locale=en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].services[?(@.kind == 'child-helpline')].localLanguage")
			.value(languages -> assertThat((List<Object>) languages).isNotEmpty().containsOnly(language))
			.jsonPath("$.items[0].services[?(@.kind == 'child-helpline')].localName")
			.value(names -> assertThat((List<Object>) names).isNotEmpty()
				.allSatisfy(name -> assertThat((String) name).isNotBlank())));
		this.http.get()
			.uri("/v1/help?country=KH&locale=km")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].services[*].localName")
			.isEmpty()
			.jsonPath("$.items[0].services[?(@.kind == 'child-helpline')].name")
			.value(names -> assertThat((List<Object>) names).singleElement()
				.satisfies(name -> assertThat((String) name).contains("1280").contains("ខ្សែទូរស័ព្ទជំនួយ")));
		this.http.get()
			.uri("/v1/help?country=MY&locale=en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].services[?(@.name == 'Talian Kasih 15999')].languages[0]")
			.isEqualTo("ms")
			.jsonPath("$.items[0].services[?(@.name == 'Talian Kasih 15999')].localName")
			.isEmpty();
		this.http.get()
			.uri("/v1/help?country=AU&locale=km")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].services[?(@.kind == 'child-helpline')].localLanguage")
			.value(languages -> assertThat((List<Object>) languages).containsOnly("en"));
	}

	/** Problems come back in each language, with ICU plurals filled in and numbers in its digits (१ in Nepali). */
	@ParameterizedTest
	@ValueSource(strings = { "th", "vi", "id", "fil", "km", "lo", "ne", "si", "ja", "ms" })
	void problemsAreWrittenInEachLanguage(String locale) {
		this.http.get()
			.uri("/v1/lessons?size=1000&locale=" + locale)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_LANGUAGE, locale)
			.expectBody()
			.jsonPath("$.title")
			.value(title -> assertThat((String) title).isNotBlank().isNotEqualTo("Your request has invalid fields"))
			.jsonPath("$.detail")
			.value(detail -> {
				String one = NumberFormat.getInstance(new ULocale(locale)).format(1);
				assertThat((String) detail).contains(one).doesNotContain("{count");
				if (!one.equals("1")) {
					assertThat((String) detail).doesNotContain("1");
				}
			});
	}

	private List<String> lessonIds(String query) {
		List<String> ids = new java.util.ArrayList<>();
		this.http.get()
			.uri("/v1/lessons?size=100&" + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[*].id")
			.value(values -> ((List<?>) values).forEach(id -> ids.add((String) id)));
		return ids;
	}

	@SuppressWarnings("unchecked")
	private void assertServedWithoutFallback(String uri, String locale) {
		this.http.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_LANGUAGE, locale)
			.expectBody()
			.jsonPath("$..localization.locale")
			.value(locales -> assertThat((List<Object>) locales).as(uri).isNotEmpty().containsOnly(locale))
			.jsonPath("$..localization.fallback")
			.value(fallbacks -> assertThat((List<Object>) fallbacks).as(uri).containsOnly(false))
			.jsonPath("$..localization.stale")
			.value(stale -> assertThat((List<Object>) stale).as(uri).containsOnly(false));
	}

	@SuppressWarnings("unchecked")
	private void assertModulesServedWithoutFallback(String locale, int atLeast) {
		this.http.get()
			.uri("/v1/classroom/modules?locale=" + locale)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.teacher)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[?(@.localization.fallback == false)].localization.locale")
			.value(locales -> assertThat((List<Object>) locales).hasSizeGreaterThanOrEqualTo(atLeast)
				.containsOnly(locale));
		if (atLeast == 1) {
			this.http.get()
				.uri("/v1/classroom/modules?locale=" + locale)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.teacher)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.items[?(@.ageBand == '9-12')].localization.fallback")
				.value(fallbacks -> assertThat((List<Object>) fallbacks).containsExactly(false));
		}
	}

}
